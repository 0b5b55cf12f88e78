/// One article recovered from a page, as the parser produced it.
///
/// Values of this type are what the host hands to plugins (through the ABI's
/// article view) and what `newshost parse` prints.
public struct Article: Hashable, Sendable, Codable {
    /// Stable identifier: `"<source>#<index>"`.
    public var id: String
    /// The input the article came from: a file name, or `-` for stdin.
    public var source: String
    /// Position of the article within its source, from 0.
    public var index: Int
    /// Every title line in page order (kicker, headline, deck).
    public var titles: [String]
    /// The main title, or `nil` when the page shows none.
    public var headline: String?
    /// Reporter and correspondent names.
    public var bylines: [String]
    /// Normalized dateline such as `12月10日下午`, or `nil`.
    public var dateline: String?
    /// Body paragraphs with the column wrapping undone.
    public var paragraphs: [String]
    /// Photo captions, each with its credit.
    public var captions: [String]
    /// In-article sub-headings.
    public var subheadings: [String]
    /// Source notes such as `（转摘自“今日漕河泾”）`.
    public var notes: [String] = []
    /// Keys of a JSON input object that newshost does not know (a caller's
    /// own key, for joining results back), each with its value as JSON text.
    /// Plugins see them as fields of the plugin `input`, and `export-jsonl`
    /// writes them there.
    public var carried: [Field] = []

    /// The body: the paragraphs joined with newlines.
    public var body: String { paragraphs.joined(separator: "\n") }

    /// Creates an article; `id` is derived from `source` and `index`.
    public init(
        source: String, index: Int, titles: [String] = [], headline: String? = nil,
        bylines: [String] = [], dateline: String? = nil, paragraphs: [String] = [],
        captions: [String] = [], subheadings: [String] = []
    ) {
        self.id = Article.makeID(source: source, index: index)
        self.source = source
        self.index = index
        self.titles = titles
        self.headline = headline
        self.bylines = bylines
        self.dateline = dateline
        self.paragraphs = paragraphs
        self.captions = captions
        self.subheadings = subheadings
    }

    /// The id of the article at `index` of `source`.
    public static func makeID(source: String, index: Int) -> String {
        "\(source)#\(index)"
    }
}
