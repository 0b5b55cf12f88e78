/// Checks option values against their declared type.
public enum OptionValidation {
    /// `nil` when `value` is valid for `type`, else what a valid value looks like.
    public static func problem(with value: String, for type: OptionType) -> String? {
        switch type {
        case .string, .path:
            return nil
        case .int:
            return Int(value) == nil ? "expected an integer such as 3" : nil
        case .float:
            guard let number = Double(value), number.isFinite else { return "expected a finite number such as 0.5" }
            return nil
        case .bool:
            return value == "true" || value == "false" ? nil : "expected true or false"
        case .choice(let words):
            return words.contains(value) ? nil : "expected one of \(words.joined(separator: ", "))"
        }
    }

    /// Whether `key` is a valid option key.
    static func isValidKey(_ key: String) -> Bool {
        guard let first = key.utf8.first, isLowerAlnum(first) else { return false }
        return key.utf8.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }

    /// Whether `id` is a valid plugin id.
    static func isValidPluginID(_ id: String) -> Bool {
        guard let first = id.utf8.first, isLowerAlnum(first), id.utf8.count <= 64 else { return false }
        return id.utf8.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: "-") }
    }

    private static func isLowerAlnum(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
