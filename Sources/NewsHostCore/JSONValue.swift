import JSONEscaping

/// A JSON value as the JSON Lines readers need it: strings decoded,
/// numbers kept as their text, objects as their members in order with the
/// byte range of each member's value in the line (so an unknown member can
/// be carried through as written).
///
/// A reader of its own rather than `JSONSerialization`: reading a record
/// through Foundation (validating the UTF-8 again, bridging every value to
/// `NSString` and `NSNumber`) was three quarters of a run of a trivial plugin
/// over JSON Lines.
enum JSONValue: Equatable {
    case string(String)
    /// The number's text, as written (`3`, `-0.5e3`).
    case number(Substring)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object(JSONObject)

    /// The number, when this is one.
    var number: Double? {
        if case .number(let text) = self { return Double(text) }
        return nil
    }

    /// The string, when this is one.
    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The strings, when this is an array of strings only.
    var strings: [String]? {
        guard case .array(let items) = self else { return nil }
        let strings = items.compactMap(\.string)
        return strings.count == items.count ? strings : nil
    }
}

/// A JSON object's members in order. A key given twice keeps its last value.
struct JSONObject: Equatable {
    /// The members, in order, with the UTF-8 offsets of each value in the line.
    var members: [(key: String, value: JSONValue, range: Range<Int>)] = []
    /// The line the object was read from (set for a line's top-level object).
    var line: Substring = ""

    /// The value of `key` (its last occurrence).
    subscript(key: String) -> JSONValue? {
        members.last { $0.key == key }?.value
    }

    /// The keys, each once, in order of their first occurrence.
    var keys: [String] {
        var seen = Set<String>()
        return members.map(\.key).filter { seen.insert($0).inserted }
    }

    /// The value of `key` as written in the line (its last occurrence).
    func text(of key: String) -> Substring? {
        members.last(where: { $0.key == key }).map { line.utf8Slice($0.range) }
    }

    static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.elementsEqual(rhs.members) { $0.key == $1.key && $0.value == $1.value && $0.range == $1.range }
    }
}

/// Why a line is not valid JSON, with the offset (from 0) where the reader
/// stopped: "Invalid value around character 7".
struct JSONSyntaxError: Error, Equatable, CustomStringConvertible {
    var problem: String
    var offset: Int

    var description: String { "\(problem) around character \(offset)" }
}

/// A strict JSON reader (RFC 8259) over the UTF-8 of one line.
struct JSONReader {
    private let text: Substring
    /// The line's UTF-8, copied once (a block copy: copying the view byte
    /// by byte was a quarter of a run): cheaper than indexing the string's
    /// own view at every step.
    private let bytes: [UInt8]
    private var position = 0

    /// Nesting deeper than this is refused rather than read recursively:
    /// no article needs it, and a hostile line must not exhaust the stack.
    static let maximumDepth = 512

    /// Reads `text`, which must hold exactly one JSON value (white space around it allowed).
    static func value(of text: Substring) throws(JSONSyntaxError) -> JSONValue {
        var reader = JSONReader(text: text)
        var value = try reader.readDocument()
        if case .object(var object) = value {
            object.line = text
            value = .object(object)
        }
        return value
    }

    private init(text: Substring) {
        self.text = text
        bytes = text.utf8.withContiguousStorageIfAvailable(Array.init) ?? Array(text.utf8)
    }

    private mutating func readDocument() throws(JSONSyntaxError) -> JSONValue {
        skipWhiteSpace()
        let value = try readValue(depth: 0)
        skipWhiteSpace()
        guard position == bytes.count else { throw fail("Garbage at end") }
        return value
    }

