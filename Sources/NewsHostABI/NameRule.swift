import CNewsHostPlugin

/// The header's rules for the names a plugin declares or sets: lower-case
/// ASCII letters and digits, starting with one, plus a few punctuation
/// marks that differ by use, within a length limit.
public struct NameRule: Sendable {
    /// The punctuation allowed after the first character.
    public let punctuation: String
    /// The most bytes a name may have.
    public let maximumBytes: Int
    /// ``punctuation``'s bytes (ASCII), as ``accepts(_:)`` tests them.
    private let punctuationBytes: [UInt8]

    init(punctuation: String, maximumBytes: Int) {
        self.punctuation = punctuation
        self.maximumBytes = maximumBytes
        punctuationBytes = Array(punctuation.utf8)
    }

    /// `nh_plugin_descriptor.id`: `[a-z0-9][a-z0-9-]*`, at most 64 bytes.
    public static let pluginID = NameRule(punctuation: "-", maximumBytes: 64)
    /// `nh_option_spec.key`: `[a-z0-9][a-z0-9_-]*`, of any length.
    public static let optionKey = NameRule(punctuation: "_-", maximumBytes: .max)
    /// `set_field`'s key: `[a-z0-9][a-z0-9_.-]*`, at most `NH_MAX_KEY_BYTES`.
    public static let fieldKey = NameRule(punctuation: "_.-", maximumBytes: Int(NH_MAX_KEY_BYTES))

    /// The rule as the header writes it, for messages: `[a-z0-9][a-z0-9-]*`.
    public var pattern: String { "[a-z0-9][a-z0-9\(punctuation)]*" }

    /// Whether `name` follows the rule.
    ///
    /// A `String`, not any `StringProtocol`: `set_field` asks this of every
    /// key a plugin sets, and the generic form, not specialized across the
    /// module, took some 6,000 instructions for a 13-byte key.
    public func accepts(_ name: String) -> Bool {
        let bytes = name.utf8
        guard let first = bytes.first, Self.isLowerAlphanumeric(first), bytes.count <= maximumBytes else {
            return false
        }
        return bytes.allSatisfy { Self.isLowerAlphanumeric($0) || punctuationBytes.contains($0) }
    }

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
