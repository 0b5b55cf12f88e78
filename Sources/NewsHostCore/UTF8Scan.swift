/// Reading valid UTF-8 scalar by scalar straight from its bytes, for the
/// parser's per-line passes (the scalar views check every index they are
/// given, which costs more than the work done per scalar).
enum UTF8Scan {
    /// The scalar value starting at `index` and its length in bytes.
    /// `bytes` must be valid UTF-8 (a `String`'s) and `index` a scalar start.
    @inline(__always)
    static func scalar(in bytes: Span<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        return (
            (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F), 4
        )
    }

    /// The scalars among the first `limit` in `range` of `bytes` that
    /// `dropping` does not drop. `bytes` must be valid UTF-8 and `range`
    /// start on a scalar.
    @inline(__always)
    static func scalars(
        in bytes: Span<UInt8>, _ range: Range<Int>, limit: Int = .max,
        dropping drop: (UInt32) -> Bool = { _ in false }
    ) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        // Mostly three-byte ideographs: half the bytes is room enough.
        scalars.reserveCapacity(min(limit, range.count / 2 + 1))
        var index = range.lowerBound
        var read = 0
        while index < range.upperBound, read < limit {
            let (value, length) = scalar(in: bytes, at: index)
            index += length
            read += 1
            if !drop(value) { scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}") }
        }
        return scalars
    }

    /// The length of the blank scalar (``CJKText/isBlank(_:)``) that starts
    /// at `index`, or 0.
    @inline(__always)
    static func blankLength(in bytes: Span<UInt8>, at index: Int, end: Int) -> Int {
        switch bytes[index] {
        case 0x20, 0x09, 0x0B, 0x0C, 0x0D: return 1
        case 0xC2: return index + 1 < end && bytes[index + 1] == 0xA0 ? 2 : 0
        case 0xE3: return index + 2 < end && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 ? 3 : 0
        case 0xEF: return index + 2 < end && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF ? 3 : 0
        default: return 0
        }
    }
}
