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
    /// Runs `destroy`; later calls do nothing.
    func destroy()
}

extension PluginInstance: ChainStage {}
