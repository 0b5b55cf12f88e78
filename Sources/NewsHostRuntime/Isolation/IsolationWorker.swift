import NewsHostCore
import PluginHost
import ProcessPlumbing

/// The worker side of `--isolate`: the loop `newshost plugin-worker` runs.
/// It loads one plugin through the same loader as the host, creates one
/// instance and answers the host's requests until the host closes the
/// channel; then it destroys the instance and returns.
public enum IsolationWorker {
    /// Serves requests on `channel`; returns the process exit status
    /// (0 when the host closed the channel, 2 on a protocol error).
    public static func serve(_ channel: FrameChannel, logHandler: @escaping PluginLogHandler) -> Int32 {
        var instance: PluginInstance?
        defer { instance?.destroy() }
        while true {
            guard let frame = try? channel.receive() else { return 0 }
            let request: WorkerRequest
            do {
                request = try WorkerRequest.decode(frame)
            } catch {
                logHandler(
                    PluginLogMessage(
                        pluginID: instance?.pluginID ?? "worker", level: .error,
                        message: "bad request from the host: \(error)"))
                return 2
            }
            let reply: WorkerReply
            switch request {
            case .start(let path, let options):
                do {
                    let library = try PluginLibrary(path: path)
                    instance = try PluginInstance(
                        library: library, options: options.map { ($0.key, $0.value) }, logHandler: logHandler)
                    reply = .ready
                } catch let error as PluginLoadError {
                    reply = .loadFailed(error.description)
                } catch let error as PluginCallError {
                    reply = error.workerReply
                } catch {
                    reply = .loadFailed("\(error)")
                }
            case .process(let article, let annotations):
                guard let instance else { return 2 }
                do {
                    reply = .annotations(try instance.process(article, annotations: annotations))
                } catch {
                    reply = error.workerReply
                }
            case .finish:
                guard let instance else { return 2 }
                do {
                    try instance.finish()
                    reply = .finished
                } catch {
                    reply = error.workerReply
                }
            }
            guard (try? channel.send(reply.encoded())) != nil else { return 0 }
        }
    }
}

extension PluginCallError {
    /// The reply that carries this failure to the host.
    var workerReply: WorkerReply {
        switch self {
        case .createFailed(_, let status, let message), .processFailed(_, _, let status, let message),
            .finishFailed(_, let status, let message),
            .commitFailed(_, let status, let message):
            return .failed(status: status, message: message)
        case .workerFailed(_, _, let failure):
            return .failed(status: -5, message: "\(failure)")
        }
    }
}
