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
    private static func mark(_ scalar: UInt32) -> Mark {
        switch scalar {
        case 0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0x21, 0x3F, 0x3B: return .ender  // 。！？；!?;
        case 0x201C, 0x300C, 0x300E: return .opener  // “「『
        case 0x201D, 0x300D, 0x300F: return .closer  // ”」』
        default: return .none
        }
    }

    /// The sentences of `text`, trimmed, without empty ones; at most `limit`
    /// of them (the rest of the text is not read).
    public static func split(_ text: String, limit: Int = .max) -> [String] {
        let text = ScalarText(text, sentenceLimit: limit)
        return text.sentences.map(text.string)
    }

    /// Where the sentences of `scalars` are (trimmed, non-empty), at most
    /// `limit` of them.
    static func ranges(in scalars: [UInt32], limit: Int = .max) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        // News sentences run 20-80 characters.
        ranges.reserveCapacity(min(limit, scalars.count / 16 + 1))
        var start = 0
        var depth = 0
        var quoteLength = 0
        var pendingEnd = false
        var afterEnder = false

        func close(at end: Int) {
            if let trimmed = trim(scalars, start..<end) { ranges.append(trimmed) }
            start = end
            pendingEnd = false
        }

        var index = 0
        while index < scalars.count, ranges.count < limit {
            let scalar = scalars[index]
            // Most characters are runs of ideographs outside a quotation
            // with no sentence end pending: nothing happens but the steps.
            if !pendingEnd, depth == 0, CharacterClass.isIdeograph(scalar) {
                afterEnder = false
                index += 1
                while index < scalars.count, CharacterClass.isIdeograph(scalars[index]) { index += 1 }
                continue
            }
            if scalar == 0x0A {
                close(at: index)
                start = index + 1
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
            index += 1
        }
        if ranges.count < limit { close(at: index) }
        return ranges
    }

    private static func trim(_ scalars: [UInt32], _ range: Range<Int>) -> Range<Int>? {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, CharacterClass.isSpace(scalars[lower]) { lower += 1 }
        while upper > lower, CharacterClass.isSpace(scalars[upper - 1]) { upper -= 1 }
        return lower < upper ? lower..<upper : nil
    }
}
