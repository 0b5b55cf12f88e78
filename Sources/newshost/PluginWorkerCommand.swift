import Foundation
import NewsHostRuntime
import PluginHost

/// `newshost plugin-worker`: not for people. `run --isolate` starts one per
/// isolated plugin and worker thread, with a socket on standard input.
enum PluginWorkerCommand {
    static func main(_ arguments: inout Arguments) throws -> ExitStatus {
        // Ctrl-C reaches the whole process group; the host decides what
        // stops, and a worker ends when the host closes its channel or dies.
        // SIGTERM sent to the worker itself ends it.
        guard ChildProcess.exitWhenOrphaned(status: ExitStatus.pluginFailed.rawValue) else { return .pluginFailed }
        signal(SIGINT, SIG_IGN)
        let verbose = arguments.flag("--verbose")
        _ = try arguments.operands(command: "plugin-worker")
        let channel: FrameChannel
        do {
            channel = try FrameChannel.adoptStandardInput()
        } catch {
            Console.err("newshost plugin-worker: \(error); this command is started by `newshost run --isolate`")
            return .usage
        }
        return IsolationWorker.serve(channel, logHandler: Console.pluginLog(verbose: verbose)) == 0 ? .success : .usage
    }
}
