import Foundation
import NewsHostRuntime
import PluginHost
import ProcessPlumbing

/// `newshost plugin-worker`: not for people. `run --isolate` starts one per
/// isolated plugin and worker thread, with a socket on standard input.
struct PluginWorkerCommand: Command {
    static let memoryLimit = Flag(
        "--memory-limit", value: "MB", help: "let the heap grow by at most MB megabytes (RLIMIT_DATA)")

    static let configuration = CommandConfiguration(
        name: "plugin-worker", abstract: "serve one isolated plugin (started by `newshost run --isolate`)",
        arguments: "[--verbose] [--memory-limit MB]",
        discussion: "Serves plugin calls over the socket on standard input; started by `newshost run --isolate`.",
        flags: [RunCommand.verbose, memoryLimit], isHidden: true)

    let verbose: Bool
    let megabytes: Int?

    init(_ arguments: inout Arguments) throws {
        verbose = arguments.flag(RunCommand.verbose)
        megabytes = try arguments.value(Self.memoryLimit).flatMap { Int($0) }
        _ = try arguments.operands(command: Self.configuration.name)
    }

    func run() throws -> ExitStatus {
        // Ctrl-C reaches the whole process group; the host decides what
        // stops, and a worker ends when the host closes its channel or dies.
        // SIGTERM sent to the worker itself ends it.
        guard ChildProcess.exitWhenOrphaned(status: ExitStatus.pluginFailed.rawValue) else { return .pluginFailed }
        signal(SIGINT, SIG_IGN)
        if let megabytes {
            guard !ChildProcess.isSanitized else {
                Console.err(
                    "newshost plugin-worker: --worker-memory is not available in a sanitizer build (the sanitizer's own mappings count against the limit)"
                )
                return .usage
            }
            // The data segment and private mappings (what malloc draws on) may
            // grow by `megabytes` beyond what the worker holds now, before any
            // plugin is loaded (a sanitizer build starts with terabytes of shadow).
            let bytes = rlim_t(((MemoryUsage.statusKilobytes("VmData") ?? 0) << 10) + megabytes << 20)
            var limit = rlimit(rlim_cur: bytes, rlim_max: bytes)
            guard setrlimit(__rlimit_resource_t(RLIMIT_DATA.rawValue), &limit) == 0 else {
                Console.err(
                    "newshost plugin-worker: cannot limit memory to \(megabytes) MB: \(String(cString: strerror(errno)))"
                )
                return .usage
            }
        }
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
