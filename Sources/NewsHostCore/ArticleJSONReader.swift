import Foundation
import JSONEscaping

/// Reads articles from JSON Lines: the output of `newshost parse` and of the
/// `export-jsonl` plugin, or anything another tool writes with the same keys.
///
/// Each non-blank line is one object. `body` (split at newlines) or
/// `paragraphs` is required; `id`, `source`, `index`, `headline`, `titles`,
/// `bylines`, `dateline`, `captions`, `subheadings`, `notes` are taken when present.
/// Missing `source` and `index` default to the input's name and the line's
/// position among the input's non-blank lines, from 0. Other keys (annotations, for example) are ignored.
public enum ArticleJSONReader {
    /// Whether `text` looks like JSON Lines rather than a page dump: its
    /// first non-blank character opens an object.
    public static func looksLikeJSONLines(_ text: String) -> Bool {
        text.unicodeScalars.first { !$0.properties.isWhitespace } == "{"
    }

    /// The keys newshost reads; an article's other keys are carried through.
    /// Annotation keys of `export-jsonl` output are known too, so feeding
    /// newshost its own output carries nothing twice.
    static let knownKeys: Set<String> = [
        "id", "source", "index", "headline", "titles", "bylines", "dateline", "paragraphs", "body", "captions",
        "subheadings", "notes", "labels", "summary", "summaries", "keywords", "fields",
    ]

    /// The plugin name carried keys are attributed to.
    public static let carriedPlugin = "input"

    /// Whether raw bytes start like JSON Lines (a `{` after any white space or BOM).
    public static func looksLikeJSONLines(_ bytes: [UInt8]) -> Bool {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        return bytes[start...].first { !isASCIIWhitespace($0) } == UInt8(ascii: "{")
    }

    /// Space, tab, CR or LF: the white space JSON allows between values.
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// The articles of a JSON Lines document.
    ///
    /// - Throws: ``InputError/invalidJSONLine(path:line:reason:)`` naming the
    ///   first bad line.
    /// - Parameter skip: when given, a bad line is handed to it and skipped
    ///   instead of refusing the whole input.
    public static func articles(
        from text: String, source: String, path: String,
        skip: ((InputError) -> Void)? = nil
    ) throws -> [Article] {
        var articles: [Article] = []
        try append(from: text, at: .start, source: source, path: path, skip: skip, to: &articles)
        return articles
    }

    /// Appends the articles of `text`, lines of a larger input starting at
    /// `position`, to `articles`; on a bad line (without `skip`) those before
    /// it are already appended when the error is thrown.
    public static func append(
        from text: String, at position: LinePosition, source: String, path: String,
        skip: ((InputError) -> Void)?, to articles: inout [Article]
    ) throws {
        try forEachObject(in: text, at: position, path: path, notAnObject: "not a JSON object", skip: skip) {
            object, line, record in
            articles.append(try article(from: object, source: source, position: record, path: path, line: line))
        }
    }

    /// Hands each non-blank line of `text`, as a JSON object, to `body` with
    /// its line number (from 1) and its record position (non-blank lines
    /// before it, from 0), both counted from `position`. A line that is no
    /// JSON object, or that `body` refuses, goes to `skip` when given and is
    /// thrown otherwise.
    static func forEachObject(
        in text: String, at position: LinePosition = .start, path: String, notAnObject: String,
        skip: ((InputError) -> Void)?, _ body: (JSONObject, Int, Int) throws -> Void
    ) throws {
        var record = position.recordsBefore
        for (offset, line) in lines(of: text).enumerated() {
            guard line.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else { continue }
            let number = position.firstLine + offset
            defer { record += 1 }
            do {
                try body(try object(line, number: number, path: path, notAnObject: notAnObject), number, record)
            } catch let error as InputError {
                guard let skip else { throw error }
                skip(error)
            }
        }
    }

