import NewsHostPluginKit

/// The `export-csv` plugin: one RFC 4180 row per article.
final class ExportCSV: NewsHostPlugin {
    static let metadata = PluginMetadata(
        id: "export-csv", version: "0.1.0", vendor: "newshost",
        description:
            "Writes one CSV row per article (RFC 4180): id, source, headline, bylines, dateline, labels, summary, keywords, body",
        kind: .exporter,
        options: [
            .init(
                "path", .path, default: "-",
                help: "output file; - writes to stdout. A file appears only when the run finishes"),
            .init(
                "bom", .bool, default: "false",
                help: "start the file with a UTF-8 byte-order mark, so spreadsheet programs read Chinese text correctly"
            ),
        ])

    private let output: AtomicOutput

    init(options: [String: String], host: HostServices) throws(PluginFailure) {
        output = try AtomicOutput(path: options["path"] ?? "-", host: host)
        if options["bom"] == "true" { try output.write("\u{FEFF}") }
        try output.write(CSVRow.encode(CSVRow.header))
    }

    /// The row is formatted on the host's worker threads; the ordered stage only writes it.
    static let preparesRecords = true

    func record(for article: IncomingArticle) throws(PluginFailure) -> String {
        CSVRow.encode(CSVRow.fields(for: article))
    }

    func write(record: UnsafeRawBufferPointer) throws(PluginFailure) {
        try output.write(bytes: record)
    }

    /// Not called: the host hands this exporter prepared records (``write(record:)``).
    func process(_ article: IncomingArticle, results: Results) throws(PluginFailure) {
        try output.write(CSVRow.encode(CSVRow.fields(for: article)))
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
}

/// The entry symbol the host looks up.
@_cdecl("newshost_plugin_entry")
public func newshostPluginEntry() -> UnsafeRawPointer {
    PluginExport.descriptor(for: ExportCSV.self)
}
