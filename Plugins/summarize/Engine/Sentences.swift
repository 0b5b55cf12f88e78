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

    private static let enders: Set<Unicode.Scalar> = ["。", "！", "？", "；", "!", "?", ";"]
    private static let openers: Set<Unicode.Scalar> = ["“", "「", "『"]
    private static let closers: Set<Unicode.Scalar> = ["”", "」", "』"]

    /// The sentences of `text`, trimmed, without empty ones; at most `limit`
    /// of them (the rest of the text is not read).
    public static func split(_ text: String, limit: Int = .max) -> [String] {
        var sentences: [String] = []
        var current = String.UnicodeScalarView()
        var depth = 0
        var quoteLength = 0
        var pendingEnd = false

        func flush() {
            let sentence = String(current).trimmingWhitespace()
            if !sentence.isEmpty { sentences.append(sentence) }
            current = String.UnicodeScalarView()
            pendingEnd = false
        }

        for scalar in text.unicodeScalars {
            if sentences.count >= limit { return sentences }
            if scalar == "\n" {
                flush()
                depth = 0
                continue
            }
            if pendingEnd, !closers.contains(scalar), !enders.contains(scalar) { flush() }
            current.append(scalar)
            if openers.contains(scalar) {
                depth += 1
                quoteLength = 0
            } else if closers.contains(scalar) {
                depth = max(0, depth - 1)
            } else if depth > 0 {
                quoteLength += 1
                if quoteLength > maximumQuoteLength { depth = 0 }
            }
            if enders.contains(scalar), depth == 0 { pendingEnd = true }
            if closers.contains(scalar), depth == 0, let previous = current.dropLast().last, enders.contains(previous) {
                pendingEnd = true
            }
        }
        flush()
        return Array(sentences.prefix(limit))
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
