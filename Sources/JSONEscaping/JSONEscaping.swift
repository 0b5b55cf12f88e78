/// JSON string literals, shared by the host (`newshost parse`) and the Swift
/// plugin kit (export-jsonl), which write JSON Lines by hand.
public enum JSONEscaping {
    /// `text` as a JSON string literal: quotes, backslashes and control
    /// characters escaped, everything else copied as UTF-8 bytes.
    public static func quoted(_ text: String) -> String {
        var writer = JSONWriter()
        writer.string(text)
        return writer.text
    }

    /// Appends `text` as a JSON string literal to `output`.
    public static func appendQuoted(_ text: String, to output: inout [UInt8]) {
        appendQuoted(utf8: text.utf8.span, to: &output)
    }

    /// Appends the UTF-8 text `utf8` as a JSON string literal to `output`.
    /// Runs of bytes with nothing to escape (nearly all of any text) are
    /// found eight bytes at a time (``SpecialBytes/firstSpecial(in:from:)``)
    /// and copied in one piece each.
    public static func appendQuoted(utf8: Span<UInt8>, to output: inout [UInt8]) {
        output.append(SpecialBytes.quote)
        var runStart = 0
        var special = SpecialBytes.firstSpecial(in: utf8, from: 0)
        while special < utf8.count {
            append(utf8.extracting(runStart..<special), to: &output)
            appendEscape(utf8[special], to: &output)
            runStart = special + 1
            special = SpecialBytes.firstSpecial(in: utf8, from: runStart)
        }
        append(utf8.extracting(runStart...), to: &output)
        output.append(SpecialBytes.quote)
    }

    /// Appends `run` to `output` in one copy.
    static func append(_ run: Span<UInt8>, to output: inout [UInt8]) {
        run.withUnsafeBufferPointer { output.append(contentsOf: $0) }
    }

    /// The escape of one special byte: `\"`, `\\`, `\n`, `\r`, `\t` or `\u00XX`.
    private static func appendEscape(_ byte: UInt8, to output: inout [UInt8]) {
        output.append(SpecialBytes.backslash)
        switch byte {
        case SpecialBytes.quote, SpecialBytes.backslash: output.append(byte)
        case 0x0A: output.append(UInt8(ascii: "n"))
        case 0x0D: output.append(UInt8(ascii: "r"))
        case 0x09: output.append(UInt8(ascii: "t"))
        default:
            output.append(contentsOf: [
                UInt8(ascii: "u"), 0x30, 0x30, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)],
            ])
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}

/// JSON text written straight into one byte buffer, commas included: every
/// value and key after the first in its object or array is preceded by one.
/// One buffer, where joining a string per value would allocate and copy
/// each value again for every level it is nested in.
///
///     var json = JSONWriter()
///     json.beginObject()
///     json.key("id"); json.string("a#1")
///     json.key("titles"); json.strings(["一", "二"])
///     json.endObject()          // {"id":"a#1","titles":["一","二"]}
public struct JSONWriter: Sendable {
    /// The JSON text so far, as UTF-8.
    public private(set) var bytes: [UInt8] = []

    /// An empty writer with room for about `capacity` bytes.
    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The JSON text so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// A comma before this value or key unless it opens its object or array
    /// or follows its key.
    private mutating func separate() {
        guard let last = bytes.last, !Self.opensValue(last) else { return }
        bytes.append(UInt8(ascii: ","))
    }

