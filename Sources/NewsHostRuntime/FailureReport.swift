import Foundation
import NewsHostCore
import OutputFiles
import PluginHost
import ProcessPlumbing

/// The JSON report of what failed in a run (`--failure-report FILE`): every
/// plugin failure with the plugin, the article and what happened (status,
/// signal, exit status or timeout), and every input that was refused.
public struct FailureReport: Codable, Sendable, Equatable {
    /// One plugin failure.
    public struct PluginFailure: Codable, Sendable, Equatable {
        /// The plugin id.
        public var plugin: String
        /// The article id, when it happened in `process`.
        public var article: String?
        /// The hook (`create`, `process`, `finish`) or `worker` for an
        /// isolated worker that could not be started.
        public var stage: String
        /// `status`, `signal`, `exit`, `timeout`, `start` or `protocol`.
        public var kind: String
        /// The ABI status, for `status`.
        public var status: Int32?
        /// The signal number, for `signal`.
        public var signal: Int32?
        /// The signal's name, for `signal` (`SIGSEGV`).
        public var signalName: String?
        /// The exit status, for `exit`.
        public var exitStatus: Int32?
        /// The time limit in seconds, for `timeout`.
        public var timeoutSeconds: Double?
        /// The full message, as printed on stderr.
        public var message: String
    }

    /// One refused input.
    public struct RefusedInput: Codable, Sendable, Equatable {
        /// The input's path.
        public var path: String
        /// Why it was refused.
        public var message: String
    }

    /// Articles parsed.
    public var articlesRead: Int
    /// Articles that went through every plugin.
    public var articlesCompleted: Int
    /// Whether the run stopped before the end of its input.
    public var stoppedEarly: Bool
    /// Whether it was stopped by Ctrl-C or SIGTERM.
    public var interrupted: Bool
    /// The plugin failures, in the order they were met.
    public var failures: [PluginFailure]
    /// The inputs that were refused.
    public var refusedInputs: [RefusedInput]

    /// The report of `run`.
    public init(_ run: RunReport) {
        articlesRead = run.articlesRead
        articlesCompleted = run.articlesCompleted
        stoppedEarly = run.stoppedEarly
        interrupted = run.interrupted
        failures = run.pluginFailures.map(PluginFailure.init)
        refusedInputs = run.inputProblems.map { RefusedInput(path: $0.path ?? "", message: $0.description) }
    }

    /// Writes the report as pretty-printed JSON to `path`, atomically.
    public func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try OutputFile.write(String(decoding: try encoder.encode(self), as: UTF8.self) + "\n", to: path)
    }
}

extension FailureReport.PluginFailure {
    init(_ error: PluginCallError) {
        plugin = error.pluginID
        article = error.articleID
        message = error.description
        switch error {
        case .createFailed(_, let code, _): (stage, kind, status) = ("create", "status", code)
        case .processFailed(_, _, let code, _): (stage, kind, status) = ("process", "status", code)
        case .finishFailed(_, let code, _): (stage, kind, status) = ("finish", "status", code)
        case .commitFailed(_, let code, _): (stage, kind, status) = ("commit", "status", code)
        case .workerFailed(_, let articleID, let failure):
            stage = articleID == nil ? "worker" : "process"
            switch failure {
            case .ended(.signaled(let number)): (kind, signal, signalName) = ("signal", number, Signals.name(number))
            case .ended(.exited(let code)): (kind, exitStatus) = ("exit", code)
            case .timedOut(let seconds): (kind, timeoutSeconds) = ("timeout", seconds)
            case .couldNotStart: kind = "start"
            case .protocolViolation: kind = "protocol"
            }
        }
    }
}
