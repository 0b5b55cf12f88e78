import FilledArrays
import Foundation
import NewsHostCore
import PluginHost

/// The plugins of a run, created and ready, in the order the user gave them.
///
/// Classifiers and summarizers run on worker threads: a plugin that declares
/// itself thread-safe has one instance shared by all workers, any other one
/// instance per worker. Exporters have one instance each and get articles in
/// input order, one at a time. Every plugin sees the annotations of the
/// plugins before it in the chain. ``finish()`` finishes every instance and
/// ``destroy()`` (or deinitialization) destroys them all.
public final class Chain: @unchecked Sendable {
    /// An article and what each plugin of the chain said about it (exporters
    /// and plugins not run yet contribute nothing).
    public struct Processed: Sendable {
        /// The article.
        public var article: Article
        /// Annotations, one entry per plugin of the chain.
        public var perPlugin: [Annotations]
        /// The records exporters with a `prepare` hook made, by chain
        /// position (empty until the first), each with the view it was made
        /// from. An array, not a dictionary: one small allocation an article
        /// instead of a hash table's, and no hashing on the ordered thread.
        var records: [PreparedRecord?] = []
        /// The article laid out for the ABI once, for every in-process
        /// stage it goes through, the exporters' included.
        let layout: ArticleLayout

        /// Everything the plugins before `stage` produced, after the keys
        /// the input carried (``Article/carried``).
        func annotations(before stage: Int) -> Annotations {
            perPlugin[..<stage].reduce(into: Chain.carried(article)) { $0.merge($1) }
        }
    }

    private let isExporter: [Bool]
    /// For each worker, the instance of each non-exporter plugin (nil for exporters).
    private let workers: [[(any ChainStage)?]]
    /// The instance of each exporter, by position in the chain (nil for the other plugins).
    private let exporters: [(any ChainStage)?]

    /// Every distinct instance, in chain order.
    public let instances: [any ChainStage]

    /// The number of worker threads the chain was made for.
    public var workerCount: Int { workers.count }

    /// How many isolated worker processes were started so far (restarts included).
    public var workerProcesses: Int {
        instances.reduce(0) { $0 + (($1 as? IsolatedPool)?.started ?? 0) }
    }

    /// Whether any plugin of the chain writes the results out.
    public var hasExporter: Bool { isExporter.contains(true) }

    /// The number of plugins in the chain.
    public var pluginCount: Int { isExporter.count }

    private init(isExporter: [Bool], workers: [[(any ChainStage)?]], exporters: [(any ChainStage)?]) {
        self.isExporter = isExporter
        self.workers = workers
        self.exporters = exporters
        var seen = Set<ObjectIdentifier>()
        var all: [any ChainStage] = []
        for stage in isExporter.indices {
            for instance in workers.compactMap({ $0[stage] }) + [exporters[stage]].compactMap({ $0 })
            where seen.insert(ObjectIdentifier(instance)).inserted {
                all.append(instance)
            }
        }
        instances = all
    }

