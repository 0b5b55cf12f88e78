import JSONEscaping

/// JSON text written straight into one byte buffer (see `JSONWriter` in
/// JSONEscaping): how an exporter that streams one object per line builds
/// its line without a string per value.
public typealias JSONWriter = JSONEscaping.Writer

/// An object member's name quoted once, for keys an exporter writes on
/// every line (see `JSONKey` in JSONEscaping).
public typealias JSONKey = JSONEscaping.Key

/// Writing JSON text by hand, one value at a time, for exporters that stream
/// one object per line. ``JSONWriter`` builds a whole line into one buffer.
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
        var json = JSONWriter()
        json.strings(items)
        return json.text
    }

    /// An object with the members in the given order (values already JSON).
    public static func object(_ members: KeyValuePairs<String, String>) -> String {
        object(members.map { ($0.key, $0.value) })
    }

    /// An object with the members in the given order (values already JSON).
    public static func object(_ members: [(String, String)]) -> String {
        var json = JSONWriter()
        json.beginObject()
        for (key, value) in members {
            json.key(key)
            json.raw(value)
        }
        json.endObject()
        return json.text
    }
}
