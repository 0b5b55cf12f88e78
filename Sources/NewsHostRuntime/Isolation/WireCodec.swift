import NewsHostCore

/// The compact binary encoding of the isolation protocol: little-endian
/// fixed-width integers, IEEE doubles by bit pattern, strings as a 32-bit
/// byte count and UTF-8, arrays as a 32-bit count and their elements,
/// optionals as a 0/1 byte and the value.
struct WireWriter {
    private(set) var bytes: [UInt8] = []

    init(tag: UInt8) {
        bytes.reserveCapacity(256)
        bytes.append(tag)
    }

    mutating func u8(_ value: UInt8) { bytes.append(value) }

    mutating func u32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func i64(_ value: Int64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func f64(_ value: Double) { i64(Int64(bitPattern: value.bitPattern)) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            u32(UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optional(_ value: String?) {
        u8(value == nil ? 0 : 1)
        if let value { string(value) }
    }

    mutating func strings(_ values: [String]) {
        u32(UInt32(values.count))
        for value in values { string(value) }
    }

    mutating func article(_ article: Article) {
        string(article.id)
        string(article.source)
        i64(Int64(article.index))
        strings(article.titles)
        optional(article.headline)
        strings(article.bylines)
        optional(article.dateline)
        strings(article.paragraphs)
        strings(article.captions)
        strings(article.subheadings)
        strings(article.notes)
    }

    mutating func annotations(_ annotations: Annotations) {
        u32(UInt32(annotations.labels.count))
        for label in annotations.labels {
            string(label.plugin)
            string(label.name)
            f64(label.score)
        }
        u32(UInt32(annotations.summaries.count))
        for summary in annotations.summaries {
            string(summary.plugin)
            string(summary.text)
        }
        u32(UInt32(annotations.keywords.count))
        for keyword in annotations.keywords {
            string(keyword.plugin)
            string(keyword.term)
            f64(keyword.weight)
        }
        u32(UInt32(annotations.fields.count))
        for field in annotations.fields {
            string(field.plugin)
            string(field.key)
            string(field.value)
        }
    }
}

/// A frame that does not decode.
@_spi(Fuzzing) public struct WireError: Error, CustomStringConvertible {
    /// What is wrong with the frame.
    public let description: String
}

/// Reads what ``WireWriter`` wrote; every read checks the bounds.
struct WireReader {
    private let bytes: [UInt8]
    private var offset = 0

    /// Starts after the tag byte.
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        offset = 1
    }

    var tag: UInt8? { bytes.first }

    var isAtEnd: Bool { offset == bytes.count }

    private mutating func take(_ count: Int) throws(WireError) -> ArraySlice<UInt8> {
        guard count >= 0, count <= bytes.count - offset else {
            throw WireError(
                description: "frame ends early (wanted \(count) bytes at offset \(offset) of \(bytes.count))")
        }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func u8() throws(WireError) -> UInt8 { try take(1).first! }

    mutating func u32() throws(WireError) -> UInt32 {
        try take(4).reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func i64() throws(WireError) -> Int64 {
        Int64(bitPattern: try take(8).reversed().reduce(0) { $0 << 8 | UInt64($1) })
    }

    mutating func f64() throws(WireError) -> Double { Double(bitPattern: UInt64(bitPattern: try i64())) }

    mutating func string() throws(WireError) -> String {
        let count = Int(try u32())
        let utf8 = try take(count)
        guard let text = String(validating: utf8, as: UTF8.self) else {
            throw WireError(description: "a string is not UTF-8")
        }
        return text
    }

    mutating func optional() throws(WireError) -> String? {
        try u8() == 0 ? nil : try string()
    }

    mutating func strings() throws(WireError) -> [String] {
        try list { (reader: inout WireReader) throws(WireError) in try reader.string() }
    }

    private mutating func list<T>(_ element: (inout WireReader) throws(WireError) -> T) throws(WireError) -> [T] {
        let count = Int(try u32())
        guard count <= bytes.count - offset else {
            throw WireError(description: "a count of \(count) is more than the frame holds")
        }
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try element(&self)) }
        return values
    }

    mutating func article() throws(WireError) -> Article {
        let id = try string()
        let source = try string()
        let index = Int(try i64())
        var article = Article(
            source: source, index: index, titles: try strings(), headline: try optional(), bylines: try strings(),
            dateline: try optional(), paragraphs: try strings(), captions: try strings(), subheadings: try strings())
        article.notes = try strings()
        article.id = id
        return article
    }

    mutating func annotations() throws(WireError) -> Annotations {
        var annotations = Annotations()
        annotations.labels = try list { (r: inout WireReader) throws(WireError) in
            Label(plugin: try r.string(), name: try r.string(), score: try r.f64())
        }
        annotations.summaries = try list { (r: inout WireReader) throws(WireError) in
            Summary(plugin: try r.string(), text: try r.string())
        }
        annotations.keywords = try list { (r: inout WireReader) throws(WireError) in
            Keyword(plugin: try r.string(), term: try r.string(), weight: try r.f64())
        }
        annotations.fields = try list { (r: inout WireReader) throws(WireError) in
            Field(plugin: try r.string(), key: try r.string(), value: try r.string())
        }
        return annotations
    }
}
