import CNewsHostPlugin

/// The type of an option's value: `nh_option_spec.type`, the header's
/// `NH_OPTION_*`. The host checks every value against it before `create`.
public enum OptionType: Sendable, Hashable {
    /// `NH_OPTION_STRING`: any text.
    case string
    /// `NH_OPTION_INT`: a whole number.
    case int
    /// `NH_OPTION_FLOAT`: a finite number.
    case float
    /// `NH_OPTION_BOOL`: `true` or `false`.
    case bool
    /// `NH_OPTION_PATH`: a file path.
    case path
    /// `NH_OPTION_ENUM`: one of the listed words (`nh_option_spec.choices`, `"a|b"`).
    case choice([String])

    /// The header's constant for the type.
    public var code: UInt32 {
        switch self {
        case .string: UInt32(NH_OPTION_STRING)
        case .int: UInt32(NH_OPTION_INT)
        case .float: UInt32(NH_OPTION_FLOAT)
        case .bool: UInt32(NH_OPTION_BOOL)
        case .path: UInt32(NH_OPTION_PATH)
        case .choice: UInt32(NH_OPTION_ENUM)
        }
    }

    /// `nh_option_spec.choices` for the type: the words joined with `|`
    /// for a choice, nil for the others.
    public var choicesText: String? {
        if case .choice(let words) = self { return words.joined(separator: "|") }
        return nil
    }

    /// The type of `nh_option_spec.type` `code` with `choices`, or nil for
    /// a code the header does not define. A choice of no words is
    /// `.choice([])`: the caller decides what to say about it.
    public init?(code: UInt32, choices: String?) {
        switch code {
        case UInt32(NH_OPTION_STRING): self = .string
        case UInt32(NH_OPTION_INT): self = .int
        case UInt32(NH_OPTION_FLOAT): self = .float
        case UInt32(NH_OPTION_BOOL): self = .bool
        case UInt32(NH_OPTION_PATH): self = .path
        case UInt32(NH_OPTION_ENUM): self = .choice(choices?.split(separator: "|").map(String.init) ?? [])
        default: return nil
        }
    }

    /// The name shown in help texts: `int`, `a|b`.
    public var name: String {
        switch self {
        case .string: "string"
        case .int: "int"
        case .float: "float"
        case .bool: "bool"
        case .path: "path"
        case .choice(let words): words.joined(separator: "|")
        }
    }
}
