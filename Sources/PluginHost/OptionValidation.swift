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
}
