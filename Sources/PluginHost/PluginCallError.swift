import NewsHostABI
import ProcessPlumbing

/// A plugin hook returned a failure status.
public enum PluginCallError: Error, CustomStringConvertible, Equatable, Sendable {
    /// `create` failed, e.g. because of an option value.
    case createFailed(plugin: String, status: Int32, message: String?)
    /// `process` failed for one article.
    case processFailed(plugin: String, articleID: String, status: Int32, message: String?)
    /// `finish` failed, e.g. because the output could not be written.
    case finishFailed(plugin: String, status: Int32, message: String?)
    /// An exporter's `commit` failed: its output was finished but could not
    /// be made visible.
    case commitFailed(plugin: String, status: Int32, message: String?)
    /// The worker process of an isolated plugin (`--isolate`) crashed,
    /// exited, hung or could not be started; `articleID` is the article it
    /// was given, nil when it failed outside `process`.
    case workerFailed(plugin: String, articleID: String?, failure: WorkerFailure)

    /// The id of the plugin that failed.
    public var pluginID: String {
        switch self {
        case .createFailed(let plugin, _, _), .processFailed(let plugin, _, _, _), .finishFailed(let plugin, _, _),
            .commitFailed(let plugin, _, _), .workerFailed(let plugin, _, _):
            return plugin
        }
    }

    /// A message for the person running the command.
    public var description: String {
        switch self {
        case .createFailed(let plugin, let status, let message):
            return "plugin \(plugin): could not start (\(Self.statusName(status))): \(message ?? "no message given")"
        case .processFailed(let plugin, let articleID, let status, let message):
            return
                "plugin \(plugin): failed on article \(articleID) (\(Self.statusName(status))): \(message ?? "no message given")"
        case .finishFailed(let plugin, let status, let message):
            return "plugin \(plugin): failed to finish (\(Self.statusName(status))): \(message ?? "no message given")"
        case .commitFailed(let plugin, let status, let message):
            return
                "plugin \(plugin): finished but could not commit its output (\(Self.statusName(status))): \(message ?? "no message given")"
        case .workerFailed(let plugin, let articleID, let failure):
            return "plugin \(plugin): its isolated worker process \(failure)"
                + (articleID.map { " on article \($0)" } ?? "")
        }
    }

    /// The article the failure happened on, if it happened in `process`.
    public var articleID: String? {
        switch self {
        case .processFailed(_, let articleID, _, _): return articleID
        case .workerFailed(_, let articleID, _): return articleID
        case .createFailed, .finishFailed, .commitFailed: return nil
        }
    }

    /// The ABI name of a status code (``NewsHostABI/PluginStatus``).
    public static func statusName(_ status: Int32) -> String {
        PluginStatus(rawValue: status).description
    }
}

/// What went wrong with an isolated plugin's worker process.
public enum WorkerFailure: Equatable, Sendable, CustomStringConvertible {
    /// The process ended: killed by a signal (a crash) or by calling `exit`.
    case ended(Termination)
    /// No answer within the time limit; the process was killed.
    case timedOut(seconds: Double)
    /// The worker could not be spawned or did not start the plugin.
    case couldNotStart(String)
    /// The worker sent something that is not the protocol.
    case protocolViolation(String)

    /// A phrase that completes "its isolated worker process …".
    public var description: String {
        switch self {
        case .ended(.signaled(let signal)): return "crashed with \(Signals.name(signal)) (signal \(signal))"
        case .ended(.exited(let status)): return "exited with status \(status) (a plugin must never call exit)"
        case .timedOut(let seconds):
            return "gave no answer within \(Self.format(seconds)) s (--plugin-timeout) and was killed"
        case .couldNotStart(let reason): return "could not be started: \(reason)"
        case .protocolViolation(let reason): return "broke the worker protocol (\(reason)) and was stopped"
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
