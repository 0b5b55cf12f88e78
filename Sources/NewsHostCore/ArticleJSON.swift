import JSONEscaping

/// The JSON Lines form of articles that `newshost parse` prints, with keys
/// in a fixed order: `id`, `source`, `index`, `headline`, `titles`,
/// `bylines`, `dateline`, `paragraphs`, `body`, `captions`, `subheadings`, `notes`,
/// then the keys of a JSON input that newshost does not know, unchanged.
public enum ArticleJSON {
    /// One line of JSON (no trailing newline) for `article`.
    public static func line(for article: Article) -> String {
        var out = "{"
        out += "\"id\":" + quoted(article.id)
        out += ",\"source\":" + quoted(article.source)
        out += ",\"index\":\(article.index)"
        out += ",\"headline\":" + (article.headline.map(quoted) ?? "null")
        out += ",\"titles\":" + array(article.titles)
        out += ",\"bylines\":" + array(article.bylines)
        out += ",\"dateline\":" + (article.dateline.map(quoted) ?? "null")
        out += ",\"paragraphs\":" + array(article.paragraphs)
        out += ",\"body\":" + quoted(article.body)
        out += ",\"captions\":" + array(article.captions)
        out += ",\"subheadings\":" + array(article.subheadings)
        out += ",\"notes\":" + array(article.notes)
        // The input's own keys, as they came (their values are JSON text).
        for field in article.carried { out += "," + quoted(field.key) + ":" + field.value }
        return out + "}"
    }

    /// `text` as a JSON string literal.
    public static func quoted(_ text: String) -> String {
        JSONEscaping.quoted(text)
    }

    private static func array(_ items: [String]) -> String {
        "[" + items.map(quoted).joined(separator: ",") + "]"
    }
}
