/// Builds a string out of pieces of one source string and single scalars
/// without validating the result as UTF-8 again.
///
/// The page parser rebuilds paragraphs from many short slices of the page;
/// appending each to a `String` costs several hundred instructions, and
/// validating the gathered bytes costs about eleven per byte. Neither is
/// needed: a slice of valid UTF-8 that starts and ends on scalar boundaries
/// is valid UTF-8, and so is a concatenation of valid pieces. Every slice is
/// checked for exactly that when it is appended (two byte tests, in release
/// builds too; a slice that fails traps), which is what makes the unchecked
/// conversion in ``string`` sound. This is the only unchecked step of the
/// parser, kept in its own small module.
public struct UTF8Builder {
    /// The string the slices are taken from.
    public let source: String
    @usableFromInline var bytes: [UInt8] = []

    /// An empty builder taking slices of `source`, with room for `capacity`
    /// bytes.
    public init(slicing source: String, capacity: Int = 0) {
        var source = source
        source.makeContiguousUTF8()
        self.source = source
        bytes.reserveCapacity(capacity)
    }

    /// Whether nothing has been appended.
    @inlinable public var isEmpty: Bool { bytes.isEmpty }

    /// Appends the source's UTF-8 bytes in `range`, which must lie in the
    /// source and start and end on scalar boundaries: anything else is a
    /// programming error and traps.
    @inlinable
    public mutating func append(_ range: Range<Int>) {
        let utf8 = source.utf8.span
        precondition(range.lowerBound >= 0 && range.upperBound <= utf8.count, "slice \(range) outside the source")
        precondition(
            range.isEmpty
                || (Self.startsScalar(utf8, at: range.lowerBound) && Self.startsScalar(utf8, at: range.upperBound)),
            "slice \(range) does not start and end on scalar boundaries")
        utf8.extracting(range).withUnsafeBufferPointer { unsafe bytes.append(contentsOf: $0) }
    }

    /// Appends one scalar.
    @inlinable
    public mutating func append(_ scalar: Unicode.Scalar) {
        UTF8.encode(scalar) { bytes.append($0) }
    }

    /// Forgets what was appended, keeping the storage.
    @inlinable
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// The string built so far.
    @inlinable
    public var string: String {
        // Sound by construction: see the type's documentation.
        String(checkedUTF8: bytes.span)
    }

    /// A string of `scalars`, built the same way.
    @inlinable
    public static func string(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var builder = UTF8Builder(slicing: "")
        for scalar in scalars { builder.append(scalar) }
        return builder.string
    }

    /// Whether a scalar starts at `index` of valid UTF-8 (or it is the end).
    @inlinable
    static func startsScalar(_ utf8: Span<UInt8>, at index: Int) -> Bool {
        index == utf8.count || utf8[index] & 0xC0 != 0x80
    }
}
