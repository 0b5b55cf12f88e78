import NewsHostABI

/// What a Swift plugin says about itself; becomes its `nh_plugin_descriptor`.
public struct PluginMetadata: Sendable {
    /// Plugin kinds (`NH_KIND_*`, defined once in ``NewsHostABI``).
    public typealias Kind = PluginKind

    /// One option of the plugin's option table.
    public struct Option: Sendable {
        /// Value types (`NH_OPTION_*`, defined once in ``NewsHostABI``).
        public typealias ValueType = OptionType

        /// The key.
        public var key: String
        /// The value type.
        public var type: ValueType
        /// The default value, as text.
        public var defaultValue: String
        /// One line of help.
        public var help: String

        /// Declares an option.
        public init(_ key: String, _ type: ValueType, default defaultValue: String, help: String) {
            self.key = key
            self.type = type
            self.defaultValue = defaultValue
            self.help = help
        }
    }

    /// The id (`[a-z0-9][a-z0-9-]*`).
    public var id: String
    /// Semantic version.
    public var version: String
    /// Who made it.
    public var vendor: String
    /// One line: what it does.
    public var description: String
    /// The kind.
    public var kind: Kind
    /// Whether one instance may be called from several threads at once.
    public var isThreadSafe: Bool
    /// The option table.
    public var options: [Option]

    /// Describes a plugin.
    public init(
        id: String, version: String, vendor: String, description: String, kind: Kind,
        isThreadSafe: Bool = false, options: [Option] = []
    ) {
        self.id = id
        self.version = version
        self.vendor = vendor
        self.description = description
        self.kind = kind
        self.isThreadSafe = isThreadSafe
        self.options = options
    }
}

extension PluginMetadata.Option.ValueType {
    /// `nil` when `value` is valid for this type, else what a valid value
    /// looks like. The kit checks every option before `init`, so plugins
    /// only have to check ranges.
    func problem(with value: String) -> String? {
        switch self {
        case .string, .path: return nil
        case .int: return Int(value) == nil ? "expected an integer" : nil
        case .float: return Double(value).map { $0.isFinite } == true ? nil : "expected a finite number"
        case .bool: return value == "true" || value == "false" ? nil : "expected true or false"
        case .choice(let words): return words.contains(value) ? nil : "expected one of \(words.joined(separator: ", "))"
        }
    }
}

/// A failure a Swift plugin reports from a hook: a status and a message for
/// the user.
public struct PluginFailure: Error, CustomStringConvertible, Sendable {
    /// Status codes (`NH_ERR_*`, defined once in ``NewsHostABI``).
    public typealias Status = PluginStatus

    /// The status returned to the host.
    public var status: Status
    /// What went wrong and what to do.
    public var description: String

    /// Creates a failure.
    public init(_ status: Status, _ message: String) {
        self.status = status
        self.description = message
    }
}
