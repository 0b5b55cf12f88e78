/// A message a plugin wrote through the host's `log` callback.
public struct PluginLogMessage: Sendable, Hashable {
    /// Severity, as in the ABI's NH_LOG_* levels.
    public enum Level: Int32, Sendable, Comparable {
        case debug = 0
        case info = 1
        case warn = 2
        case error = 3

        /// Orders levels by severity.
        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Id of the plugin that logged.
    public var pluginID: String
    /// Severity.
    public var level: Level
    /// The text.
    public var message: String

    /// Creates a message.
    public init(pluginID: String, level: Level, message: String) {
        self.pluginID = pluginID
        self.level = level
        self.message = message
    }
}

/// Where plugin log messages go.
public typealias PluginLogHandler = @Sendable (PluginLogMessage) -> Void