    /// Resolves, loads and validates every plugin, checks the options
    /// against their tables, then creates the instances (per worker where a
    /// plugin is not thread-safe). Nothing is created until every plugin has
    /// loaded and every option is valid.
    ///
    /// - Parameters:
    ///   - isolate: which plugins run in worker processes; exporters cannot
    ///     (a restarted exporter would begin its output afresh).
    ///   - isolation: how isolated plugins are run; required unless
    ///     `isolate` is ``IsolationSelection/none``.
    ///   - protectStandardOutput: point fd 1 at stderr before any instance is
    ///     created, so plugins' stray writes cannot reach the output
    ///     (``StandardOutput``); skipped when a 1.0 exporter writes stdout.
    /// - Throws: ``RuntimeError`` for names and options, ``PluginLoadError``
    ///   for a mis-built plugin, ``PluginCallError`` when `create` fails.
    public static func load(
        plugins names: [String], searchPath: PluginSearchPath, options: [OptionAssignment],
        logHandler: @escaping PluginLogHandler, workers: Int = 1,
        isolate: IsolationSelection = .none, isolation: IsolationSettings? = nil,
        protectStandardOutput: Bool = false
    ) throws -> Chain {
        guard !names.isEmpty else { throw RuntimeError.noPlugins }
        var libraries: [PluginLibrary] = []
        for name in names {
            let path = try searchPath.resolve(name)
            let library = try PluginLibrary(path: path)
            if !PluginSearchPath.isPathForm(name) && library.descriptor.id != name {
                throw RuntimeError.pluginIDMismatch(name: name, path: path, id: library.descriptor.id)
            }
            guard !libraries.contains(where: { $0.descriptor.id == library.descriptor.id }) else {
                throw RuntimeError.duplicatePlugin(id: library.descriptor.id)
            }
            libraries.append(library)
        }
        let ids = libraries.map(\.descriptor.id)
        for assignment in options where !ids.contains(assignment.plugin) {
            throw RuntimeError.optionForAbsentPlugin(
                option: "\(assignment.plugin).\(assignment.key)=\(assignment.value)", plugin: assignment.plugin,
                chain: ids)
        }
        let resolved = try libraries.map { try PluginOptions.resolve(options, for: $0.descriptor) }
        let exporterOutputs = libraries.indices.filter { libraries[$0].descriptor.kind == .exporter }.map {
            (spec: libraries[$0].descriptor, options: resolved[$0])
        }
        try OutputTargets.checkDistinct(exporterOutputs)
        if protectStandardOutput && !OutputTargets.legacyExporterWritesStandardOutput(exporterOutputs) {
            StandardOutput.protectFromPlugins()
        }
        let isolated = try isolate.stages(names: names, libraries: libraries)
        let workerCount = max(1, workers)
        var created: [any ChainStage] = []
        func make(_ stage: Int) throws -> any ChainStage {
            let instance: any ChainStage
            if isolated.contains(stage), let isolation {
                // One pool per plugin, shared by the threads: workers start as
                // they are needed, never more than threads or CPUs.
                let limit = min(workerCount, CPUBudget.available())
                instance = try IsolatedPool(
                    library: libraries[stage], options: resolved[stage], settings: isolation, limit: limit)
            } else {
                instance = try PluginInstance(
                    library: libraries[stage], options: resolved[stage], logHandler: logHandler)
            }
            created.append(instance)
            return instance
        }
        do {
            var perWorker = [[(any ChainStage)?]](
                repeating: [(any ChainStage)?](repeating: nil, count: libraries.count), count: workerCount)
            var exporters = [(any ChainStage)?](repeating: nil, count: libraries.count)
            for (stage, library) in libraries.enumerated() {
                if library.descriptor.kind == .exporter {
                    exporters[stage] = try make(stage)
                } else if library.descriptor.isThreadSafe || isolated.contains(stage) {
                    let shared = try make(stage)
                    for worker in 0..<workerCount { perWorker[worker][stage] = shared }
                } else {
                    for worker in 0..<workerCount { perWorker[worker][stage] = try make(stage) }
                }
            }
            return Chain(
                isExporter: libraries.map { $0.descriptor.kind == .exporter }, workers: perWorker, exporters: exporters)
        } catch {
            for instance in created { instance.destroy() }
            throw error
        }
    }

    /// Runs one article through the classifiers and summarizers, with the
    /// instances of `worker`.
    ///
    /// - Throws: the first plugin's failure; later plugins do not see the article.
    public func analyze(_ article: Article, worker: Int = 0) throws(PluginCallError) -> Processed {
        var processed = Processed(
            article: article, perPlugin: [Annotations](filledWith: Annotations(), count: isExporter.count),
            layout: ArticleLayout(article))
        var sofar = Self.carried(article)
        for (stage, instance) in workers[worker].enumerated() {
            guard let instance else {
                // An exporter that formats its records ahead does so here, on
                // this worker, so that the ordered stage only writes.
                if let exporter = exporters[stage], exporter.preparesRecords {
                    let record = try Self.during(exporter, article) { () throws(PluginCallError) in
                        try exporter.prepareExport(for: article, layout: processed.layout, annotations: sofar)
                    }
                    if processed.records.isEmpty {
                        processed.records = [PreparedRecord?](filledWith: nil, count: isExporter.count)
                    }
                    processed.records[stage] = record
                }
                continue
            }
            let produced = try Self.during(instance, article) { () throws(PluginCallError) in
                try instance.process(article, layout: processed.layout, annotations: sofar)
            }
            processed.perPlugin[stage] = produced
            sofar.merge(produced)
        }
        return processed
    }

