import NewsHostCore
import PluginHost

/// What to do when a plugin fails on an article.
public enum ErrorPolicy: String, Sendable, CaseIterable {
    /// Stop reading input; finish the plugins with what was processed.
    case stop
    /// Leave the article out and go on with the next.
    case skip
}

/// What happened in a run.
public struct RunReport: Sendable {
    /// Inputs that were parsed.
    public var inputsRead = 0
    /// Articles parsed from them.
    public var articlesRead = 0
    /// Articles that went through the whole chain.
    public var articlesCompleted = 0
    /// Inputs that were refused (empty, not text, unreadable).
    public var inputProblems: [InputError] = []
    /// Lines of JSON Lines or page-records inputs skipped as unreadable (`--bad-input skip`).
    public var skippedRecords: [InputError] = []
    /// Plugin failures, on articles or in `finish`.
    public var pluginFailures: [PluginCallError] = []
    /// Plugins whose `finish` or `commit` failed: for an exporter, the
    /// articles that went through the chain never reached its output, so
    /// the summary says so next to the count.
    public var unfinished: [String] {
        pluginFailures.compactMap { failure in
            switch failure {
            case .finishFailed(let plugin, _, _), .commitFailed(let plugin, _, _): return plugin
            default: return nil
            }
        }
    }
    /// Whether the run stopped early because of a failure or an interrupt.
    public var stoppedEarly = false
    /// Whether it stopped because it was asked to (Ctrl-C, SIGTERM).
    public var interrupted = false
    /// Wall-clock duration in seconds.
    public var seconds: Double = 0

    /// Creates an empty report.
    public init() {}

    /// The one-line summary printed at the end of a run.
    public func summary(pluginCount: Int) -> String {
        var line =
            "newshost: \(articlesCompleted) of \(articlesRead) articles from \(inputsRead) input\(inputsRead == 1 ? "" : "s")"
        line += " through \(pluginCount) plugin\(pluginCount == 1 ? "" : "s") in \(String(format: "%.2f", seconds)) s"
        if !pluginFailures.isEmpty {
            line += "; \(pluginFailures.count) plugin failure\(pluginFailures.count == 1 ? "" : "s")"
        }
        if !unfinished.isEmpty {
            let one = unfinished.count == 1
            line +=
                "; \(unfinished.joined(separator: ", ")) did not finish, so \(one ? "its" : "their") output was not written"
        }
        if !inputProblems.isEmpty {
            line += "; \(inputProblems.count) input\(inputProblems.count == 1 ? "" : "s") refused"
        }
        if !skippedRecords.isEmpty {
            line += "; \(skippedRecords.count) bad record\(skippedRecords.count == 1 ? "" : "s") skipped"
        }
        if stoppedEarly { line += "; stopped early" }
        return line
    }
}