    /// Whether a value after `byte` takes no comma: after an opening
    /// bracket, a key's colon, a line end.
    private static func opensValue(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: ":"), UInt8(ascii: "\n"): true
        default: false
        }
    }

    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
    }

    public mutating func endObject() { bytes.append(UInt8(ascii: "}")) }

    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
    }

    public mutating func endArray() { bytes.append(UInt8(ascii: "]")) }

    /// An object member's key; its value comes next.
    public mutating func key(_ name: String) {
        separate()
        JSONEscaping.appendQuoted(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    /// An object member's key written ahead (``JSONKey``); its value comes next.
    public mutating func key(_ name: JSONKey) {
        separate()
        JSONEscaping.append(name.quoted.span, to: &bytes)
    }

    @inlinable
    public mutating func string(_ text: some UTF8Readable) {
        _ = text.withUTF8Span { quotedRun(utf8: $0) }
    }

    /// A string from its UTF-8 bytes, and where its text (between its
    /// quotes) is in ``bytes``: what ``string(_:)`` writes, not generic, so
    /// that the generic entry points can be inlined (and specialized for the
    /// caller's text) around it.
    @usableFromInline @discardableResult
    mutating func quotedRun(utf8: Span<UInt8>) -> Range<Int> {
        separate()
        let start = bytes.count + 1
        JSONEscaping.appendQuoted(utf8: utf8, to: &bytes)
        return start..<(bytes.count - 1)
    }

    /// The strings `runs` of ``bytes`` (escaped text, as ``quotedRun(utf8:)``
    /// gives) joined with line feeds, as one string: copied, not escaped again.
    @usableFromInline
    mutating func joinedLines(_ runs: [Range<Int>]) {
        separate()
        bytes.append(SpecialBytes.quote)
        if let first = runs.first?.lowerBound, let end = runs.last?.upperBound {
            // Copied out once: appending from `bytes` to itself would copy all of it.
            let written = Array(bytes[first..<end])
            for (index, run) in runs.enumerated() {
                if index > 0 {
                    bytes.append(SpecialBytes.backslash)
                    bytes.append(UInt8(ascii: "n"))
                }
                bytes.append(contentsOf: written[(run.lowerBound - first)..<(run.upperBound - first)])
            }
        }
        bytes.append(SpecialBytes.quote)
    }

    /// A string, or `null` for `nil`.
    @inlinable
    public mutating func optionalString(_ text: (some UTF8Readable)?) {
        guard let text else { return null() }
        string(text)
    }

    /// An array of strings.
    @inlinable
    public mutating func strings(_ items: some Sequence<some UTF8Readable>) {
        beginArray()
        for item in items { string(item) }
        endArray()
    }

    /// A finite number; a non-finite one (not JSON) is written as `null`.
    public mutating func number(_ value: Double) {
        guard value.isFinite else { return null() }
        raw(value.description)
    }

    public mutating func integer(_ value: some BinaryInteger) { raw(value.description) }

    public mutating func null() { raw("null") }

    /// A line feed, which ends a line of JSON Lines (the next value starts
    /// a new document: no comma before it).
    public mutating func endLine() { bytes.append(UInt8(ascii: "\n")) }

    /// `json`, which must be one JSON value, as it is.
    public mutating func raw(_ json: String) {
        separate()
        // From contiguous UTF-8 (a number's text is a small string, kept in
        // place): appending the `utf8` view goes byte by byte.
        var json = json
        json.withUTF8 { bytes.append(contentsOf: $0) }
    }
}

extension JSONEscaping {
    /// ``JSONWriter``, by a name that modules which also have a `JSONWriter`
    /// (the plugin kit, which re-exports it) can reach: the module and this
    /// enum share the name `JSONEscaping`.
    public typealias Writer = JSONWriter

    /// ``JSONKey``, by a name the plugin kit can reach (see ``Writer``).
    public typealias Key = JSONKey
}

extension JSONWriter {
    /// The members of a parsed article, in the order and under the keys
    /// `newshost parse` writes them and export-jsonl begins its lines with
    /// (so either output reads back as input). A `nil` headline or dateline
    /// is `null`; the body is written from the paragraphs.
    @inlinable
    public mutating func articleMembers<Text: UTF8Readable, Texts: Sequence<Text>>(
        id: Text, source: Text, index: some BinaryInteger, headline: Text?, titles: Texts,
        bylines: Texts, dateline: Text?, paragraphs: Texts, captions: Texts,
        subheadings: Texts, notes: Texts
    ) {
        key(ArticleKeys.id)
        string(id)
        key(ArticleKeys.source)
        string(source)
        key(ArticleKeys.index)
        integer(index)
        key(ArticleKeys.headline)
        optionalString(headline)
        key(ArticleKeys.titles)
        strings(titles)
        key(ArticleKeys.bylines)
        strings(bylines)
        key(ArticleKeys.dateline)
        optionalString(dateline)
        key(ArticleKeys.paragraphs)
        beginArray()
        var runs: [Range<Int>] = []
        for paragraph in paragraphs { runs.append(paragraph.withUTF8Span { quotedRun(utf8: $0) }) }
        endArray()
        // The body is the paragraphs joined with line feeds (the article
        // model's and the ABI's definition): their escaped text, copied.
        key(ArticleKeys.body)
        joinedLines(runs)
        key(ArticleKeys.captions)
        strings(captions)
        key(ArticleKeys.subheadings)
        strings(subheadings)
        key(ArticleKeys.notes)
        strings(notes)
    }
}

/// The keys of ``JSONWriter/articleMembers(id:source:index:headline:titles:bylines:dateline:paragraphs:captions:subheadings:notes:)``,
/// quoted once.
@usableFromInline
enum ArticleKeys {
    @usableFromInline static let id = JSONKey("id")
    @usableFromInline static let source = JSONKey("source")
    @usableFromInline static let index = JSONKey("index")
    @usableFromInline static let headline = JSONKey("headline")
    @usableFromInline static let titles = JSONKey("titles")
    @usableFromInline static let bylines = JSONKey("bylines")
    @usableFromInline static let dateline = JSONKey("dateline")
    @usableFromInline static let paragraphs = JSONKey("paragraphs")
    @usableFromInline static let body = JSONKey("body")
    @usableFromInline static let captions = JSONKey("captions")
    @usableFromInline static let subheadings = JSONKey("subheadings")
    @usableFromInline static let notes = JSONKey("notes")
}
