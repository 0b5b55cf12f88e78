import NewsHostModel

/// An article as raw bytes: what the article view carries, without the
/// guarantee of valid UTF-8 that `String` gives. The conformance suite uses
/// it to hand plugins invalid UTF-8 and embedded NULs on purpose.
public struct RawArticle: Sendable, Hashable {
    public var id: [UInt8]
    public var source: [UInt8]
    public var index: UInt64
    public var headline: [UInt8]
    public var titles: [[UInt8]]
    public var bylines: [[UInt8]]
    public var dateline: [UInt8]
    public var paragraphs: [[UInt8]]
    public var captions: [[UInt8]]
    public var subheadings: [[UInt8]]
    public var notes: [[UInt8]]

    /// The body: paragraphs joined with newlines.
    public var body: [UInt8] { Array(paragraphs.joined(separator: [0x0A])) }

    /// Creates an article from bytes.
    public init(
        id: [UInt8], source: [UInt8] = Array("conformance".utf8), index: UInt64 = 0, headline: [UInt8] = [],
        titles: [[UInt8]] = [], bylines: [[UInt8]] = [], dateline: [UInt8] = [], paragraphs: [[UInt8]] = [],
        captions: [[UInt8]] = [], subheadings: [[UInt8]] = [], notes: [[UInt8]] = []
    ) {
        self.id = id
        self.source = source
        self.index = index
        self.headline = headline
        self.titles = titles
        self.bylines = bylines
        self.dateline = dateline
        self.paragraphs = paragraphs
        self.captions = captions
        self.subheadings = subheadings
        self.notes = notes
    }

    /// The bytes of a parsed article.
    public init(_ article: Article) {
        func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
        self.init(
            id: bytes(article.id), source: bytes(article.source), index: UInt64(max(0, article.index)),
            headline: bytes(article.headline ?? ""), titles: article.titles.map(bytes),
            bylines: article.bylines.map(bytes),
            dateline: bytes(article.dateline ?? ""), paragraphs: article.paragraphs.map(bytes),
            captions: article.captions.map(bytes), subheadings: article.subheadings.map(bytes),
            notes: article.notes.map(bytes))
    }
}
