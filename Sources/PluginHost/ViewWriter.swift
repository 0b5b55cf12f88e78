import CNewsHostPlugin

/// Text the view can copy: a `String` (the host's articles) or raw bytes
/// (the conformance suite's hostile articles, which may not be UTF-8).
protocol ViewText {
    /// Whether every value of the type is valid UTF-8 (a `String` is), so
    /// that the view may say so (`NH_ARTICLE_VALID_UTF8`).
    static var isValidUTF8: Bool { get }
    var byteCount: Int { get }
    /// Calls `body` with the bytes, contiguous.
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R
}

extension String: ViewText {
    static var isValidUTF8: Bool { true }
    var byteCount: Int { utf8.count }

    func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        utf8.span.withUnsafeBytes(body)
    }
}

extension Array: ViewText where Element == UInt8 {
    static var isValidUTF8: Bool { false }
    var byteCount: Int { count }

    func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        withUnsafeBytes(body)
    }
}

/// Fills a view's block: lists and records from the front, string bytes
/// from the string area (a value, so no exclusivity checks at run time).
struct ViewWriter {
    var cursor: UnsafeMutableRawPointer
    var bytes: UnsafeMutableRawPointer
    /// The plugin id stored last, and where: the annotations of one plugin
    /// come together, so one copy serves the run of them.
    private var lastPlugin: (id: String, text: nh_str)?

    init(cursor: UnsafeMutableRawPointer, bytes: UnsafeMutableRawPointer) {
        self.cursor = cursor
        self.bytes = bytes
    }

    /// An annotation's plugin id: the copy made for the annotation before
    /// when it has the same id, else a new one.
    mutating func storePlugin(_ id: String) -> nh_str {
        if let last = lastPlugin, last.id == id { return last.text }
        let text = store(id)
        lastPlugin = (id, text)
        return text
    }

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
        _ values: [Value], _ make: (Value, inout ViewWriter) -> Record
    )
        -> UnsafePointer<UnsafePointer<Record>?>?
    {
        guard !values.isEmpty else { return nil }
        let storage = cursor.bindMemory(to: Record.self, capacity: values.count)
        cursor += values.count * MemoryLayout<Record>.stride
        let pointers = cursor.bindMemory(to: UnsafePointer<Record>?.self, capacity: values.count)
        cursor += values.count * MemoryLayout<UnsafeRawPointer>.stride
        for index in values.indices {
            (storage + index).initialize(to: make(values[index], &self))
            (pointers + index).initialize(to: UnsafePointer(storage + index))
        }
        return UnsafePointer(pointers)
    }
}
