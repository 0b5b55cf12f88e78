import NewsHostCore
import PluginHost

/// The plugins of a run, created and ready, in the order the user gave them.
///
/// Every article passes through every plugin in order; each plugin sees the
/// annotations of the plugins before it. ``finish()`` finishes every
/// instance and ``destroy()`` (or deinitialization) destroys them all.
public final class Chain {
    /// The instances, in chain order.
    public let instances: [PluginInstance]

    /// Creates a chain from instances that are already created.
    public init(instances: [PluginInstance]) {
        self.instances = instances
    }

    /// Resolves, loads and validates every plugin, checks the options
    /// against their tables, then creates one instance of each. Nothing is
    /// created until every plugin has loaded and every option is valid.
    ///
    /// - Throws: ``RuntimeError`` for names and options, ``PluginLoadError``
    ///   for a mis-built plugin, ``PluginCallError`` when `create` fails.
    public static func load(plugins names: [String], searchPath: PluginSearchPath,
                            options: [OptionAssignment], logHandler: @escaping PluginLogHandler) throws -> Chain {
        guard !names.isEmpty else { throw RuntimeError.noPlugins }
        var libraries: [PluginLibrary] = []
        for name in names {
            let library = try PluginLibrary(path: try searchPath.resolve(name))
            guard !libraries.contains(where: { $0.descriptor.id == library.descriptor.id }) else {
                throw RuntimeError.duplicatePlugin(id: library.descriptor.id)
            }
            libraries.append(library)
        }
        let ids = libraries.map(\.descriptor.id)
        for assignment in options where !ids.contains(assignment.plugin) {
            throw RuntimeError.optionForAbsentPlugin(
                option: "\(assignment.plugin).\(assignment.key)=\(assignment.value)", plugin: assignment.plugin, chain: ids)
        }
        let resolved = try libraries.map { try PluginOptions.resolve(options, for: $0.descriptor) }
        var instances: [PluginInstance] = []
        for (library, values) in zip(libraries, resolved) {
            do {
                instances.append(try PluginInstance(library: library, options: values, logHandler: logHandler))
            } catch {
                instances.forEach { $0.destroy() }
                throw error
            }
        }
        return Chain(instances: instances)
    }

    /// Runs one article through every plugin.
    ///
    /// - Throws: the first plugin's failure; later plugins do not see the article.
    public func process(_ article: Article) throws(PluginCallError) -> AnnotatedArticle {
        var annotations = Annotations()
        for instance in instances {
            annotations.merge(try instance.process(article, annotations: annotations))
        }
        return AnnotatedArticle(article: article, annotations: annotations)
    }

    /// Calls `finish` on every instance, even after one fails; returns the failures.
    public func finish() -> [PluginCallError] {
        var failures: [PluginCallError] = []
        for instance in instances {
            do { try instance.finish() } catch { failures.append(error) }
        }
        return failures
    }

    /// Destroys every instance.
    public func destroy() {
        instances.forEach { $0.destroy() }
    }

    deinit {
        destroy()
    }
}
