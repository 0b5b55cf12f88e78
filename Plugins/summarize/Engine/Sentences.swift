/// Splits Chinese (and mixed) text into sentences.
///
/// A sentence ends at `。！？；` or their half-width forms `!?;`, and at a
/// line break. Quotations are kept whole: an end mark inside `“…”`, `「…」`
/// or `『…』` does not split, and a closing quote right after an end mark
/// stays with its sentence. A quote left open for more than
/// ``maximumQuoteLength`` characters is taken as unbalanced and ignored.
public enum Sentences {
    /// Longest stretch of text a quotation may keep together.
    public static let maximumQuoteLength = 300

    private enum Mark { case none, ender, opener, closer }

    /// What a character means to sentence splitting; a switch, not a set
    /// lookup, because it runs for every character of every body.
    private static func mark(_ scalar: Unicode.Scalar) -> Mark {
        switch scalar.value {
        case 0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0x21, 0x3F, 0x3B: return .ender  // 。！？；!?;
        case 0x201C, 0x300C, 0x300E: return .opener  // “「『
        case 0x201D, 0x300D, 0x300F: return .closer  // ”」』
        default: return .none
        }
    }

    /// The sentences of `text`, trimmed, without empty ones; at most `limit`
    /// of them (the rest of the text is not read).
    public static func split(_ text: String, limit: Int = .max) -> [String] {
        ranges(in: text, limit: limit).map { String(text.unicodeScalars[$0]) }
    }

    /// Where the sentences of `text` are (trimmed, non-empty), at most `limit`.
    public static func ranges(in text: String, limit: Int = .max) -> [Range<String.Index>] {
        let scalars = text.unicodeScalars
        var ranges: [Range<String.Index>] = []
        var start = scalars.startIndex
        var depth = 0
        var quoteLength = 0
        var pendingEnd = false
        var afterEnder = false

        func close(at end: String.Index) {
            if let trimmed = trim(scalars, start..<end) { ranges.append(trimmed) }
            start = end
            pendingEnd = false
        }

        var index = scalars.startIndex
        while index < scalars.endIndex, ranges.count < limit {
            let scalar = scalars[index]
            if scalar == "\n" {
                close(at: index)
                start = scalars.index(after: index)
                depth = 0
                afterEnder = false
                index = start
                continue
            }
            let kind = mark(scalar)
            if pendingEnd, kind == .none || kind == .opener { close(at: index) }
            switch kind {
            case .opener:
                depth += 1
                quoteLength = 0
            case .closer:
                depth = max(0, depth - 1)
                if depth == 0, afterEnder { pendingEnd = true }
            case .ender, .none:
                if depth > 0 {
                    quoteLength += 1
                    if quoteLength > maximumQuoteLength { depth = 0 }
                }
                if kind == .ender, depth == 0 { pendingEnd = true }
            }
            afterEnder = kind == .ender
            index = scalars.index(after: index)
        }
        if ranges.count < limit { close(at: index) }
        return ranges
    }

    private static func trim(_ scalars: String.UnicodeScalarView, _ range: Range<String.Index>) -> Range<String.Index>?
    {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, scalars[lower].isSpace { lower = scalars.index(after: lower) }
        while upper > lower, scalars[scalars.index(before: upper)].isSpace { upper = scalars.index(before: upper) }
        return lower < upper ? lower..<upper : nil
    }
}

extension Unicode.Scalar {
    /// White space, by range first (the property table is slow in hot loops).
    var isSpace: Bool {
        switch value {
        case 0x20, 0x09...0x0D, 0x3000: return true
        case 0x21..<0x80: return false
        default: return value >= 0x80 && properties.isWhitespace
        }
    }
}
