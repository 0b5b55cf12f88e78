/// A plugin written in Swift. Conform a class to it, then export it with
/// ``PluginExport/descriptor(for:)`` from a `@_cdecl("newshost_plugin_entry")`
/// function; the kit turns the ABI's hooks into these calls.
public protocol NewsHostPlugin: AnyObject {
    /// Who the plugin is and which options it takes.
    static var metadata: PluginMetadata { get }

    /// Creates an instance (the `create` hook). `options` holds every key of
    /// the option table; throw `.badConfig` for a value you cannot use.
    init(options: [String: String], host: HostServices) throws(PluginFailure)

    /// Handles one article (the `process` hook), copied into Swift strings.
    /// Implement this or ``process(_:results:)-(ArticleView,_)``.
    func process(_ article: IncomingArticle, results: Results) throws(PluginFailure)

    /// Handles one article (the `process` hook), read in place: a plugin
    /// that reads a few fields, or writes them out as bytes, implements this
    /// one and spares copying and decoding the rest. By default, the article
    /// is copied and handed to ``process(_:results:)-(IncomingArticle,_)``.
    func process(_ article: borrowing ArticleView, results: Results) throws(PluginFailure)

    /// Whether the exporter formats its records ahead, on the host's worker
    /// threads (the `prepare` hook, ABI 1.1): then ``record(for:)`` makes
    /// each article's bytes and ``write(record:)`` only writes them, in
    /// input order, instead of ``process(_:results:)``.
    static var preparesRecords: Bool { get }

    /// An exporter's record for one article (the `prepare` hook). Called
    /// from several threads at once and while ``write(record:)`` runs: read
    /// only the article and what `init` set.
    func record(for article: IncomingArticle) throws(PluginFailure) -> String

    /// The same record as UTF-8 bytes, which is what the kit hands the host.
    /// An exporter that builds its record as bytes (``JSONWriter/bytes``)
    /// returns them here and spares turning them into a `String` that is
    /// checked as UTF-8 and turned back into bytes. By default,
    /// ``record(for:)``'s UTF-8.
    func recordBytes(for article: IncomingArticle) throws(PluginFailure) -> [UInt8]

    /// The same record, made from the article read in place: what the kit
    /// calls. By default, the article is copied and handed to
    /// ``recordBytes(for:)-(IncomingArticle)``.
    func recordBytes(for article: borrowing ArticleView) throws(PluginFailure) -> [UInt8]

    /// Writes a record ``record(for:)`` made (the `process` hook of an
    /// exporter that prepares records), in input order.
    func write(record: UnsafeRawBufferPointer) throws(PluginFailure)

    /// The run is over: flush output (the `finish` hook). An exporter makes
    /// it durable but leaves its target alone (``AtomicOutput/prepare()``).
    func finish() throws(PluginFailure)

    /// Every plugin of the run has finished: make the output visible (the
    /// `commit` hook, declared for exporters only; ``AtomicOutput/commit()``).
    func commit() throws(PluginFailure)

    /// The instance is going away with its output not committed (an
    /// exporter without a successful `commit`, another kind without a
    /// successful `finish`): discard it (called from `destroy`).
    func discard()
}

extension NewsHostPlugin {
    /// Fails: a plugin implements one of the two `process` methods.
    public func process(_ article: IncomingArticle, results: Results) throws(PluginFailure) {
        throw PluginFailure(
            .internalError,
            "\(Self.self) implements neither process(_:results:) for an IncomingArticle nor for an ArticleView")
    }
    /// Copies the article and hands it to ``process(_:results:)-(IncomingArticle,_)``.
    public func process(_ article: borrowing ArticleView, results: Results) throws(PluginFailure) {
        try process(IncomingArticle(article), results: results)
    }
    /// No: ``process(_:results:)`` handles each article.
    public static var preparesRecords: Bool { false }
    /// Never called unless ``preparesRecords``.
    public func record(for article: IncomingArticle) throws(PluginFailure) -> String { "" }
    /// ``record(for:)``'s UTF-8.
    public func recordBytes(for article: IncomingArticle) throws(PluginFailure) -> [UInt8] {
        Array(try record(for: article).utf8)
    }
    /// Copies the article and hands it to ``recordBytes(for:)-(IncomingArticle)``.
    public func recordBytes(for article: borrowing ArticleView) throws(PluginFailure) -> [UInt8] {
        try recordBytes(for: IncomingArticle(article))
    }
    /// Never called unless ``preparesRecords``.
    public func write(record: UnsafeRawBufferPointer) throws(PluginFailure) {}
    /// Does nothing.
    public func finish() throws(PluginFailure) {}
    /// Does nothing.
    public func commit() throws(PluginFailure) {}
    /// Does nothing.
    public func discard() {}
}