    private func fail(_ problem: String) -> JSONSyntaxError {
        JSONSyntaxError(problem: problem, offset: position)
    }

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipWhiteSpace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { position += 1 }
    }

    private mutating func readValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard depth < Self.maximumDepth else { throw fail("Too many nested arrays or objects") }
        switch current {
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "{"): return .object(try readObject(depth: depth))
        case UInt8(ascii: "["): return try readArray(depth: depth)
        case UInt8(ascii: "t"): return try readWord("true", .bool(true))
        case UInt8(ascii: "f"): return try readWord("false", .bool(false))
        case UInt8(ascii: "n"): return try readWord("null", .null)
        case let byte? where byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte):
            return try readNumber()
        case nil: throw fail("Unexpected end of file")
        default: throw fail("Invalid value")
        }
    }

    private mutating func readWord(_ word: String, _ value: JSONValue) throws(JSONSyntaxError) -> JSONValue {
        for byte in word.utf8 {
            guard current == byte else { throw fail("Invalid value") }
            position += 1
        }
        return value
    }

    private mutating func readObject(depth: Int) throws(JSONSyntaxError) -> JSONObject {
        position += 1
        var object = JSONObject()
        skipWhiteSpace()
        if current == UInt8(ascii: "}") {
            position += 1
            return object
        }
        while true {
            skipWhiteSpace()
            guard current == UInt8(ascii: "\"") else { throw fail("Badly formed object: a key must be a string") }
            let key = try readString()
            skipWhiteSpace()
            guard current == UInt8(ascii: ":") else { throw fail("Badly formed object: expected ':' after a key") }
            position += 1
            skipWhiteSpace()
            let start = position
            let value = try readValue(depth: depth + 1)
            object.members.append((key, value, start..<position))
            skipWhiteSpace()
            switch current {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"):
                position += 1
                return object
            default: throw fail("Badly formed object: expected ',' or '}'")
            }
        }
    }

    private mutating func readArray(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        position += 1
        var items: [JSONValue] = []
        skipWhiteSpace()
        if current == UInt8(ascii: "]") {
            position += 1
            return .array(items)
        }
        while true {
            skipWhiteSpace()
            items.append(try readValue(depth: depth + 1))
            skipWhiteSpace()
            switch current {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"):
                position += 1
                return .array(items)
            default: throw fail("Badly formed array: expected ',' or ']'")
            }
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as text.
    private mutating func readNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = position
        func digits(_ reader: inout JSONReader) -> Int {
            let first = reader.position
            while let byte = reader.current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                reader.position += 1
            }
            return reader.position - first
        }
        if current == UInt8(ascii: "-") { position += 1 }
        let leadingZero = current == UInt8(ascii: "0")
        let whole = digits(&self)
        guard whole > 0, !(leadingZero && whole > 1) else { throw fail("Invalid number") }
        if current == UInt8(ascii: ".") {
            position += 1
            guard digits(&self) > 0 else { throw fail("Invalid number: no digits after '.'") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            position += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
            guard digits(&self) > 0 else { throw fail("Invalid number: no digits in the exponent") }
        }
        return .number(text.utf8Slice(start..<position))
    }

    /// A string, its escapes decoded; runs without escapes are found eight
    /// bytes at a time (``SpecialBytes/firstSpecial(in:from:)``) and taken whole.
    private mutating func readString() throws(JSONSyntaxError) -> String {
        position += 1
        var result = ""
        var runStart = position
        while true {
            position = SpecialBytes.firstSpecial(in: bytes.span, from: position)
            guard let byte = current else {
                position = runStart - 1
                throw fail("Unterminated string")
            }
            switch byte {
            case SpecialBytes.quote:
                let run = text.utf8Slice(runStart..<position)
                position += 1
                // Most strings have no escape: the run is the string.
                guard !result.isEmpty else { return String(run) }
                result.append(contentsOf: run)
                return result
            case SpecialBytes.backslash:
                result.append(contentsOf: text.utf8Slice(runStart..<position))
                position += 1
                result.unicodeScalars.append(try readEscape())
                runStart = position
            default:
                throw fail("Unescaped control character in a string")
            }
        }
    }

    /// The character of an escape, after its backslash.
    private mutating func readEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        guard let byte = current else { throw fail("Unterminated string") }
        position += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try readHex()
            switch unit {
            case 0xD800..<0xDC00:
                // A high surrogate must be followed by an escaped low one.
                guard current == UInt8(ascii: "\\"), position + 1 < bytes.count,
                    bytes[position + 1] == UInt8(ascii: "u")
                else { throw fail("A high surrogate escape without its low surrogate") }
                position += 2
                let low = try readHex()
                guard (0xDC00..<0xE000).contains(low) else {
                    throw fail("A high surrogate escape without its low surrogate")
                }
                return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))!
            case 0xDC00..<0xE000:
                throw fail("A low surrogate escape without its high surrogate")
            default:
                return Unicode.Scalar(unit)!
            }
        default:
            position -= 1
            throw fail("Invalid escape sequence")
        }
    }

    /// Four hexadecimal digits.
    private mutating func readHex() throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current else { throw fail("Unterminated string") }
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw fail("Invalid \\u escape: expected four hexadecimal digits")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }
}

extension Substring {
    /// The text between two UTF-8 offsets of this substring, which fall
    /// next to ASCII bytes (quotes, digits, separators), so on character
    /// boundaries.
    fileprivate func utf8Slice(_ range: Range<Int>) -> Substring {
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        return Substring(utf8[start..<utf8.index(start, offsetBy: range.count)])
    }
}
