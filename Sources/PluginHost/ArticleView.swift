import CNewsHostPlugin
import NewsHostModel

/// Text the view can copy: a `String` (the host's articles) or raw bytes
/// (the conformance suite's hostile articles, which may not be UTF-8).
protocol ViewText {
    var byteCount: Int { get }
    /// Calls `body` with the bytes, contiguous.
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R
}

extension String: ViewText {
    var byteCount: Int { utf8.count }

    func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        var text = self
        return text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
    }
}

extension Array: ViewText where Element == UInt8 {
    var byteCount: Int { count }

    func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        withUnsafeBytes(body)
    }
}

/// The borrowed `nh_article` a plugin sees for one call: the article and the
/// annotations of earlier plugins, laid out in one block of memory owned by
/// this object: the `nh_article`, then the string lists and annotation
/// records, then every string's bytes (the body written once, straight from
/// the paragraphs, which point into it). Freed on `deinit`, so the view must outlive the call it
/// is passed to and no longer.
final class ArticleView {
    let pointer: UnsafeMutablePointer<nh_article>
    private let block: UnsafeMutableRawPointer

    /// - Parameter record: what the exporter's `prepare` made (ABI 1.1), for its `process`.
    convenience init(article: Article, annotations: Annotations, record: [UInt8]? = nil) {
        self.init(
            id: article.id, source: article.source, index: UInt64(max(0, article.index)),
            headline: article.headline ?? "",
            titles: article.titles, bylines: article.bylines, dateline: article.dateline ?? "",
            paragraphs: article.paragraphs,
            captions: article.captions, subheadings: article.subheadings, notes: article.notes,
            annotations: annotations,
            record: record ?? [])
    }

    convenience init(raw article: RawArticle, annotations: Annotations, record: [UInt8]? = nil) {
        self.init(
            id: article.id, source: article.source, index: article.index, headline: article.headline,
            titles: article.titles, bylines: article.bylines, dateline: article.dateline,
            paragraphs: article.paragraphs,
            captions: article.captions, subheadings: article.subheadings, notes: article.notes,
            annotations: annotations,
            record: record ?? [])
    }

    private init<T: ViewText>(
        id: T, source: T, index: UInt64, headline: T, titles: [T], bylines: [T], dateline: T,
        paragraphs: [T], captions: [T], subheadings: [T], notes: [T], annotations a: Annotations,
        record: [UInt8]
    ) {
        let listCount =
            titles.count + bylines.count + paragraphs.count + captions.count + subheadings.count + notes.count
        var textBytes = id.byteCount + source.byteCount + headline.byteCount + dateline.byteCount + record.count
        for item in titles { textBytes += item.byteCount }
        for item in bylines { textBytes += item.byteCount }
        for item in paragraphs { textBytes += item.byteCount + 1 }  // once: the paragraphs point into the body
        for item in captions { textBytes += item.byteCount }
        for item in subheadings { textBytes += item.byteCount }
        for item in notes { textBytes += item.byteCount }
        for label in a.labels { textBytes += label.plugin.utf8.count + label.name.utf8.count }
        for summary in a.summaries { textBytes += summary.plugin.utf8.count + summary.text.utf8.count }
        for keyword in a.keywords { textBytes += keyword.plugin.utf8.count + keyword.term.utf8.count }
        for field in a.fields { textBytes += field.plugin.utf8.count + field.key.utf8.count + field.value.utf8.count }
        let pointerSize = MemoryLayout<UnsafeRawPointer>.stride
        var structured = MemoryLayout<nh_article>.stride + listCount * MemoryLayout<nh_str>.stride
        structured += a.labels.count * (MemoryLayout<nh_label>.stride + pointerSize)
        structured += a.summaries.count * (MemoryLayout<nh_summary>.stride + pointerSize)
        structured += a.keywords.count * (MemoryLayout<nh_keyword>.stride + pointerSize)
        structured += a.fields.count * (MemoryLayout<nh_field>.stride + pointerSize)

        block = .allocate(byteCount: structured + textBytes, alignment: 16)
        pointer = block.bindMemory(to: nh_article.self, capacity: 1)
        var w = Writer(cursor: block + MemoryLayout<nh_article>.stride, bytes: block + structured)
        let body = w.joined(paragraphs)
        var article = nh_article()
        article.struct_size = UInt32(MemoryLayout<nh_article>.size)
        article.id = w.store(id)
        article.source = w.store(source)
        article.index = index
        article.headline = w.store(headline)
        article.titles = w.list(titles)
        article.bylines = w.list(bylines)
        article.dateline = w.store(dateline)
        article.body = body
        article.paragraphs = w.slices(of: body, lengths: paragraphs.map(\.byteCount))
        article.captions = w.list(captions)
        article.subheadings = w.list(subheadings)
        article.notes = w.list(notes)
        article.record = w.store(record)
        article.labels = w.records(a.labels) { label, w in
            nh_label(
                struct_size: UInt32(MemoryLayout<nh_label>.size), plugin: w.store(label.plugin),
                name: w.store(label.name), score: label.score)
        }
        article.label_count = a.labels.count
        article.summaries = w.records(a.summaries) { summary, w in
            nh_summary(
                struct_size: UInt32(MemoryLayout<nh_summary>.size), plugin: w.store(summary.plugin),
                text: w.store(summary.text))
        }
        article.summary_count = a.summaries.count
        article.keywords = w.records(a.keywords) { keyword, w in
            nh_keyword(
                struct_size: UInt32(MemoryLayout<nh_keyword>.size), plugin: w.store(keyword.plugin),
                term: w.store(keyword.term),
                weight: keyword.weight)
        }
        article.keyword_count = a.keywords.count
        article.fields = w.records(a.fields) { field, w in
            nh_field(
                struct_size: UInt32(MemoryLayout<nh_field>.size), plugin: w.store(field.plugin),
                key: w.store(field.key),
                value: w.store(field.value))
        }
        article.field_count = a.fields.count
        pointer.initialize(to: article)
    }

