/// A plugin hook returned a failure status.
public enum PluginCallError: Error, CustomStringConvertible, Equatable, Sendable {
    /// `create` failed, e.g. because of an option value.
    case createFailed(plugin: String, status: Int32, message: String?)
    /// `process` failed for one article.
    case processFailed(plugin: String, articleID: String, status: Int32, message: String?)
    /// `finish` failed, e.g. because the output could not be written.
    case finishFailed(plugin: String, status: Int32, message: String?)

    /// The id of the plugin that failed.
    public var pluginID: String {
        switch self {
        case .createFailed(let plugin, _, _), .processFailed(let plugin, _, _, _), .finishFailed(let plugin, _, _):
            return plugin
        }
    }

    /// A message for the person running the command.
    public var description: String {
        switch self {
        case .createFailed(let plugin, let status, let message):
            return "plugin \(plugin): could not start (\(Self.statusName(status))): \(message ?? "no message given")"
        case .processFailed(let plugin, let articleID, let status, let message):
            return "plugin \(plugin): failed on article \(articleID) (\(Self.statusName(status))): \(message ?? "no message given")"
        case .finishFailed(let plugin, let status, let message):
            return "plugin \(plugin): failed to finish (\(Self.statusName(status))): \(message ?? "no message given")"
        }
    }

    /// The ABI name of a status code.
    public static func statusName(_ status: Int32) -> String {
        switch status {
        case -1: return "NH_ERR_INVALID_INPUT"
        case -2: return "NH_ERR_BAD_CONFIG"
        case -3: return "NH_ERR_IO"
        case -4: return "NH_ERR_UNSUPPORTED"
        case -5: return "NH_ERR_INTERNAL"
        default: return "status \(status)"
        }
    }
}
