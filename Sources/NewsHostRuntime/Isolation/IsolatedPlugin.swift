import NewsHostCore
import PluginHost
import ProcessPlumbing

/// Where isolated plugins run and how long they may take.
public struct IsolationSettings: Sendable {
    /// The executable that understands `plugin-worker` (the host's own).
    public var workerExecutable: String
    /// Seconds a worker may take to answer one request before it is killed.
    public var timeout: Double
    /// Whether workers pass plugins' debug messages on.
    public var verbose: Bool
    /// The heap limit of each worker (RLIMIT_DATA), in megabytes; nil for none.
    public var memoryLimitMegabytes: Int?

    /// Creates settings.
    public init(workerExecutable: String, timeout: Double = 60, verbose: Bool = false, memoryLimitMegabytes: Int? = nil)
    {
        self.workerExecutable = workerExecutable
        self.timeout = timeout
        self.verbose = verbose
        self.memoryLimitMegabytes = memoryLimitMegabytes
    }
}

/// A plugin instance that lives in a worker process (`newshost
/// plugin-worker`), reached over a socket with the binary frames of
/// ``WorkerRequest`` and ``WorkerReply``.
///
/// When the worker crashes, exits, breaks the protocol or exceeds the time
/// limit on an article, the call throws
/// ``PluginCallError/workerFailed(plugin:articleID:failure:)`` and the next
/// call starts a fresh worker (a fresh instance, created with the same
/// options). Not for concurrent use: the chain gives each of its worker
/// threads its own.
final class IsolatedPlugin: @unchecked Sendable {
    let pluginID: String
    private let path: String
    private let options: [WorkerRequest.Pair]
    private let settings: IsolationSettings
    private var worker: ChildProcess?
    /// Workers started, the first one included.
    private(set) var starts = 0

    /// Starts the worker and creates the instance in it.
    ///
    /// - Throws: ``PluginCallError`` when the worker cannot start or
    ///   `create` fails; ``PluginLoadError`` is reported as a start failure.
    init(
        library: PluginLibrary, options: [(key: String, value: String)], settings: IsolationSettings
    ) throws(PluginCallError) {
        pluginID = library.descriptor.id
        path = library.path
        self.options = options.map { WorkerRequest.Pair(key: $0.key, value: $0.value) }
        self.settings = settings
        try start()
    }

    private func start() throws(PluginCallError) {
        starts += 1
        let child: ChildProcess
        do {
            child = try ChildProcess(
                executable: settings.workerExecutable,
                arguments: ["plugin-worker"] + (settings.verbose ? ["--verbose"] : [])
                    + (settings.memoryLimitMegabytes.map { ["--memory-limit", String($0)] } ?? []),
                environment: ["SWIFT_BACKTRACE": "enable=no"])
        } catch {
            throw .workerFailed(plugin: pluginID, articleID: nil, failure: .couldNotStart(error.description))
        }
        worker = child
        switch try exchange(.start(path: path, options: options), articleID: nil) {
        case .ready:
            return
        case .loadFailed(let message):
            stop()
            throw .workerFailed(plugin: pluginID, articleID: nil, failure: .couldNotStart(message))
        case .failed(let status, let message):
            stop()
            throw .createFailed(plugin: pluginID, status: status, message: message)
        default:
            stop()
            throw .workerFailed(
                plugin: pluginID, articleID: nil, failure: .protocolViolation("unexpected answer to start"))
        }
    }

    func process(_ article: Article, annotations: Annotations) throws(PluginCallError) -> Annotations {
        if worker == nil { try start() }
        switch try exchange(.process(article, annotations), articleID: article.id) {
        case .annotations(let produced):
            return produced
        case .failed(let status, let message):
            throw .processFailed(plugin: pluginID, articleID: article.id, status: status, message: message)
        default:
            stop()
            throw .workerFailed(
                plugin: pluginID, articleID: article.id, failure: .protocolViolation("unexpected answer to process"))
        }
    }

    /// Finishes the current worker's instance; when the last worker died
    /// there is nothing to finish.
    func finish() throws(PluginCallError) {
        guard worker != nil else { return }
        switch try exchange(.finish, articleID: nil) {
        case .finished:
            return
        case .failed(let status, let message):
            throw .finishFailed(plugin: pluginID, status: status, message: message)
        default:
            stop()
            throw .workerFailed(
                plugin: pluginID, articleID: nil, failure: .protocolViolation("unexpected answer to finish"))
        }
    }

    /// Closes the channel, which tells the worker to destroy its instance
    /// and exit; waits for it (killing it after the time limit).
    func destroy() {
        guard let worker else { return }
        worker.channel.close()
        _ = worker.wait(orKillAfter: settings.timeout)
        self.worker = nil
    }

    deinit {
        destroy()
    }

    /// Sends one request and waits for the reply; any failure of the worker
    /// is turned into ``PluginCallError/workerFailed(plugin:articleID:failure:)``
    /// after the worker has been reaped.
    private func exchange(_ request: WorkerRequest, articleID: String?) throws(PluginCallError) -> WorkerReply {
        guard let worker else { preconditionFailure("no worker") }
        let failure: WorkerFailure
        do {
            try worker.channel.send(request.encoded())
            let frame = try worker.channel.receive(before: Deadline(seconds: settings.timeout))
            do {
                return try WorkerReply.decode(frame)
            } catch {
                failure = .protocolViolation(error.description)
            }
        } catch .timedOut {
            failure = .timedOut(seconds: settings.timeout)
        } catch .closed {
            // The socket closes a moment before the process is gone.
            failure = .ended(worker.wait(orKillAfter: settings.timeout))
        } catch {
            failure = .protocolViolation(error.description)
        }
        stop()
        throw .workerFailed(plugin: pluginID, articleID: articleID, failure: failure)
    }

    /// Kills and reaps the current worker.
    private func stop() {
        worker?.kill()
        _ = worker?.wait()
        worker = nil
    }
}
