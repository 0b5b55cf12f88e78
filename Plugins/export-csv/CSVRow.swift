import NewsHostPluginKit

/// RFC 4180 rows: fields separated by commas, quoted when they hold a
/// comma, a quote or a line break, quotes doubled, rows ended by CRLF.
enum CSVRow {
    /// The column names of the export.
    static let header = ["id", "source", "headline", "bylines", "dateline", "labels", "summary", "keywords", "body"]

    /// One encoded row, with its CRLF.
    static func encode(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: ",") + "\r\n"
    }

    /// The fields of the row for `article`.
    static func fields(for article: IncomingArticle) -> [String] {
        [
            article.id,
            article.source,
            article.headline,
            article.bylines.joined(separator: "; "),
            article.dateline,
            article.labels.map { "\($0.text):\(formatScore($0.value))" }.joined(separator: "; "),
            article.summaries.last?.text ?? "",
            article.keywords.map(\.text).joined(separator: "; "),
            article.body,
        ]
    }

    /// `field` quoted when it must be (comma, quote, CR or LF), with quotes
    /// doubled; worked on UTF-8 bytes, since every special character is ASCII.
    static func quote(_ field: String) -> String {
        let utf8 = field.utf8
        guard utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        var bytes: [UInt8] = [0x22]
        bytes.reserveCapacity(utf8.count + 8)
        for byte in utf8 {
            if byte == 0x22 { bytes.append(0x22) }
            bytes.append(byte)
        }
        bytes.append(0x22)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func formatScore(_ value: Double) -> String {
        let hundredths = (value * 100).rounded()
        let whole = Int(hundredths) / 100
        let fraction = Int(hundredths) % 100
        return "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
