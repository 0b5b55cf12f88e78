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
        return choose(from: sentences).map { clip(sentences[$0]) }.joined()
    }

    /// Of the hybrid method's sentences, the share of a candidate's bigrams
    /// that may already be in a chosen sentence: above it the candidate
    /// mostly repeats that sentence's clause and is passed over.
    public var maximumOverlap = 0.5
    /// Fewest letters and ideographs a lead sentence needs to open the
    /// summary. Below it the lead is a fragment ("会上，") or a teaser that
    /// sets a scene ("家门口看病更方便了。"), not the news; real leads run
    /// 30-80 characters, and the short ones summaries used to drop had a
    /// median of 27 (issue 17's measurement on unseen articles).
    public var minimumLeadCharacters = 12

    /// The sentences of the summary, in text order. The hybrid method opens
    /// with the lead — news puts what happened first, and a short lead is
    /// still the lead — unless it is a caption, a dateline or source line
    /// on its own, or a fragment; it fills the rest by rank, passing over
    /// sentences that repeat one already chosen. The other methods take
    /// their ranking's top sentences.
    func choose(from sentences: [String]) -> [Int] {
        // The bigrams serve the ranking and the repeat test: made once.
        let grams = method == .lead ? [] : sentences.map(Bigrams.of)
        let order = rank(sentences.count, grams: grams)
        guard method == .hybrid else { return order.prefix(sentenceCount).sorted() }
        var chosen: [Int] = []
        if let lead = sentences.indices.first, Self.canLead(sentences[lead], minimumCharacters: minimumLeadCharacters) {
            chosen.append(lead)
        }
        for candidate in order where chosen.count < sentenceCount && !chosen.contains(candidate) {
            let repeats = chosen.contains { Bigrams.overlap(grams[candidate], grams[$0]) > maximumOverlap }
            if !repeats { chosen.append(candidate) }
        }
        // Every candidate repeated a chosen one: fill up by rank alone.
        for candidate in order where chosen.count < sentenceCount && !chosen.contains(candidate) {
            chosen.append(candidate)
        }
        return chosen.sorted()
    }

    /// Openings of photo captions ("图为…", "（图…", "摄影…").
    static let captionOpenings = ["图为", "图：", "（图", "(图", "摄影", "图片"]

    /// Whether `sentence` can open a summary as the lead: not a caption or a
    /// quotation on its own, and with `minimumCharacters` letters or
    /// ideographs once a leading source or dateline line (本报讯, …电) is
    /// set aside.
    static func canLead(_ sentence: String, minimumCharacters: Int) -> Bool {
        var scalars = sentence.unicodeScalars[...]
        guard !captionScalars.contains(where: { scalars.starts(with: $0) }) else { return false }
        // A quotation standing alone opens a feature ("“你们有什么困难……”"):
        // the news follows it.
        if let first = scalars.first, let last = scalars.last(where: { !sentenceEnds.contains($0) }),
            quoteOpenings.contains(first), quoteClosings.contains(last)
        {
            return false
        }
        for opening in sourceOpenings where scalars.starts(with: opening) { scalars = scalars.dropFirst(opening.count) }
        // "新华社北京3月5日电" and the like: the source line ends at 电.
        if let wire = scalars.prefix(24).firstIndex(of: "电"), scalars[..<wire].contains("社") {
            scalars = scalars[scalars.index(after: wire)...]
        }
        // Counted only as far as the minimum: a lead is usually far longer.
        var characters = 0
        for scalar in scalars where Bigrams.isWordCharacter(scalar) {
            characters += 1
            if characters >= minimumCharacters { return true }
        }
        return false
    }

    private static let captionScalars = captionOpenings.map { Array($0.unicodeScalars) }
    private static let sourceOpenings = ["本报讯", "本报记者"].map { Array($0.unicodeScalars) }
    private static let sentenceEnds = Set("。！？!?".unicodeScalars)
    private static let quoteOpenings = Set("“「『\"".unicodeScalars)
    private static let quoteClosings = Set("”」』\"".unicodeScalars)

    /// Sentence indexes, best first.
    public func rank(_ sentences: [String]) -> [Int] {
        rank(sentences.count, grams: method == .lead ? [] : sentences.map(Bigrams.of))
    }

    /// The ranking of `n` sentences whose bigrams are `grams` (unused, and
    /// may be empty, for the lead method).
    func rank(_ n: Int, grams: [[UInt64]]) -> [Int] {
        guard method != .lead, n > 1 else { return Array(0..<n) }
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
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        if IdeographSet.isIdeograph(value) { return true }
        if (0x3000...0x303F).contains(value) || (0xFF00...0xFF0F).contains(value) || (0x2000...0x206F).contains(value) {
            return false
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// The share of `a`'s bigrams that `b` has too (0 for an empty `a`).
    static func overlap(_ a: [UInt64], _ b: [UInt64]) -> Double {
        a.isEmpty ? 0 : Double(shared(a, b)) / Double(a.count)
    }

    /// How many bigrams two sorted, distinct lists have in common.
    static func shared(_ a: [UInt64], _ b: [UInt64]) -> Int {
        var i = 0
        var j = 0
        var shared = 0
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
        return shared
    }

    /// TextRank's sentence similarity: shared bigrams over the log lengths.
    static func similarity(_ a: [UInt64], _ b: [UInt64]) -> Double {
        guard a.count > 1, b.count > 1 else { return 0 }
        return Double(shared(a, b)) / (log(Double(a.count)) + log(Double(b.count)))
    }
}
