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
    /// Eight bytes are tested at once, as one 64-bit word (see
    /// ``specialMarks(_:)``): the text between two escapes is nearly all of
    /// any JSON, and this is the loop every byte of it passes through.
    @inlinable
    public static func firstSpecial(in bytes: Span<UInt8>, from start: Int) -> Int {
        var index = start
        let raw = bytes.bytes
        while index &+ 8 <= bytes.count {
            let marks = specialMarks(raw.unsafeLoadUnaligned(fromByteOffset: index, as: UInt64.self).littleEndian)
            if marks != 0 { return index &+ marks.trailingZeroBitCount / 8 }
            index &+= 8
        }
        while index < bytes.count, !contains(bytes[index]) { index &+= 1 }
        return index
    }

    /// The high bit of each byte of `word` (eight bytes, the first in the
    /// low bits) that is special. A set bit above the lowest may be false
    /// (the borrow of a subtraction carries into the bytes above a match),
    /// so only the lowest is read: it is always right.
    @inlinable
    static func specialMarks(_ word: UInt64) -> UInt64 {
        marks(below: 0x20, in: word) | marks(of: quote, in: word) | marks(of: backslash, in: word)
    }

    /// The high bit of each byte of `word` that is `byte`, with the same
    /// caveat as ``specialMarks(_:)``: whether there is one, and where the
    /// lowest is, are always right. (A byte equals `byte` when it is zero
    /// after an exclusive or with it.)
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
