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

    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func formatScore(_ value: Double) -> String {
        let hundredths = (value * 100).rounded()
        let whole = Int(hundredths) / 100, fraction = Int(hundredths) % 100
        return "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
