import JSONEscaping

/// The JSON Lines form of articles that `newshost parse` prints, with keys
/// in a fixed order: `id`, `source`, `index`, `headline`, `titles`,
/// `bylines`, `dateline`, `paragraphs`, `body`, `captions`, `subheadings`, `notes`,
/// then the keys of a JSON input that newshost does not know, unchanged.
public enum ArticleJSON {
    /// One line of JSON (no trailing newline) for `article`.
    public static func line(for article: Article) -> String {
        String(decoding: lineBytes(for: article), as: UTF8.self)
    }

    /// ``line(for:)`` as the UTF-8 bytes written, for output that is bytes
    /// anyway: making the `String` checks every byte again.
    public static func lineBytes(for article: Article) -> [UInt8] {
        var json = JSONWriter(capacity: article.paragraphs.reduce(0) { $0 + $1.utf8.count } * 4 + 256)
        json.beginObject()
        json.articleMembers(
            id: article.id, source: article.source, index: article.index, headline: article.headline,
            titles: article.titles, bylines: article.bylines, dateline: article.dateline,
            paragraphs: article.paragraphs, captions: article.captions,
            subheadings: article.subheadings, notes: article.notes)
        // The input's own keys, as they came (their values are JSON text).
        for field in article.carried {
            json.key(field.key)
            json.raw(field.value)
        }
        json.endObject()
        return json.bytes
    }

    /// `text` as a JSON string literal.
    public static func quoted(_ text: String) -> String {
        JSONEscaping.quoted(text)
    }
}
