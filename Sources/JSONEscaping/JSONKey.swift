/// An object member's name as JSON, quoted and followed by its colon when
/// it is made: a writer that writes the same keys on every line (an
/// exporter) keeps them in `static let`s and copies them, where
/// ``JSONWriter/key(_:)-(String)`` quotes the name each time.
public struct JSONKey: Sendable {
    /// `"name":` as UTF-8.
    let quoted: [UInt8]

    /// The key `name`.
    public init(_ name: String) {
        // What the writer writes for the key at the start of a text.
        var writer = JSONWriter()
        writer.key(name)
        quoted = writer.bytes
    }
}