    deinit {
        block.deallocate()
    }

    /// Fills the block: lists and records from the front, string bytes
    /// from the string area (a value, so no exclusivity checks at run time).
    private struct Writer {
        var cursor: UnsafeMutableRawPointer
        var bytes: UnsafeMutableRawPointer

        /// Copies `text` into the string area; an empty text is `{NULL, 0}`.
        mutating func store<T: ViewText>(_ text: T) -> nh_str {
            let destination = bytes
            let count = text.withBytes { source -> Int in
                guard let base = source.baseAddress, !source.isEmpty else { return 0 }
                destination.copyMemory(from: base, byteCount: source.count)
                return source.count
            }
            guard count > 0 else { return nh_str(data: nil, len: 0) }
            bytes += count
            return nh_str(data: destination.assumingMemoryBound(to: CChar.self), len: count)
        }

        /// The paragraphs joined with `\n`, written once.
        mutating func joined<T: ViewText>(_ paragraphs: [T]) -> nh_str {
            let start = bytes
            for (index, paragraph) in paragraphs.enumerated() {
                if index > 0 {
                    bytes.storeBytes(of: 0x0A as UInt8, as: UInt8.self)
                    bytes += 1
                }
                _ = store(paragraph)
            }
            let length = bytes - start
            return length == 0
                ? nh_str(data: nil, len: 0) : nh_str(data: start.assumingMemoryBound(to: CChar.self), len: length)
        }

        /// The paragraphs as slices of the body they were joined into.
        mutating func slices(of body: nh_str, lengths: [Int]) -> nh_str_list {
            guard !lengths.isEmpty else { return nh_str_list(items: nil, count: 0) }
            let storage = cursor.bindMemory(to: nh_str.self, capacity: lengths.count)
            cursor += lengths.count * MemoryLayout<nh_str>.stride
            var offset = 0
            for (index, length) in lengths.enumerated() {
                let data = length == 0 ? nil : body.data.map { $0 + offset }
                (storage + index).initialize(to: nh_str(data: data, len: data == nil ? 0 : length))
                offset += length + 1
            }
            return nh_str_list(items: storage, count: lengths.count)
        }

        mutating func list<T: ViewText>(_ items: [T]) -> nh_str_list {
            guard !items.isEmpty else { return nh_str_list(items: nil, count: 0) }
            let storage = cursor.bindMemory(to: nh_str.self, capacity: items.count)
            cursor += items.count * MemoryLayout<nh_str>.stride
            for (index, item) in items.enumerated() { (storage + index).initialize(to: store(item)) }
            return nh_str_list(items: storage, count: items.count)
        }

        mutating func records<Value, Record>(
            _ values: [Value], _ make: (Value, inout Writer) -> Record
        )
            -> UnsafePointer<UnsafePointer<Record>?>?
        {
            guard !values.isEmpty else { return nil }
            let storage = cursor.bindMemory(to: Record.self, capacity: values.count)
            cursor += values.count * MemoryLayout<Record>.stride
            let pointers = cursor.bindMemory(to: UnsafePointer<Record>?.self, capacity: values.count)
            cursor += values.count * MemoryLayout<UnsafeRawPointer>.stride
            for (index, value) in values.enumerated() {
                (storage + index).initialize(to: make(value, &self))
                (pointers + index).initialize(to: UnsafePointer(storage + index))
            }
            return UnsafePointer(pointers)
        }
    }
}
