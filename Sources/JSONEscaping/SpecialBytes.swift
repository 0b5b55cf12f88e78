import CByteScan

/// The bytes a JSON string literal cannot hold as they are: the quote, the
/// backslash and the control characters (below U+0020). Writing, each is
/// escaped; reading, each ends a plain run of a literal. Every other byte,
/// the UTF-8 of any other character included, stands for itself.
public enum SpecialBytes {
    /// Whether `byte` is one of them.
    @inlinable
    public static func contains(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == quote || byte == backslash
    }

    /// The position of the first special byte of `bytes` at or after
    /// `start`, or `bytes.count` when there is none.
    ///
    /// The text between two escapes is nearly all of any JSON, and this is
    /// the loop every byte of it passes through, so sixteen bytes are
    /// tested at once, in C (`nh_scan_json_special`: SSE2 or NEON compares,
    /// which Swift's `SIMD16` compares do not compile to).
    @inlinable
    public static func firstSpecial(in bytes: Span<UInt8>, from start: Int) -> Int {
        precondition(start >= 0, "a scan starts at an offset of the bytes")
        return bytes.withUnsafeBufferPointer { buffer in
            Int(nh_scan_json_special(buffer.baseAddress, buffer.count, start))
        }
    }

    /// The high bit of each byte of `word` (eight bytes, the first in the
    /// low bits) that is `byte`. A set bit above the lowest may be false
    /// (the borrow of a subtraction carries into the bytes above a match),
    /// so only whether there is one, and where the lowest is, are right.
    /// (A byte equals `byte` when it is zero after an exclusive or with it.)
    @inlinable
    public static func marks(of byte: UInt8, in word: UInt64) -> UInt64 {
        marks(below: 1, in: word ^ (ones &* UInt64(byte)))
    }

    /// The high bit of each byte of `word` below `limit` (at most 0x80): such
    /// a byte has its high bit set after `limit` is subtracted from it, and
    /// had it clear before.
    @inlinable
    static func marks(below limit: UInt8, in word: UInt64) -> UInt64 {
        (word &- ones &* UInt64(limit)) & ~word & 0x8080_8080_8080_8080
    }

    /// One in every byte of a word.
    @usableFromInline
    static var ones: UInt64 { 0x0101_0101_0101_0101 }

    /// `"`.
    public static var quote: UInt8 { 0x22 }
    /// `\`.
    public static var backslash: UInt8 { 0x5C }
}
