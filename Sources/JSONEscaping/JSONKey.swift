/// An object member's name as JSON, quoted and followed by its colon when
/// it is made: a writer that writes the same keys on every line (an
/// exporter) keeps them in `static let`s and copies them, where
/// ``JSONWriter/key(_:)-(String)`` quotes the name each time.
public struct JSONKey: Sendable {
    /// `,"name":` as UTF-8: the key after another member, and without its
    /// comma the first of an object.
    @usableFromInline let member: [UInt8]

    /// The key `name`.
    public init(_ name: String) {
        var member = [UInt8(ascii: ",")]
        JSONEscaping.appendQuoted(name, to: &member)
        member.append(UInt8(ascii: ":"))
        self.member = member
    }
}
