import CNewsHostPlugin

/// The article of one hook call, read where the host laid it out: nothing
/// is copied or decoded until a plugin asks for it. ``IncomingArticle``
/// copies every field into Swift strings for every plugin of the chain,
/// which costs a summarizer that reads only the body, and an exporter that
/// writes bytes, more than their own work on some articles.
///
/// The view and everything read from it (``BorrowedText``,
/// ``BorrowedTexts``, ``BorrowedAnnotations``) borrow the host's memory and
/// are valid only until the hook returns. The view itself cannot be copied
/// or kept; copy what you need (``BorrowedText/string``, or
/// ``IncomingArticle/init(_:)-(ArticleView)``).
public struct ArticleView: ~Copyable {
    let raw: nh_article

    init(_ raw: nh_article) {
        self.raw = raw
    }

    /// Stable id, `<source>#<index>`.
    public var id: BorrowedText { BorrowedText(raw: raw.id) }
    /// The input it came from.
    public var source: BorrowedText { BorrowedText(raw: raw.source) }
    /// Position within its source.
    public var index: UInt64 { raw.index }
    /// The main title; empty when none.
    public var headline: BorrowedText { BorrowedText(raw: raw.headline) }
    /// Every title line in page order.
    public var titles: BorrowedTexts { BorrowedTexts(raw: raw.titles) }
    /// Reporter names.
    public var bylines: BorrowedTexts { BorrowedTexts(raw: raw.bylines) }
    /// Normalized dateline; empty when none.
    public var dateline: BorrowedText { BorrowedText(raw: raw.dateline) }
    /// Paragraphs joined with newlines.
    public var body: BorrowedText { BorrowedText(raw: raw.body) }
    /// Body paragraphs.
    public var paragraphs: BorrowedTexts { BorrowedTexts(raw: raw.paragraphs) }
    /// Photo captions.
    public var captions: BorrowedTexts { BorrowedTexts(raw: raw.captions) }
    /// In-article sub-headings.
    public var subheadings: BorrowedTexts { BorrowedTexts(raw: raw.subheadings) }
    /// Editor's notes and source lines (ABI 1.1; empty from an older host).
    public var notes: BorrowedTexts { Self.hasNotes(raw) ? BorrowedTexts(raw: raw.notes) : .empty }

    /// Labels of earlier plugins: `text` is the name, `value` the score.
    public var labels: BorrowedAnnotations { BorrowedAnnotations(raw.labels, raw.label_count, .label) }
    /// Summaries of earlier plugins: `text` is the summary.
    public var summaries: BorrowedAnnotations { BorrowedAnnotations(raw.summaries, raw.summary_count, .summary) }
    /// Keywords of earlier plugins: `text` is the term, `value` the weight.
    public var keywords: BorrowedAnnotations { BorrowedAnnotations(raw.keywords, raw.keyword_count, .keyword) }
    /// Fields of earlier plugins: `text` is the key, `detail` the value.
    public var fields: BorrowedAnnotations { BorrowedAnnotations(raw.fields, raw.field_count, .field) }

    /// Whether the host's `nh_article` is long enough to have `notes` (ABI 1.1).
    static func hasNotes(_ raw: nh_article) -> Bool {
        let end = MemoryLayout<nh_article>.offset(of: \nh_article.notes)! + MemoryLayout<nh_str_list>.size
        return Int(raw.struct_size) >= end
    }
}

/// An annotation an earlier plugin produced, read in place.
public struct BorrowedAnnotation {
    /// The producing plugin's id.
    public var plugin: BorrowedText
    /// Label name, keyword term, field key or summary text.
    public var text: BorrowedText
    /// Score or weight (0 for fields and summaries).
    public var value: Double
    /// Field value (empty for the others).
    public var detail: BorrowedText
}

/// The labels, summaries, keywords or fields of an article, read in place.
/// A null entry of the host's array (which the header does not allow)
/// reads as an empty annotation.
public struct BorrowedAnnotations: RandomAccessCollection {
    /// Which of the ABI's annotation structs the entries point to.
    enum Kind { case label, summary, keyword, field }

    private let entries: UnsafeRawPointer?
    private let entryCount: Int
    private let kind: Kind

    init<Entry>(_ entries: UnsafePointer<UnsafePointer<Entry>?>?, _ count: Int, _ kind: Kind) {
        self.entries = entries.map(UnsafeRawPointer.init)
        self.entryCount = entries == nil ? 0 : count
        self.kind = kind
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { entryCount }

    public subscript(position: Int) -> BorrowedAnnotation {
        precondition(indices.contains(position), "BorrowedAnnotations index out of range")
        let stride = MemoryLayout<UnsafeRawPointer?>.stride
        guard let entry = entries!.load(fromByteOffset: position * stride, as: UnsafeRawPointer?.self) else {
            return BorrowedAnnotation(plugin: .empty, text: .empty, value: 0, detail: .empty)
        }
        switch kind {
        case .label:
            let label = entry.assumingMemoryBound(to: nh_label.self).pointee
            return BorrowedAnnotation(
                plugin: .init(raw: label.plugin), text: .init(raw: label.name), value: label.score, detail: .empty)
        case .summary:
            let summary = entry.assumingMemoryBound(to: nh_summary.self).pointee
            return BorrowedAnnotation(
                plugin: .init(raw: summary.plugin), text: .init(raw: summary.text), value: 0, detail: .empty)
        case .keyword:
            let keyword = entry.assumingMemoryBound(to: nh_keyword.self).pointee
            return BorrowedAnnotation(
                plugin: .init(raw: keyword.plugin), text: .init(raw: keyword.term), value: keyword.weight,
                detail: .empty)
        case .field:
            let field = entry.assumingMemoryBound(to: nh_field.self).pointee
            return BorrowedAnnotation(
                plugin: .init(raw: field.plugin), text: .init(raw: field.key), value: 0, detail: .init(raw: field.value)
            )
        }
    }
}
