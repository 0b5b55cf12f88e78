import CNewsHostPlugin
import NewsHostABI

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
    /// The host vouched that every string is valid UTF-8 (ABI 1.2), so the
    /// texts read from the view are not checked again.
    let isValidUTF8: Bool

    init(_ raw: nh_article) {
        self.raw = raw
        isValidUTF8 = ArticleFlags(of: raw).contains(.validUTF8)
    }

    /// Stable id, `<source>#<index>`.
    public var id: BorrowedText { text(raw.id) }
    /// The input it came from.
    public var source: BorrowedText { text(raw.source) }
    /// Position within its source.
    public var index: UInt64 { raw.index }
    /// The main title; empty when none.
    public var headline: BorrowedText { text(raw.headline) }
    /// Every title line in page order.
    public var titles: BorrowedTexts { texts(raw.titles) }
    /// Reporter names.
    public var bylines: BorrowedTexts { texts(raw.bylines) }
    /// Normalized dateline; empty when none.
    public var dateline: BorrowedText { text(raw.dateline) }
    /// Paragraphs joined with newlines.
    public var body: BorrowedText { text(raw.body) }
    /// Body paragraphs.
    public var paragraphs: BorrowedTexts { texts(raw.paragraphs) }
    /// Photo captions.
    public var captions: BorrowedTexts { texts(raw.captions) }
    /// In-article sub-headings.
    public var subheadings: BorrowedTexts { texts(raw.subheadings) }
    /// Editor's notes and source lines (ABI 1.1; empty from an older host).
    public var notes: BorrowedTexts { raw.has(\.notes) ? texts(raw.notes) : .empty }

    /// Labels of earlier plugins: `text` is the name, `value` the score.
    public var labels: BorrowedAnnotations { BorrowedAnnotations(raw.labels, raw.label_count, .label, isValidUTF8) }
    /// Summaries of earlier plugins: `text` is the summary.
    public var summaries: BorrowedAnnotations {
        BorrowedAnnotations(raw.summaries, raw.summary_count, .summary, isValidUTF8)
    }
    /// Keywords of earlier plugins: `text` is the term, `value` the weight.
    public var keywords: BorrowedAnnotations {
        BorrowedAnnotations(raw.keywords, raw.keyword_count, .keyword, isValidUTF8)
    }
    /// Fields of earlier plugins: `text` is the key, `detail` the value.
    public var fields: BorrowedAnnotations { BorrowedAnnotations(raw.fields, raw.field_count, .field, isValidUTF8) }

    private func text(_ raw: nh_str) -> BorrowedText { BorrowedText(raw: raw, isValidUTF8: isValidUTF8) }
    private func texts(_ raw: nh_str_list) -> BorrowedTexts { BorrowedTexts(raw: raw, isValidUTF8: isValidUTF8) }
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
    /// The host vouched that every string is valid UTF-8.
    private let isValidUTF8: Bool

    init<Entry>(_ entries: UnsafePointer<UnsafePointer<Entry>?>?, _ count: Int, _ kind: Kind, _ isValidUTF8: Bool) {
        self.entries = entries.map(UnsafeRawPointer.init)
        self.entryCount = entries == nil ? 0 : count
        self.kind = kind
        self.isValidUTF8 = isValidUTF8
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { entryCount }

    private func text(_ raw: nh_str) -> BorrowedText { BorrowedText(raw: raw, isValidUTF8: isValidUTF8) }

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
                plugin: text(label.plugin), text: text(label.name), value: label.score, detail: .empty)
        case .summary:
            let summary = entry.assumingMemoryBound(to: nh_summary.self).pointee
            return BorrowedAnnotation(
                plugin: text(summary.plugin), text: text(summary.text), value: 0, detail: .empty)
        case .keyword:
            let keyword = entry.assumingMemoryBound(to: nh_keyword.self).pointee
            return BorrowedAnnotation(
                plugin: text(keyword.plugin), text: text(keyword.term), value: keyword.weight,
                detail: .empty)
        case .field:
            let field = entry.assumingMemoryBound(to: nh_field.self).pointee
            return BorrowedAnnotation(
                plugin: text(field.plugin), text: text(field.key), value: 0, detail: text(field.value)
            )
        }
    }
}