    /// The input's own keys, as the fields plugins see first.
    static func carried(_ article: Article) -> Annotations {
        var annotations = Annotations()
        annotations.fields = article.carried
        return annotations
    }

    /// Hands an analyzed article to every exporter, in chain order. Call it
    /// from one thread, in input order.
    public func export(_ processed: borrowing Processed) throws(PluginCallError) {
        for stage in isExporter.indices where isExporter[stage] {
            let exporter = exporters[stage]!
            _ = try Self.during(exporter, processed.article) { () throws(PluginCallError) in
                // The view `prepare` saw has the same annotations: reused, with the record.
                if stage < processed.records.count, let prepared = processed.records[stage] {
                    return try exporter.process(processed.article, prepared: prepared)
                }
                return try exporter.process(
                    processed.article, layout: processed.layout, annotations: processed.annotations(before: stage))
            }
        }
    }

    /// Runs a call of `stage` about `article` (`process` or `prepare`),
    /// telling ``CrashNotice`` which plugin and article a crash of the host
    /// process would be about.
    private static func during<T>(
        _ stage: any ChainStage, _ article: Article, _ body: () throws(PluginCallError) -> T
    ) throws(PluginCallError) -> T {
        guard stage is PluginInstance else { return try body() }
        CrashNotice.enter(plugin: stage.pluginID, article: article.id)
        defer { CrashNotice.leave() }
        return try body()
    }

    /// Runs one article through the whole chain on the calling thread.
    public func process(_ article: Article) throws(PluginCallError) -> AnnotatedArticle {
        let processed = try analyze(article)
        try export(processed)
        return AnnotatedArticle(article: article, annotations: processed.annotations(before: isExporter.count))
    }

    /// Ends the run: calls `finish` on every instance, even after one fails,
    /// then `commit` on the two-phase exporters that finished; returns the
    /// failures.
    ///
    /// The order is what makes a crash in any `finish` leave every two-phase
    /// exporter's target untouched: non-exporters first, then the exporters
    /// that commit separately (which only prepare), then 1.0 exporters
    /// (which make their output visible in `finish`), and only then the
    /// commits.
    public func finish() -> [PluginCallError] {
        var failures: [PluginCallError] = []
        let exporterInstances = Set(exporters.compactMap { $0.map(ObjectIdentifier.init) })
        let (exporting, others) = instances.split(by: { exporterInstances.contains(ObjectIdentifier($0)) })
        let (twoPhase, onePhase) = exporting.split(by: \.commitsSeparately)
        var prepared: [any ChainStage] = []
        for instance in others + twoPhase + onePhase {
            do {
                try Self.during(instance, hook: "finish") { () throws(PluginCallError) in try instance.finish() }
                if instance.commitsSeparately { prepared.append(instance) }
            } catch {
                failures.append(error)
            }
        }
        for instance in prepared {
            do {
                try Self.during(instance, hook: "commit") { () throws(PluginCallError) in try instance.commit() }
            } catch {
                failures.append(error)
            }
        }
        return failures
    }

    /// Destroys every instance.
    public func destroy() {
        for instance in instances {
            Self.during(instance, hook: "destroy") { instance.destroy() }
        }
    }

    /// Runs a lifecycle hook of `stage`, telling ``CrashNotice`` which plugin
    /// and hook a crash of the host process would be about.
    private static func during<T, E: Error>(
        _ stage: any ChainStage, hook: String, _ body: () throws(E) -> T
    ) throws(E) -> T {
        guard stage is PluginInstance else { return try body() }
        CrashNotice.enter(plugin: stage.pluginID, hook: hook)
        defer { CrashNotice.leave() }
        return try body()
    }

    deinit {
        destroy()
    }
}

extension Array {
    /// The elements for which `belongs` holds, then the others, each in order.
    fileprivate func split(by belongs: (Element) -> Bool) -> (matching: [Element], rest: [Element]) {
        var matching: [Element] = []
        var rest: [Element] = []
        for element in self {
            if belongs(element) { matching.append(element) } else { rest.append(element) }
        }
        return (matching, rest)
    }
}
