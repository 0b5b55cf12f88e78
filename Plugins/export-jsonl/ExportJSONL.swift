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

    func record(for article: IncomingArticle) throws(PluginFailure) -> String {
        Self.line(for: article) + "\n"
    }

    func write(record: UnsafeRawBufferPointer) throws(PluginFailure) {
        try output.write(bytes: record)
    }

    /// Not called: the host hands this exporter prepared records (``write(record:)``).
    func process(_ article: IncomingArticle, results: Results) throws(PluginFailure) {
        try output.write(Self.line(for: article) + "\n")
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

    /// The JSON object for one article.
    static func line(for a: IncomingArticle) -> String {
        typealias J = JSONText
        let labels = a.labels.map {
            J.object(["name": J.string($0.text), "score": J.number($0.value), "plugin": J.string($0.plugin)])
        }
        let summaries = a.summaries.map { J.object(["text": J.string($0.text), "plugin": J.string($0.plugin)]) }
        let keywords = a.keywords.map {
            J.object(["term": J.string($0.text), "weight": J.number($0.value), "plugin": J.string($0.plugin)])
        }
        let fields = a.fields.map {
            J.object(["key": J.string($0.text), "value": J.string($0.detail), "plugin": J.string($0.plugin)])
        }
        return J.object([
            ("id", J.string(a.id)),
            ("source", J.string(a.source)),
            ("index", "\(a.index)"),
            ("headline", J.optionalString(a.headline)),
            ("titles", J.strings(a.titles)),
            ("bylines", J.strings(a.bylines)),
            ("dateline", J.optionalString(a.dateline)),
            ("paragraphs", J.strings(a.paragraphs)),
            ("body", J.string(a.body)),
            ("captions", J.strings(a.captions)),
            ("subheadings", J.strings(a.subheadings)),
            ("notes", J.strings(a.notes)),
            ("labels", "[" + labels.joined(separator: ",") + "]"),
            ("summary", J.optionalString(a.summaries.last?.text)),
            ("summaries", "[" + summaries.joined(separator: ",") + "]"),
            ("keywords", "[" + keywords.joined(separator: ",") + "]"),
            ("fields", "[" + fields.joined(separator: ",") + "]"),
        ])
    }
}

/// The entry symbol the host looks up.
@_cdecl("newshost_plugin_entry")
public func newshostPluginEntry() -> UnsafeRawPointer {
    PluginExport.descriptor(for: ExportJSONL.self)
}
