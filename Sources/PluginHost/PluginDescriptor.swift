import CNewsHostPlugin
import NewsHostABI

/// The plugin kinds (`NH_KIND_*`), defined once in ``NewsHostABI``.
public typealias PluginKind = NewsHostABI.PluginKind

/// The type of an option value, which the host validates before `create`.
public enum OptionType: Sendable, Hashable {
    case string, int, float, bool, path
    /// One of the listed words.
    case choice([String])

    /// The name shown in help texts.
    public var name: String {
        switch self {
        case .string: return "string"
        case .int: return "int"
        case .float: return "float"
        case .bool: return "bool"
        case .path: return "path"
        case .choice(let words): return words.joined(separator: "|")
        }
    }
}

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
