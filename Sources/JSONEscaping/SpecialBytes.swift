import CByteScan

/// The bytes a JSON string literal cannot hold as they are: the quote, the
/// backslash and the control characters (below U+0020). Writing, each is
/// escaped; reading, each ends a plain run of a literal. Every other byte,
/// the UTF-8 of any other character included, stands for itself. The set
/// is defined once, in C, where the scan that finds them is.
public enum SpecialBytes {
    /// The position of the first special byte of `bytes` at or after
    /// `start`, or `bytes.count` when there is none.
    ///
    /// The text between two escapes is nearly all of any JSON, and this is
    /// the loop every byte of it passes through, so sixteen bytes are
    /// tested at once (64 a step on x86), in C (`nh_scan_json_special`:
    /// SSE2 or NEON compares, which Swift's `SIMD16` compares do not
    /// compile to).
    @inlinable
    public static func firstSpecial(in bytes: Span<UInt8>, from start: Int) -> Int {
        precondition(start >= 0, "a scan starts at an offset of the bytes")
        return bytes.withUnsafeBufferPointer { buffer in
            Int(nh_scan_json_special(buffer.baseAddress, buffer.count, start))
        }
    }

    /// The position of the first `byte` of `bytes` at or after `start`, or
    /// `bytes.count` when there is none: the line feeds between the lines
    /// of JSON Lines, found by the C library's vectorized `memchr`.
    @inlinable
    public static func first(_ byte: UInt8, in bytes: Span<UInt8>, from start: Int) -> Int {
        precondition(start >= 0, "a scan starts at an offset of the bytes")
        return bytes.withUnsafeBufferPointer { buffer in
            Int(nh_scan_byte(buffer.baseAddress, buffer.count, start, byte))
        }
    }

    /// `"`.
    public static var quote: UInt8 { 0x22 }
    /// `\`.
    public static var backslash: UInt8 { 0x5C }
}
