import CNewsHostPlugin
import NewsHostABI

/// The plugin kinds (`NH_KIND_*`), defined once in ``NewsHostABI``.
public typealias PluginKind = NewsHostABI.PluginKind

/// The option value types (`NH_OPTION_*`), defined once in ``NewsHostABI``.
public typealias OptionType = NewsHostABI.OptionType

/// One entry of a plugin's option table.
public struct OptionSpec: Sendable, Hashable {
    /// The key, as in `--option <plugin>.<key>=<value>`.
    public var key: String
    /// The value type.
    public var type: OptionType
    /// The value used when the user gives none.
    public var defaultValue: String
    /// One line of help.
    public var help: String

    /// Creates an option spec.
    public init(key: String, type: OptionType, defaultValue: String, help: String) {
        self.key = key
        self.type = type
        self.defaultValue = defaultValue
        self.help = help
    }
}

/// A hook as the plugin declared it.
public struct HookDeclaration: Sendable, Hashable {
    /// The hook name.
    public var name: String
    /// The declared signature text.
    public var signature: String
}

/// Everything a plugin's descriptor says, copied into Swift values.
public struct PluginDescriptor: Sendable, Hashable {
    /// ABI major version the plugin was built against.
    public var abiMajor: Int
    /// ABI minor version the plugin was built against.
    public var abiMinor: Int
    /// The plugin id.
    public var id: String
    /// Its semantic version.
    public var version: String
    /// Who made it.
    public var vendor: String
    /// One-line description.
    public var description: String
    /// The kind.
    public var kind: PluginKind
    /// Whether one instance may be called from several threads at once.
    public var isThreadSafe: Bool
    /// The option table.
    public var options: [OptionSpec]
    /// The hook table, in the plugin's order (known and unknown hooks).
    public var hooks: [HookDeclaration]
}
