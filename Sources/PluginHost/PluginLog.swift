import NewsHostABI

/// A message a plugin wrote through the host's `log` callback.
public struct PluginLogMessage: Sendable, Hashable {
    /// Severity (`NH_LOG_*`, defined once in ``NewsHostABI``).
    public typealias Level = LogLevel

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
