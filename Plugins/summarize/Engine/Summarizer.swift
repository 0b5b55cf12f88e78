#if canImport(Glibc)
import Glibc
#endif

/// Extractive summaries of news bodies: TextRank over sentences (character
/// bigram overlap), combined with the lead position prior that works for news.
public struct Summarizer: Sendable {
    /// How sentences are chosen.
    public enum Method: String, Sendable, CaseIterable {
        /// TextRank score blended with a lead-position prior (default).
        case hybrid
        /// TextRank score only.
        case textrank
        /// The first sentences.
        case lead
    }

    /// How many sentences a summary has.
    public var sentenceCount: Int
    /// The ranking method.
    public var method: Method
    /// Weight of the lead prior in ``Method/hybrid`` (0…1).
    public var leadWeight = 0.35
    /// Longest sentence kept whole in a summary; longer ones are cut.
    public var maximumSentenceLength = 300
    /// Most sentences ranked: the graph is quadratic in their number, and
    /// news puts what matters early, so a longer body is ranked on its start.
    public var maximumSentences = 200

    /// Creates a summarizer.
    public init(sentenceCount: Int = 2, method: Method = .hybrid) {
        self.sentenceCount = sentenceCount
        self.method = method
    }

    /// The summary of `body`, or `nil` when it has no text.
    public func summarize(_ body: String) -> String? {
        summarize(body, sentences: Sentences.ranges(in: body, limit: maximumSentences))
    }

    /// The summary of `body`, whose sentences were already found.
    public func summarize(_ body: String, sentences ranges: [Range<String.Index>]) -> String? {
        let sentences = ranges.prefix(maximumSentences).map { String(body.unicodeScalars[$0]) }
        guard !sentences.isEmpty else { return nil }
        let chosen = rank(sentences).prefix(sentenceCount).sorted()
        return chosen.map { clip(sentences[$0]) }.joined()
    }

    /// Sentence indexes, best first.
    public func rank(_ sentences: [String]) -> [Int] {
        let n = sentences.count
        guard method != .lead, n > 1 else { return Array(0..<n) }
        let grams = sentences.map(Bigrams.of)
        var weights = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in (i + 1)..<n {
                let similarity = Bigrams.similarity(grams[i], grams[j])
                weights[i][j] = similarity
                weights[j][i] = similarity
            }
        }
        let ranks = PageRank.scores(weights, tolerance: 1e-5)
        let top = ranks.max() ?? 1
        let score: [Double] = (0..<n).map { index in
            let textRank = top > 0 ? ranks[index] / top : 0
            // Very short fragments (a stray caption, "会上，") rarely summarize.
            let lengthFactor = min(1, Double(grams[index].count) / 8)
            guard method == .hybrid else { return textRank * lengthFactor }
            let lead = 1 / Double(index + 1)
            return ((1 - leadWeight) * textRank + leadWeight * lead) * lengthFactor
        }
        return (0..<n).sorted { score[$0] != score[$1] ? score[$0] > score[$1] : $0 < $1 }
    }

    private func clip(_ sentence: String) -> String {
        let scalars = sentence.unicodeScalars
        guard scalars.count > maximumSentenceLength else { return sentence }
        return String(String.UnicodeScalarView(scalars.prefix(maximumSentenceLength))) + "…"
    }
}

/// Character bigrams as packed integers, for fast overlap counting.
enum Bigrams {
    /// The sorted, distinct bigrams of letters and ideographs in `text`
    /// (punctuation and spaces break bigrams).
    static func of(_ text: String) -> [UInt64] {
        var grams: [UInt64] = []
        var previous: UInt32?
        for scalar in text.unicodeScalars {
            guard isWordCharacter(scalar) else {
                previous = nil
                continue
            }
            if let previous { grams.append(UInt64(previous) << 32 | UInt64(scalar.value)) }
            previous = scalar.value
        }
        grams.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(grams.count)
        for gram in grams where unique.last != gram { unique.append(gram) }
        return unique
    }

    /// Letters, digits and ideographs; checked by range first, since the
    /// Unicode property tables are slow in a hot loop.
    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        if IdeographSet.isIdeograph(value) { return true }
        if (0x3000...0x303F).contains(value) || (0xFF00...0xFF0F).contains(value) || (0x2000...0x206F).contains(value) { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// TextRank's sentence similarity: shared bigrams over the log lengths.
    static func similarity(_ a: [UInt64], _ b: [UInt64]) -> Double {
        guard a.count > 1, b.count > 1 else { return 0 }
        var i = 0, j = 0, shared = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                shared += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return Double(shared) / (log(Double(a.count)) + log(Double(b.count)))
    }
}
