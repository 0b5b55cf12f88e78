/// JSON text written straight into one byte buffer, commas included: every
/// value and key after the first in its object or array is preceded by one.
/// One buffer, where joining a string per value would allocate and copy
/// each value again for every level it is nested in.
///
///     var json = JSONWriter()
///     json.beginObject()
///     json.key("id"); json.string("a#1")
///     json.key("titles"); json.strings(["一", "二"])
///     json.endObject()          // {"id":"a#1","titles":["一","二"]}
public struct JSONWriter: Sendable {
    /// The JSON text so far, as UTF-8.
    public var bytes: [UInt8] { output }

    /// ``bytes``, written by the inlinable members: the brackets and keys
    /// of a line, each a call of its own where the writer is in another
    /// module than its caller, are inlined into the caller.
    @usableFromInline var output: [UInt8] = []

    /// Whether a value ended last (a string, a number, a closed object or
    /// array), so that the next value or key takes a comma; not at the
    /// start, after an opening bracket, a key or a line end.
    @usableFromInline var valueEnded = false

    /// An empty writer with room for about `capacity` bytes.
    public init(capacity: Int = 0) {
        output.reserveCapacity(capacity)
    }

    /// The JSON text so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// A comma if a value ended last (see ``valueEnded``).
    @inlinable
    mutating func separate() {
        if valueEnded { output.append(UInt8(ascii: ",")) }
    }

    @inlinable
    public mutating func beginObject() { open(UInt8(ascii: "{")) }

    @inlinable
    public mutating func endObject() { close(UInt8(ascii: "}")) }

    @inlinable
    public mutating func beginArray() { open(UInt8(ascii: "[")) }

    @inlinable
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    @inlinable
    mutating func open(_ bracket: UInt8) {
        separate()
        output.append(bracket)
        valueEnded = false
    }

    @inlinable
    mutating func close(_ bracket: UInt8) {
        output.append(bracket)
        valueEnded = true
    }

    /// An object member's key; its value comes next.
    public mutating func key(_ name: String) {
        key(JSONKey(name))
    }

    /// An object member's key written ahead (``JSONKey``); its value comes next.
    @inlinable
    public mutating func key(_ name: JSONKey) {
        // Read through a span (see keyedRun(_:utf8:)).
        output.append(copying: name.member.span.extracting((valueEnded ? 0 : 1)...))
        valueEnded = false
    }

    @inlinable
    public mutating func string(_ text: some UTF8Readable) {
        _ = text.withUTF8Span { quotedRun(utf8: $0) }
    }

    /// An object member: its key written ahead and a string, in one append
    /// where the string has nothing to escape.
    @inlinable
    public mutating func member(_ key: JSONKey, _ text: some UTF8Readable) {
        text.withUTF8Span { keyedRun(key, utf8: $0) }
    }

    /// A string from its UTF-8 bytes, and where its text (between its
    /// quotes) is in ``bytes``: what ``string(_:)`` writes, not generic, so
    /// that the generic entry points can be inlined (and specialized for the
    /// caller's text) around it.
    @usableFromInline @discardableResult
    mutating func quotedRun(utf8: Span<UInt8>) -> Range<Int> {
        quotedRun(utf8: utf8, after: Span())
    }

    /// What ``member(_:_:)`` writes (see ``quotedRun(utf8:)``).
    @usableFromInline
    mutating func keyedRun(_ key: JSONKey, utf8: Span<UInt8>) {
        // Read through a span: the key's array is shared by every worker,
        // and a span borrows it where a copy of the array would retain it.
        quotedRun(utf8: utf8, after: key.member.span.extracting((valueEnded ? 0 : 1)...))
    }

    /// A string after `member` (a key, with its comma where one is due;
    /// none when empty).
    @discardableResult
    private mutating func quotedRun(utf8: Span<UInt8>, after member: Span<UInt8>) -> Range<Int> {
        // Without a key, the string takes the comma a value before it leaves due.
        let prefix = member.isEmpty && valueEnded ? Self.comma.span : member
        valueEnded = true
        // Nothing to escape, as in nearly every text: the comma or the key,
        // the quotes and the text in one write.
        if output.append(plainString: utf8, after: prefix) {
            return (output.count - 1 - utf8.count)..<(output.count - 1)
        }
        output.append(copying: prefix)
        let start = output.count + 1
        JSONEscaping.appendQuoted(utf8: utf8, to: &output)
        return start..<(output.count - 1)
    }

    private static let comma = [UInt8(ascii: ",")]

    /// The strings `runs` of ``bytes`` (escaped text, as ``quotedRun(utf8:)``
    /// gives) joined with line feeds, as one string: copied, not escaped again.
    @usableFromInline
    mutating func joinedLines(_ runs: [Range<Int>]) {
        separate()
        valueEnded = true
        output.append(SpecialBytes.quote)
        for (index, run) in runs.enumerated() {
            if index > 0 {
                output.append(SpecialBytes.backslash)
                output.append(UInt8(ascii: "n"))
            }
            output.append(copyingOwn: run)
        }
        output.append(SpecialBytes.quote)
    }

    /// A string, or `null` for `nil`.
    @inlinable
    public mutating func optionalString(_ text: (some UTF8Readable)?) {
        guard let text else { return null() }
        string(text)
    }

    /// An array of strings.
    @inlinable
    public mutating func strings(_ items: some Sequence<some UTF8Readable>) {
        beginArray()
        for item in items { string(item) }
        endArray()
    }

    /// A finite number, as the shortest text that reads back as it (what
    /// `description` gives); a non-finite one (not JSON) is written as `null`.
    public mutating func number(_ value: Double) {
        guard value.isFinite else { return null() }
        separate()
        output.append(numberText: value)
        valueEnded = true
    }

    public mutating func integer(_ value: some BinaryInteger) { raw(value.description) }

    public mutating func null() { raw("null") }

    /// A line feed, which ends a line of JSON Lines (the next value starts
    /// a new document: no comma before it).
    public mutating func endLine() {
        output.append(UInt8(ascii: "\n"))
        valueEnded = false
    }

    /// `json`, which must be one JSON value, as it is.
    public mutating func raw(_ json: String) {
        separate()
        output.append(copying: json.utf8.span)
        valueEnded = true
    }
}
