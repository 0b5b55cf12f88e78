import CNewsHostPlugin
import NewsHostCore

/// The borrowed `nh_article` a plugin sees for one call: the article and the
/// annotations of earlier plugins, laid out in memory owned by this object.
///
/// All strings are copied once into one ``ByteArena``; the lists and
/// annotation records point into it. Everything is freed on `deinit`, so the
/// view must outlive the call it is passed to and no longer.
final class ArticleView {
    private(set) var pointer: UnsafeMutablePointer<nh_article>
    private var allocations: [UnsafeMutableRawPointer] = []
    private let arena: ByteArena

    convenience init(article: Article, annotations: Annotations) {
        self.init(raw: RawArticle(article), annotations: annotations)
    }

    init(raw article: RawArticle, annotations: Annotations) {
        let a = annotations
        let body = article.body
        let byteCount = [article.id, article.source, article.headline, article.dateline, body].reduce(0) { $0 + $1.count }
            + (article.titles + article.bylines + article.paragraphs + article.captions + article.subheadings).reduce(0) { $0 + $1.count }
        var texts = a.labels.flatMap { [$0.plugin, $0.name] } + a.summaries.flatMap { [$0.plugin, $0.text] }
        texts += a.keywords.flatMap { [$0.plugin, $0.term] } + a.fields.flatMap { [$0.plugin, $0.key, $0.value] }
        arena = ByteArena(capacity: byteCount + ByteArena.size(of: texts))
        pointer = .allocate(capacity: 1)
        allocations = [UnsafeMutableRawPointer(pointer)]

        pointer.initialize(to: nh_article(
            struct_size: UInt32(MemoryLayout<nh_article>.size), reserved: 0,
            id: arena.store(article.id), source: arena.store(article.source), index: article.index,
            headline: arena.store(article.headline), titles: list(article.titles), bylines: list(article.bylines),
            dateline: arena.store(article.dateline), body: arena.store(body), paragraphs: list(article.paragraphs),
            captions: list(article.captions), subheadings: list(article.subheadings),
            labels: records(a.labels) { [self] in
                nh_label(struct_size: UInt32(MemoryLayout<nh_label>.size), plugin: store($0.plugin), name: store($0.name), score: $0.score)
            },
            label_count: a.labels.count,
            summaries: records(a.summaries) { [self] in
                nh_summary(struct_size: UInt32(MemoryLayout<nh_summary>.size), plugin: store($0.plugin), text: store($0.text))
            },
            summary_count: a.summaries.count,
            keywords: records(a.keywords) { [self] in
                nh_keyword(struct_size: UInt32(MemoryLayout<nh_keyword>.size), plugin: store($0.plugin), term: store($0.term), weight: $0.weight)
            },
            keyword_count: a.keywords.count,
            fields: records(a.fields) { [self] in
                nh_field(struct_size: UInt32(MemoryLayout<nh_field>.size), plugin: store($0.plugin), key: store($0.key), value: store($0.value))
            },
            field_count: a.fields.count))
    }

    deinit {
        allocations.forEach { $0.deallocate() }
    }

    private func store(_ text: String) -> nh_str { arena.store(text) }

    private func list(_ items: [[UInt8]]) -> nh_str_list {
        guard !items.isEmpty else { return nh_str_list(items: nil, count: 0) }
        let storage = UnsafeMutablePointer<nh_str>.allocate(capacity: items.count)
        allocations.append(UnsafeMutableRawPointer(storage))
        for (index, item) in items.enumerated() { (storage + index).initialize(to: arena.store(item)) }
        return nh_str_list(items: storage, count: items.count)
    }

    private func records<Value, Record>(_ values: [Value], _ make: (Value) -> Record) -> UnsafePointer<UnsafePointer<Record>?>? {
        guard !values.isEmpty else { return nil }
        let storage = UnsafeMutablePointer<Record>.allocate(capacity: values.count)
        let pointers = UnsafeMutablePointer<UnsafePointer<Record>?>.allocate(capacity: values.count)
        allocations += [UnsafeMutableRawPointer(storage), UnsafeMutableRawPointer(pointers)]
        for (index, value) in values.enumerated() {
            (storage + index).initialize(to: make(value))
            (pointers + index).initialize(to: UnsafePointer(storage + index))
        }
        return UnsafePointer(pointers)
    }
}
