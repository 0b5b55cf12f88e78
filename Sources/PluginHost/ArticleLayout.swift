import CNewsHostPlugin
import NewsHostABI
import NewsHostModel

/// An article's own part of the view plugins see, laid out once: its
/// strings in one block, the body written once with the paragraphs
/// pointing into it, and the lists of them. Every plugin the article meets
/// gets an ``ArticleView`` that points into this block and adds only the
/// annotations of the plugins before it (and an exporter's record), so the
/// body is not copied again per plugin.
///
/// Immutable once made, and freed with the last view that uses it; that is
/// what makes it safe to share between the worker that analyzes an article
/// and the ordered stage that exports it.
public final class ArticleLayout: @unchecked Sendable {
    /// The article's fields for the ABI, pointing into `block`; no
    /// annotations and no record.
    let fields: nh_article
    private let block: UnsafeMutableRawPointer

    /// The layout of a parsed article.
    public convenience init(_ article: Article) {
        self.init(
            id: article.id, source: article.source, index: UInt64(max(0, article.index)),
            headline: article.headline ?? "",
            titles: article.titles, bylines: article.bylines, dateline: article.dateline ?? "",
            paragraphs: article.paragraphs,
            captions: article.captions, subheadings: article.subheadings, notes: article.notes)
    }

    /// The layout of an article given as raw bytes (possibly not UTF-8).
    convenience init(raw article: RawArticle) {
        self.init(
            id: article.id, source: article.source, index: article.index, headline: article.headline,
            titles: article.titles, bylines: article.bylines, dateline: article.dateline,
            paragraphs: article.paragraphs,
            captions: article.captions, subheadings: article.subheadings, notes: article.notes)
    }

    private init<T: ViewText>(
        id: T, source: T, index: UInt64, headline: T, titles: [T], bylines: [T], dateline: T,
        paragraphs: [T], captions: [T], subheadings: [T], notes: [T]
    ) {
        let listCount =
            titles.count + bylines.count + paragraphs.count + captions.count + subheadings.count + notes.count
        var textBytes = id.byteCount + source.byteCount + headline.byteCount + dateline.byteCount
        for item in titles { textBytes += item.byteCount }
        for item in bylines { textBytes += item.byteCount }
        for item in paragraphs { textBytes += item.byteCount + 1 }  // once: the paragraphs point into the body
        for item in captions { textBytes += item.byteCount }
        for item in subheadings { textBytes += item.byteCount }
        for item in notes { textBytes += item.byteCount }
        let lists = listCount * MemoryLayout<nh_str>.stride

        block = .allocate(byteCount: max(1, lists + textBytes), alignment: 16)
        var w = ViewWriter(cursor: block, bytes: block + lists)
        let body = w.joined(paragraphs)
        var fields = nh_article()
        fields.struct_size = UInt32(MemoryLayout<nh_article>.size)
        fields.id = w.store(id)
        fields.source = w.store(source)
        fields.index = index
        fields.headline = w.store(headline)
        fields.titles = w.list(titles)
        fields.bylines = w.list(bylines)
        fields.dateline = w.store(dateline)
        fields.body = body
        fields.paragraphs = w.slices(of: body, lengths: paragraphs.map(\.byteCount))
        fields.captions = w.list(captions)
        fields.subheadings = w.list(subheadings)
        fields.notes = w.list(notes)
        // The annotations a view adds are strings too, so the bit holds for
        // the whole view (its record is not text and is excepted).
        fields.flags = T.isValidUTF8 ? ArticleFlags.validUTF8.rawValue : 0
        self.fields = fields
    }

    deinit {
        block.deallocate()
    }
}
