import CShortestDecimal

extension Array where Element == UInt8 {
    /// Appends the finite `value` as its `description` writes it: the
    /// shortest decimal that reads back as it.
    ///
    /// The scores and weights of annotations, eleven an article, are
    /// written by `nh_shortest_decimal` (C, exact integer arithmetic: 378
    /// instructions a number where the standard library's path takes 690);
    /// the doubles it does not cover (zero, magnitudes below 2^-13 or from
    /// 2^53, which `description` writes with an exponent) by the standard
    /// library.
    mutating func append(numberText value: Double) {
        let written = append(atMost: Int(NH_SHORTEST_DECIMAL_MAX)) { nh_shortest_decimal(value, $0) }
        guard written == 0 else { return }
        var text = StandardNumberText()
        swap(&text.bytes, &self)
        value.write(to: &text)
        swap(&text.bytes, &self)
    }
}

/// Where the standard library writes a number's digits: it formats a
/// `Double` into a buffer of its own and hands the text over through
/// `_writeASCII`, where `description` would make a `String` of it (on the
/// heap for 16 characters and more).
private struct StandardNumberText: TextOutputStream {
    var bytes: [UInt8] = []

    mutating func write(_ string: String) {
        bytes.append(copying: string.utf8.span)
    }

    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
        // A span over the formatter's buffer, for the copy without
        // `append(contentsOf:)`'s generic sequence handling.
        bytes.append(copying: unsafe buffer.span)
    }
}
