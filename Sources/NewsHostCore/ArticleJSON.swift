import JSONEscaping

/// The JSON Lines form of articles that `newshost parse` prints, with keys
/// in a fixed order: `id`, `source`, `index`, `headline`, `titles`,
/// `bylines`, `dateline`, `paragraphs`, `body`, `captions`, `subheadings`, `notes`,
/// then the keys of a JSON input that newshost does not know, unchanged.
public enum ArticleJSON {
    /// One line of JSON (no trailing newline) for `article`.
    public static func line(for article: Article) -> String {
        var json = JSONWriter(capacity: article.body.utf8.count * 2 + 256)
        json.beginObject()
        json.key("id")
        json.string(article.id)
        json.key("source")
        json.string(article.source)
        json.key("index")
        json.integer(article.index)
        json.key("headline")
        json.optionalString(article.headline)
        json.key("titles")
        json.strings(article.titles)
        json.key("bylines")
        json.strings(article.bylines)
        json.key("dateline")
        json.optionalString(article.dateline)
        json.key("paragraphs")
        json.strings(article.paragraphs)
        json.key("body")
        json.string(article.body)
        json.key("captions")
        json.strings(article.captions)
        json.key("subheadings")
        json.strings(article.subheadings)
        json.key("notes")
        json.strings(article.notes)
        // The input's own keys, as they came (their values are JSON text).
        for field in article.carried {
            json.key(field.key)
            json.raw(field.value)
        }
        json.endObject()
        return json.text
    }

    /// `text` as a JSON string literal.
    public static func quoted(_ text: String) -> String {
        JSONEscaping.quoted(text)
    }
}
