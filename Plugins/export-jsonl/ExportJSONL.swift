import NewsHostPluginKit

/// The `export-jsonl` plugin: one JSON object per line per article, with the
/// parsed fields (the same keys as `newshost parse`, so the output can be
/// read back as input) and every annotation with the plugin that made it.
/// The format is described by `schemas/export-jsonl.schema.json`.
final class ExportJSONL: NewsHostPlugin {
    static let metadata = PluginMetadata(
        id: "export-jsonl", version: "0.1.0", vendor: "newshost",
        description:
            "Writes one JSON object per article (JSON Lines): parsed fields and every annotation with its plugin",
        kind: .exporter,
        options: [
            .init(
                "path", .path, default: "-",
                help: "output file; - writes to stdout. A file appears only when the run finishes")
        ])

    private let output: AtomicOutput

    init(options: [String: String], host: HostServices) throws(PluginFailure) {
        output = try AtomicOutput(path: options["path"] ?? "-", host: host)
    }

    /// The line is formatted on the host's worker threads; the ordered stage only writes it.
    static let preparesRecords = true

    /// The line, written from the article's bytes where the host put them.
    func recordBytes(for article: borrowing ArticleView) throws(PluginFailure) -> [UInt8] {
        Self.line(for: article)
    }

    func write(record: UnsafeRawBufferPointer) throws(PluginFailure) {
        try output.write(bytes: record)
    }

    /// Called by a host without the `prepare` hook (ABI 1.0) only.
    func process(_ article: borrowing ArticleView, results: Results) throws(PluginFailure) {
        try output.write(String(decoding: Self.line(for: article), as: UTF8.self))
    }

    func finish() throws(PluginFailure) {
        try output.prepare()
    }

    func commit() throws(PluginFailure) {
        try output.commit()
    }

    func discard() {
        output.discard()
    }

    /// The JSON object for one article and its newline: one line of JSON
    /// Lines, written into one buffer straight from the article's bytes.
    static func line(for a: borrowing ArticleView) -> [UInt8] {
        var json = JSONWriter(capacity: capacity(for: a))
        json.beginObject()
        json.articleMembers(
            // The kit gives "" for none; the JSON says null.
            id: a.id, source: a.source, index: a.index, headline: a.headline.isEmpty ? nil : a.headline,
            titles: a.titles, bylines: a.bylines, dateline: a.dateline.isEmpty ? nil : a.dateline,
            paragraphs: a.paragraphs, captions: a.captions,
            subheadings: a.subheadings, notes: a.notes)
        annotations(Keys.labels, a.labels, into: &json) { label, json in
            json.member(Keys.name, label.text)
            json.key(Keys.score)
            json.number(label.value)
        }
        json.key(Keys.summary)
        json.optionalString(a.summaries.last.flatMap { $0.text.isEmpty ? nil : $0.text })
        annotations(Keys.summaries, a.summaries, into: &json) { summary, json in
            json.member(Keys.text, summary.text)
        }
        annotations(Keys.keywords, a.keywords, into: &json) { keyword, json in
            json.member(Keys.term, keyword.text)
            json.key(Keys.weight)
            json.number(keyword.value)
        }
        annotations(Keys.fields, a.fields, into: &json) { field, json in
            json.member(Keys.key, field.text)
            json.member(Keys.value, field.detail)
        }
        json.endObject()
        json.endLine()
        return json.bytes
    }

    /// Room for the whole line, so that its buffer is allocated once: every
    /// text's bytes (the body's twice, as `body` and as `paragraphs`) and
    /// room per text for its key, quotes, a number and a few escapes. An
    /// estimate that fell short made most lines grow (and copy) their
    /// buffer.
    private static func capacity(for a: borrowing ArticleView) -> Int {
        var bytes = 512 + 2 * a.body.utf8Count + a.paragraphs.count * perText
        bytes += a.id.utf8Count + a.source.utf8Count + a.headline.utf8Count + a.dateline.utf8Count
        bytes += room(for: a.titles) + room(for: a.bylines) + room(for: a.captions)
        bytes += room(for: a.subheadings) + room(for: a.notes)
        bytes += room(for: a.labels) + room(for: a.summaries) + room(for: a.keywords) + room(for: a.fields)
        return bytes
    }

    /// Room per text for its key, quotes, a number and a few escapes.
    private static let perText = 48

    /// Room for a list of texts (in a list, so each on its own, not in an
    /// array of lists, which cost an allocation per line).
    private static func room(for texts: BorrowedTexts) -> Int {
        texts.reduce(0) { $0 + $1.utf8Count + perText }
    }

    /// Room for a list of annotations: its texts and two keys each.
    private static func room(for annotations: BorrowedAnnotations) -> Int {
        annotations.reduce(0) {
            $0 + $1.plugin.utf8Count + $1.text.utf8Count + $1.detail.utf8Count + 2 * perText
        }
    }

    /// `key` and an array with one object per annotation: the members
    /// `members` writes, then the plugin that made it.
    private static func annotations(
        _ key: JSONKey, _ list: BorrowedAnnotations, into json: inout JSONWriter,
        members: (BorrowedAnnotation, inout JSONWriter) -> Void
    ) {
        json.key(key)
        json.beginArray()
        for annotation in list {
            json.beginObject()
            members(annotation, &json)
            json.member(Keys.plugin, annotation.plugin)
            json.endObject()
        }
        json.endArray()
    }
}

/// The keys of a line after the article's own (written ahead: every line has them).
private enum Keys {
    static let labels = JSONKey("labels")
    static let name = JSONKey("name")
    static let score = JSONKey("score")
    static let summary = JSONKey("summary")
    static let summaries = JSONKey("summaries")
    static let text = JSONKey("text")
    static let keywords = JSONKey("keywords")
    static let term = JSONKey("term")
    static let weight = JSONKey("weight")
    static let fields = JSONKey("fields")
    static let key = JSONKey("key")
    static let value = JSONKey("value")
    static let plugin = JSONKey("plugin")
}

/// The entry symbol the host looks up.
@_cdecl("newshost_plugin_entry")
public func newshostPluginEntry() -> UnsafeRawPointer {
    PluginExport.descriptor(for: ExportJSONL.self)
}
