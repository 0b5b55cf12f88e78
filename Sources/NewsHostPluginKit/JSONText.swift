import JSONEscaping

/// Writing JSON text by hand, for exporters that stream one object per line.
public enum JSONText {
    /// `text` as a JSON string literal.
    public static func string(_ text: String) -> String {
        JSONEscaping.quoted(text)
    }

    /// A JSON string literal, or `null` for `nil` and (when `emptyIsNull`) "".
    public static func optionalString(_ text: String?, emptyIsNull: Bool = true) -> String {
        guard let text, !(emptyIsNull && text.isEmpty) else { return "null" }
        return string(text)
    }

    /// A finite number; non-finite values (which the host never passes) become `null`.
    public static func number(_ value: Double) -> String {
        value.isFinite ? "\(value)" : "null"
    }

    /// An array of string literals.
    public static func strings(_ items: [String]) -> String {
        "[" + items.map(string).joined(separator: ",") + "]"
    }

    /// An object with the members in the given order (values already JSON).
    public static func object(_ members: KeyValuePairs<String, String>) -> String {
        "{" + members.map { string($0.key) + ":" + $0.value }.joined(separator: ",") + "}"
    }

    /// An object with the members in the given order (values already JSON).
    public static func object(_ members: [(String, String)]) -> String {
        "{" + members.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }
}
