import CNewsHostPlugin
import NewsHostABI

/// The article a Swift plugin is given, copied out of the borrowed
/// `nh_article` (so it may be kept after the call).
public struct IncomingArticle: Sendable {
    /// An annotation an earlier plugin produced: who, what, how much.
    public struct Annotation: Sendable, Hashable {
        /// The producing plugin's id.
        public var plugin: String
        /// Label name, keyword term, field key or summary text.
        public var text: String
        /// Score or weight (0 for fields and summaries).
        public var value: Double
        /// Field value (empty for the others).
        public var detail: String
    }

    /// Stable id, `<source>#<index>`.
    public var id: String
    /// The input it came from.
    public var source: String
    /// Position within its source.
    public var index: UInt64
    /// The main title; empty when none.
    public var headline: String
    /// Every title line in page order.
    public var titles: [String]
    /// Reporter names.
    public var bylines: [String]
    /// Normalized dateline; empty when none.
    public var dateline: String
    /// Paragraphs joined with newlines.
    public var body: String
    /// Body paragraphs.
    public var paragraphs: [String]
    /// Photo captions.
    public var captions: [String]
    /// In-article sub-headings.
    public var subheadings: [String]
    /// Editor's notes and source lines (ABI 1.1; empty from an older host).
    public var notes: [String]
    /// Labels of earlier plugins: `text` is the name, `value` the score.
    public var labels: [Annotation]
    /// Summaries of earlier plugins: `text` is the summary.
    public var summaries: [Annotation]
    /// Keywords of earlier plugins: `text` is the term, `value` the weight.
    public var keywords: [Annotation]
    /// Fields of earlier plugins: `text` is the key, `detail` the value.
    public var fields: [Annotation]

    /// A copy of the article `view` reads in place.
    public init(_ view: borrowing ArticleView) {
        self.init(view.raw)
    }

    init(_ a: nh_article) {
        typealias S = StringBridge
        id = S.string(a.id)
        source = S.string(a.source)
        index = a.index
        headline = S.string(a.headline)
        titles = S.strings(a.titles)
        bylines = S.strings(a.bylines)
        dateline = S.string(a.dateline)
        paragraphs = S.strings(a.paragraphs)
        // The header makes the body the paragraphs joined with "\n": joining
        // the copies spares checking the same UTF-8 twice.
        body = paragraphs.joined(separator: "\n")
        captions = S.strings(a.captions)
        subheadings = S.strings(a.subheadings)
        notes = a.has(\.notes) ? S.strings(a.notes) : []
        labels = Self.records(a.labels, a.label_count) {
            Annotation(plugin: S.string($0.plugin), text: S.string($0.name), value: $0.score, detail: "")
        }
        summaries = Self.records(a.summaries, a.summary_count) {
            Annotation(plugin: S.string($0.plugin), text: S.string($0.text), value: 0, detail: "")
        }
        keywords = Self.records(a.keywords, a.keyword_count) {
            Annotation(plugin: S.string($0.plugin), text: S.string($0.term), value: $0.weight, detail: "")
        }
        fields = Self.records(a.fields, a.field_count) {
            Annotation(plugin: S.string($0.plugin), text: S.string($0.key), value: 0, detail: S.string($0.value))
        }
    }

    private static func records<Record>(
        _ pointers: UnsafePointer<UnsafePointer<Record>?>?, _ count: Int,
        _ make: (Record) -> Annotation
    ) -> [Annotation] {
        guard let pointers, count > 0 else { return [] }
        return (0..<count).compactMap { pointers[$0].map { make($0.pointee) } }
    }
}
