import NewsHostCore
import PluginHost

/// One plugin instance as the chain uses it: in this process
/// (``PluginInstance``) or in an isolated worker process.
public protocol ChainStage: AnyObject, Sendable {
    /// The plugin id.
    var pluginID: String { get }
    /// Runs `process` on one article; returns what the plugin added.
    func process(_ article: Article, annotations: Annotations) throws(PluginCallError) -> Annotations
    /// Runs `finish`.
    func finish() throws(PluginCallError)
    /// Whether the stage has a second commit phase (see ``commit()``).
    var commitsSeparately: Bool { get }
    /// Runs `commit`, the exporters' second phase (ABI 1.1).
    func commit() throws(PluginCallError)
    /// Whether the stage formats its records in `prepare` (ABI 1.1).
    var preparesRecords: Bool { get }
    /// Runs `prepare` for one article (any thread, concurrently).
    func prepareRecord(for article: Article, annotations: Annotations) throws(PluginCallError) -> [UInt8]?
    /// Runs `process` with the record `prepare` made.
    func process(_ article: Article, annotations: Annotations, record: [UInt8]?) throws(PluginCallError) -> Annotations
    /// Runs `destroy`; later calls do nothing.
    func destroy()

    /// The same three calls on an article laid out for the ABI once
    /// (``ArticleLayout``), shared by the in-process stages it goes
    /// through; a stage in a worker process sends the article itself.
    func process(
        _ article: Article, layout: ArticleLayout, annotations: Annotations
    ) throws(PluginCallError)
        -> Annotations
    func prepareRecord(
        for article: Article, layout: ArticleLayout, annotations: Annotations
    ) throws(PluginCallError) -> [UInt8]?
    func process(
        _ article: Article, layout: ArticleLayout, annotations: Annotations, record: [UInt8]?
    ) throws(PluginCallError) -> Annotations
}

extension ChainStage {
    /// A stage that is not an in-process exporter (exporters never run
    /// isolated) has no second phase.
    public var commitsSeparately: Bool { false }
    public func commit() throws(PluginCallError) {}
    /// Only an in-process exporter formats records ahead of `process`.
    public var preparesRecords: Bool { false }
    public func prepareRecord(for article: Article, annotations: Annotations) throws(PluginCallError) -> [UInt8]? {
        nil
    }
    public func process(
        _ article: Article, annotations: Annotations, record: [UInt8]?
    ) throws(PluginCallError) -> Annotations {
        try process(article, annotations: annotations)
    }
    /// The layout is for stages in this process: the others take the article.
    public func process(
        _ article: Article, layout: ArticleLayout, annotations: Annotations
    ) throws(PluginCallError) -> Annotations {
        try process(article, annotations: annotations)
    }
    public func prepareRecord(
        for article: Article, layout: ArticleLayout, annotations: Annotations
    ) throws(PluginCallError) -> [UInt8]? {
        try prepareRecord(for: article, annotations: annotations)
    }
    public func process(
        _ article: Article, layout: ArticleLayout, annotations: Annotations, record: [UInt8]?
    ) throws(PluginCallError) -> Annotations {
        try process(article, annotations: annotations, record: record)
    }
}

extension PluginInstance: ChainStage {}
