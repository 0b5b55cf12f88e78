import CharsetConversion
import Foundation
import UTF8Assembly

/// Page records: one raw page per line of JSON, so that pages can travel
/// through line-oriented pipes (Spark's `rdd.pipe`, Hadoop Streaming)
/// without being split:
///
///     {"source": "<unique key>", "text": "<the page, UTF-8>"}
///     {"source": "<unique key>", "bytes": "<base64>", "encoding": "gb18030"}
///
/// Each page is parsed exactly as the file would be; its articles' ids are
/// `<source>#<index>`. Without `encoding`, `bytes` is decoded as a file's
/// bytes are (UTF-8 with or without BOM, UTF-16 with BOM, GB18030).
/// `newshost pack` writes them.
public enum PageRecords {
    /// The record for a page file's bytes, as one line of JSON (no newline).
    public static func record(source: String, bytes: [UInt8]) -> String {
        let object: [String: String] = ["source": source, "bytes": Data(bytes).base64EncodedString()]
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// The articles of every page record in `text`.
    ///
    /// - Throws: ``InputError/invalidJSONLine(path:line:reason:)`` naming the
    ///   first bad record, or the page's own input error.
    /// - Parameter skip: when given, a bad record is handed to it and skipped
    ///   instead of refusing the whole input.
    public static func articles(
        from text: String, path: String, parser: any PageParser,
        skip: ((InputError) -> Void)? = nil
    ) throws -> [Article] {
        var articles: [Article] = []
        try append(from: text, at: .start, path: path, parser: parser, skip: skip, to: &articles)
        return articles
    }

    /// Appends the articles of the records in `text`, lines of a larger
    /// input starting at `position`; on a bad record (without `skip`) those
    /// before it are already appended when the error is thrown.
    public static func append(
        from text: String, at position: LinePosition, path: String, parser: any PageParser,
        skip: ((InputError) -> Void)?, to articles: inout [Article]
    ) throws {
        try ArticleJSONReader.forEachObject(
            in: text, at: position, path: path, notAnObject: "a page record is a JSON object",
            skip: skip
        ) { object, line, _ in
            articles += try pageArticles(object, line: line, path: path, parser: parser)
        }
    }

    private static func pageArticles(
        _ object: JSONObject, line: Int, path: String, parser: any PageParser
    ) throws -> [Article] {
        func refuse(_ reason: String) -> InputError { .invalidJSONLine(path: path, line: line, reason: reason) }
        guard let source = object["source"]?.string, !source.isEmpty else {
            throw refuse("a page record needs a non-empty `source`, the page's unique key")
        }
        let page: String
        if let text = object["text"]?.string {
            page = text
        } else if let encoded = object["bytes"]?.string {
            guard let data = Data(base64Encoded: encoded) else { throw refuse("`bytes` is not base64") }
            page = try decode(
                [UInt8](data), encoding: object["encoding"]?.string, shown: "\(path):\(line) (\(source))",
                refuse: refuse)
        } else {
            throw refuse("a page record needs `text` (the page) or `bytes` (base64)")
        }
        return parser.parse(page, source: source).articles
    }

    private static func decode(
        _ bytes: [UInt8], encoding: String?, shown: String, refuse: (String) -> InputError
    ) throws -> String {
        guard let encoding, !encoding.isEmpty else { return try TextDecoding.decode(bytes, path: shown) }
        switch encoding.lowercased() {
        case "utf-8", "utf8":
            guard let text = UTF8Validation.string(validating: bytes.span) else {
                throw refuse("`bytes` is not valid UTF-8")
            }
            return text
        default:
            do {
                let converted = try Iconv.toUTF8(bytes, from: encoding.uppercased())
                guard let text = String(validating: converted, as: UTF8.self) else {
                    throw refuse("`bytes` is not valid \(encoding)")
                }
                return text
            } catch {
                throw refuse("`bytes` cannot be read as \(encoding)")
            }
        }
    }
}
