import NewsHostCore
import PluginHost

/// One plugin instance as the chain uses it: in this process
/// (``PluginInstance``) or in isolated worker processes (``IsolatedPool``).
/// Each call gets the article and its layout for the ABI (``ArticleLayout``),
/// made once and shared by the in-process stages the article goes through; a
/// stage in worker processes sends the article itself.
public protocol ChainStage: AnyObject, Sendable {
    /// The plugin id.
    var pluginID: String { get }
    /// Runs `process` on one article; returns what the plugin added.
    func process(
        _ article: Article, layout: ArticleLayout, annotations: Annotations
    ) throws(PluginCallError) -> Annotations
    /// Runs `finish`.
    func finish() throws(PluginCallError)
    /// Whether the stage has a second commit phase (see ``commit()``).
    var commitsSeparately: Bool { get }
    /// Runs `commit`, the exporters' second phase (ABI 1.1).
    func commit() throws(PluginCallError)
    /// Whether the stage formats its records in `prepare` (ABI 1.1).
    var preparesRecords: Bool { get }
    /// Runs `prepare` for one article (any thread, concurrently).
    func prepareExport(
        for article: Article, layout: ArticleLayout, annotations: Annotations
    ) throws(PluginCallError) -> PreparedRecord
    /// Runs `process` with the record `prepare` made, on the view it saw.
    func process(_ article: Article, prepared: PreparedRecord) throws(PluginCallError) -> Annotations
    /// Runs `destroy`; later calls do nothing.
    func destroy()
}

extension ChainStage {
    /// A stage that is not an in-process exporter (exporters never run
    /// isolated) has no second phase.
    public var commitsSeparately: Bool { false }
    public func commit() throws(PluginCallError) {}
    /// Only an in-process exporter formats records ahead of `process`.
    public var preparesRecords: Bool { false }
    public func prepareExport(
        for article: Article, layout: ArticleLayout, annotations: Annotations
    ) throws(PluginCallError) -> PreparedRecord {
        preconditionFailure("only an in-process exporter with a prepare hook prepares records")
    }
    public func process(_ article: Article, prepared: PreparedRecord) throws(PluginCallError) -> Annotations {
        preconditionFailure("only an in-process exporter with a prepare hook prepares records")
    }
}

extension PluginInstance: ChainStage {}
