import CNewsHostPlugin
import NewsHostModel

/// The borrowed `nh_article` a plugin sees for one call: the article's own
/// fields, laid out once per article (``ArticleLayout``), and in a block of
/// this object's the `nh_article` itself, the annotations of earlier
/// plugins and an exporter's record. Freed on `deinit`, so the view must
/// outlive the call it is passed to and no longer.
final class ArticleView {
    let pointer: UnsafeMutablePointer<nh_article>
    private let block: UnsafeMutableRawPointer
    /// Where the article's strings are: kept as long as the view.
    private let layout: ArticleLayout

    /// - Parameter record: what the exporter's `prepare` made (ABI 1.1), for its `process`.
    init(layout: ArticleLayout, annotations a: Annotations, record: [UInt8]? = nil) {
        let record = record ?? []
        // Room for every plugin id each time, though runs of one plugin's
        // annotations share one copy (``ViewWriter/storePlugin(_:)``).
        // By index, reading each text in place: a `for` over the array
        // copied each annotation, retaining and releasing its strings.
        var textBytes = record.count
        for i in a.labels.indices { textBytes += a.labels[i].plugin.utf8.count + a.labels[i].name.utf8.count }
        for i in a.summaries.indices {
            textBytes += a.summaries[i].plugin.utf8.count + a.summaries[i].text.utf8.count
        }
        for i in a.keywords.indices { textBytes += a.keywords[i].plugin.utf8.count + a.keywords[i].term.utf8.count }
        for i in a.fields.indices {
            textBytes += a.fields[i].plugin.utf8.count + a.fields[i].key.utf8.count + a.fields[i].value.utf8.count
        }
        let pointerSize = MemoryLayout<UnsafeRawPointer>.stride
        var structured = MemoryLayout<nh_article>.stride
        structured += a.labels.count * (MemoryLayout<nh_label>.stride + pointerSize)
        structured += a.summaries.count * (MemoryLayout<nh_summary>.stride + pointerSize)
        structured += a.keywords.count * (MemoryLayout<nh_keyword>.stride + pointerSize)
        structured += a.fields.count * (MemoryLayout<nh_field>.stride + pointerSize)

        self.layout = layout
        block = .allocate(byteCount: structured + textBytes, alignment: 16)
        pointer = block.bindMemory(to: nh_article.self, capacity: 1)
        var w = ViewWriter(cursor: block + MemoryLayout<nh_article>.stride, bytes: block + structured)
        var article = layout.fields
        article.record = w.store(record)
        article.labels = w.records(a.labels) { label, w in
            nh_label(
                struct_size: UInt32(MemoryLayout<nh_label>.size), plugin: w.storePlugin(label.plugin),
                name: w.store(label.name), score: label.score)
        }
        article.label_count = a.labels.count
        article.summaries = w.records(a.summaries) { summary, w in
            nh_summary(
                struct_size: UInt32(MemoryLayout<nh_summary>.size), plugin: w.storePlugin(summary.plugin),
                text: w.store(summary.text))
        }
        article.summary_count = a.summaries.count
        article.keywords = w.records(a.keywords) { keyword, w in
            nh_keyword(
                struct_size: UInt32(MemoryLayout<nh_keyword>.size), plugin: w.storePlugin(keyword.plugin),
                term: w.store(keyword.term),
                weight: keyword.weight)
        }
        article.keyword_count = a.keywords.count
        article.fields = w.records(a.fields) { field, w in
            nh_field(
                struct_size: UInt32(MemoryLayout<nh_field>.size), plugin: w.storePlugin(field.plugin),
                key: w.store(field.key),
                value: w.store(field.value))
        }
        article.field_count = a.fields.count
        pointer.initialize(to: article)
    }

    /// Calls `body` with the view, its `record` pointing at `bytes` for the
    /// call (`{NULL, 0}` for nil or none) and `{NULL, 0}` again afterwards.
    func withRecord<Result>(_ bytes: [UInt8]?, _ body: (UnsafePointer<nh_article>) -> Result) -> Result {
        guard let bytes, !bytes.isEmpty else { return body(pointer) }
        return bytes.withUnsafeBytes { raw in
            pointer.pointee.record = nh_str(data: raw.baseAddress!.assumingMemoryBound(to: CChar.self), len: raw.count)
            defer { pointer.pointee.record = nh_str(data: nil, len: 0) }
            return body(pointer)
        }
    }

    deinit {
        block.deallocate()
    }
}
