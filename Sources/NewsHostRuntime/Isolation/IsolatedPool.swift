import Dispatch
import Foundation
import Locking
import NewsHostCore
import PluginHost

/// The isolated worker processes of one plugin, shared by every thread of
/// the chain: at most ``limit`` of them, each started when a thread first
/// needs one (the first at load time, so a `create` that fails stops the
/// run before it starts). A thread borrows an idle worker for one article
/// and hands it back; a worker that failed is replaced on its next use.
final class IsolatedPool: ChainStage {
    let pluginID: String
    /// The most worker processes this plugin ever has at once.
    let limit: Int
    private let library: PluginLibrary
    private let options: [(key: String, value: String)]
    private let settings: IsolationSettings
    /// Borrowing a worker waits here when all ``limit`` are busy.
    private let capacity: DispatchSemaphore
    private let workers = LockedValue(WorkerList())

    /// Starts the first worker and creates the instance in it.
    ///
    /// - Throws: ``PluginCallError`` when it cannot start or `create` fails.
    init(
        library: PluginLibrary, options: [(key: String, value: String)], settings: IsolationSettings, limit: Int
    ) throws(PluginCallError) {
        pluginID = library.descriptor.id
        self.library = library
        self.options = options
        self.settings = settings
        self.limit = max(1, limit)
        capacity = DispatchSemaphore(value: self.limit)
        let first = try IsolatedPlugin(library: library, options: options, settings: settings)
        workers.withLock { $0 = WorkerList(idle: [first], all: [first]) }
    }

    /// How many worker processes were started so far.
    var started: Int { workers.withLock { $0.all.reduce(0) { $0 + $1.starts } } }

    /// The worker gets the article itself: the layout is for stages in this process.
    func process(
        _ article: Article, layout _: ArticleLayout, annotations: Annotations
    ) throws(PluginCallError) -> Annotations {
        capacity.wait()
        defer { capacity.signal() }
        let worker: IsolatedPlugin
        if let idle = workers.withLock({ $0.idle.popLast() }) {
            worker = idle
        } else {
            worker = try IsolatedPlugin(library: library, options: options, settings: settings)
            workers.withLock { $0.all.append(worker) }
        }
        defer { workers.withLock { $0.idle.append(worker) } }
        return try worker.process(article, annotations: annotations)
    }

    /// Finishes every worker's instance; the first failure is thrown after all were asked.
    func finish() throws(PluginCallError) {
        var failure: PluginCallError?
        for worker in workers.withLock({ $0.all }) {
            do { try worker.finish() } catch { failure = failure ?? error }
        }
        if let failure { throw failure }
    }

    func destroy() {
        for worker in workers.withLock({ $0.all }) { worker.destroy() }
    }
}

/// The workers of a pool.
private struct WorkerList {
    var idle: [IsolatedPlugin] = []
    var all: [IsolatedPlugin] = []
}
