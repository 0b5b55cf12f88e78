import NewsHostCore
import PluginHost

/// One thing that went wrong in a run, as `--errors-to FILE` writes it: a
/// JSON object per line, written as it happens.
public struct ErrorRecord: Encodable, Sendable, Equatable {
    /// What kind of problem: `input` (a refused input), `record` (a skipped
    /// line of JSON Lines or page records) or `article` / `finish` (a plugin failure).
    public var kind: String
    /// The input, as given (absent for plugin failures in `finish`).
    public var input: String?
    /// The line of the input, for a skipped record.
    public var line: Int?
    /// The article, for a plugin failure on one.
    public var id: String?
    /// The plugin that failed.
    public var plugin: String?
    /// The message, as printed.
    public var reason: String

    init(_ problem: InputError, skipped: Bool) {
        kind = skipped ? "record" : "input"
        input = problem.path
        switch problem {
        case .invalidJSONLine(_, let number, _), .lineTooLong(_, let number, _): line = number
        default: break
        }
        reason = problem.description
    }

    init(_ failure: PluginCallError) {
        kind = failure.articleID == nil ? "finish" : "article"
        id = failure.articleID
        plugin = failure.pluginID
        reason = failure.description
    }
}