    /// The lines of `text`, split at its line feeds by UTF-8 byte: splitting
    /// by `Character` walks grapheme clusters and cost more than parsing the
    /// JSON. (Line ends are line feeds alone by now: decoding turned CR LF
    /// and CR into LF.) A line of JSON Lines is thousands of bytes, passed
    /// over by a vectorized search (``SpecialBytes/first(_:in:from:)``).
    static func lines(of text: String) -> [Substring] {
        var ends: [Int] = []
        let bytes = text.utf8.span
        var offset = SpecialBytes.first(UInt8(ascii: "\n"), in: bytes, from: 0)
        while offset < bytes.count {
            ends.append(offset)
            offset = SpecialBytes.first(UInt8(ascii: "\n"), in: bytes, from: offset + 1)
        }
        var lines: [Substring] = []
        lines.reserveCapacity(ends.count + 1)
        var start = text.utf8.startIndex
        for end in ends {
            let endIndex = text.utf8.index(text.utf8.startIndex, offsetBy: end)
            lines.append(text[start..<endIndex])
            start = text.utf8.index(after: endIndex)
        }
        lines.append(text[start...])
        return lines
    }

    private static func object(
        _ line: Substring, number: Int, path: String, notAnObject: String
    ) throws(InputError) -> JSONObject {
        let parsed: JSONValue
        do {
            parsed = try JSONReader.value(of: line)
        } catch {
            throw .invalidJSONLine(path: path, line: number, reason: "not valid JSON: \(error)")
        }
        guard case .object(let object) = parsed else {
            throw .invalidJSONLine(path: path, line: number, reason: notAnObject)
        }
        return object
    }

    private static func article(
        from object: JSONObject, source: String, position: Int, path: String, line: Int
    ) throws -> Article {
        func strings(_ key: String) throws -> [String] {
            guard let value = object[key], value != .null else { return [] }
            guard let list = value.strings else {
                throw InputError.invalidJSONLine(path: path, line: line, reason: "`\(key)` must be an array of strings")
            }
            return list
        }
        func string(_ key: String) throws -> String? {
            guard let value = object[key], value != .null else { return nil }
            guard let text = value.string else {
                throw InputError.invalidJSONLine(path: path, line: line, reason: "`\(key)` must be a string")
            }
            return text
        }
        var paragraphs = try strings("paragraphs")
        if paragraphs.isEmpty, let body = try string("body") {
            paragraphs = body.split(separator: "\n").map(String.init)
        } else if object["paragraphs"] == nil, object["body"] == nil {
            throw InputError.invalidJSONLine(path: path, line: line, reason: "no `body` or `paragraphs`")
        }
        var index = position
        if let value = object["index"], value != .null {
            guard let number = value.number, number >= 0, number == number.rounded(), number < 9e15 else {
                throw InputError.invalidJSONLine(
                    path: path, line: line, reason: "`index` must be a whole number from 0, such as 3")
            }
            index = Int(number)
        }
        var article = Article(
            source: try string("source") ?? source, index: index, titles: try strings("titles"),
            headline: try string("headline"), bylines: try strings("bylines"), dateline: try string("dateline"),
            paragraphs: paragraphs, captions: try strings("captions"), subheadings: try strings("subheadings"))
        article.notes = try strings("notes")
        article.carried = object.keys.filter { !knownKeys.contains($0) }.sorted().map { key in
            Field(plugin: carriedPlugin, key: key, value: canonical(object.text(of: key) ?? "null"))
        }
        if let id = try string("id"), !id.isEmpty { article.id = id }
        if article.headline == nil, let first = article.titles.first { article.headline = first }
        return article
    }
}

extension ArticleJSONReader {
    /// A carried value's JSON in one canonical form (keys sorted, numbers
    /// and escapes normalised, slashes unescaped), so the same value always
    /// reads the same. Rare (keys newshost does not know), so Foundation's.
    static func canonical(_ text: Substring) -> String {
        guard let value = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]),
            let data = try? JSONSerialization.data(
                withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys, .withoutEscapingSlashes])
        else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Where some lines sit in a line-oriented input.
public struct LinePosition: Sendable, Equatable {
    /// The number of the first line, from 1.
    public var firstLine: Int
    /// How many non-blank lines (records) come before it.
    public var recordsBefore: Int

    /// The start of an input.
    public static let start = LinePosition(firstLine: 1, recordsBefore: 0)

    public init(firstLine: Int, recordsBefore: Int) {
        self.firstLine = firstLine
        self.recordsBefore = recordsBefore
    }
}
