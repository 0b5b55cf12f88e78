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
        summarize(ScalarText(body, sentenceLimit: maximumSentences))
    }

    /// The summary of a decoded body, or `nil` when it has no text.
    public func summarize(_ text: ScalarText) -> String? {
        let sentences = text.sentences.prefix(maximumSentences)
        guard !sentences.isEmpty else { return nil }
        return choose(from: text, sentences).map { clip(text, sentences[$0]) }.joined()
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
    func choose(from text: ScalarText, _ sentences: ArraySlice<Range<Int>>) -> [Int] {
        guard method != .lead else { return Array(sentences.indices.prefix(sentenceCount)) }
        // The bigrams serve the ranking and the repeat test: compared once.
        let grams = SentenceBigrams(text.bigrams, sentenceCount: sentences.count)
        let scalars = text.scalars
        let order = rank(grams)
        guard method == .hybrid else { return order.prefix(sentenceCount).sorted() }
        var chosen: [Int] = []
        if let lead = sentences.first, Self.canLead(scalars[lead], minimumCharacters: minimumLeadCharacters) {
            chosen.append(0)
        }
        for candidate in order where chosen.count < sentenceCount && !chosen.contains(candidate) {
            let repeats = chosen.contains { grams.overlap(of: candidate, with: $0) > maximumOverlap }
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
    static func canLead(_ sentence: ArraySlice<UInt32>, minimumCharacters: Int) -> Bool {
        var scalars = sentence
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
        if let wire = scalars.prefix(24).firstIndex(of: wireEnd), scalars[..<wire].contains(wireAgency) {
            scalars = scalars[(wire + 1)...]
        }
        // Counted only as far as the minimum: a lead is usually far longer.
        var characters = 0
        for scalar in scalars where CharacterClass.isWordCharacter(scalar) {
            characters += 1
            if characters >= minimumCharacters { return true }
        }
        return false
    }

    private static func values(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }
    private static let captionScalars = captionOpenings.map(values)
    private static let sourceOpenings = ["本报讯", "本报记者"].map(values)
    private static let sentenceEnds = Set(values("。！？!?"))
    private static let quoteOpenings = Set(values("“「『\""))
    private static let quoteClosings = Set(values("”」』\""))
    private static let wireEnd = values("电")[0]
    private static let wireAgency = values("社")[0]

    /// Sentence indexes, best first.
    public func rank(_ sentences: [String]) -> [Int] {
        var scalars: [UInt32] = []
        var ranges: [Range<Int>] = []
        for sentence in sentences {
            let start = scalars.count
            scalars.append(contentsOf: sentence.unicodeScalars.map(\.value))
            ranges.append(start..<scalars.count)
        }
        guard method != .lead else { return Array(ranges.indices) }
        return rank(SentenceBigrams(WordBigrams(scalars.span, sentences: ranges), sentenceCount: ranges.count))
    }

    /// The ranking of the sentences whose bigrams are `grams` (TextRank or
    /// hybrid).
    func rank(_ grams: SentenceBigrams) -> [Int] {
        let n = grams.sentenceCount
        guard n > 1 else { return Array(0..<n) }
        var weights = WeightMatrix(size: n)
        for i in 0..<n {
            for j in (i + 1)..<n {
                let similarity = grams.similarity(i, j)
                weights[i, j] = similarity
                weights[j, i] = similarity
            }
        }
        let ranks = PageRank.scores(consume weights, tolerance: 1e-5)
        let top = ranks.max() ?? 1
        let score: [Double] = (0..<n).map { index in
            let textRank = top > 0 ? ranks[index] / top : 0
            // Very short fragments (a stray caption, "会上，") rarely summarize.
            let lengthFactor = min(1, Double(grams.distinctCount(index)) / 8)
            guard method == .hybrid else { return textRank * lengthFactor }
            let lead = 1 / Double(index + 1)
            return ((1 - leadWeight) * textRank + leadWeight * lead) * lengthFactor
        }
        return (0..<n).sorted { score[$0] != score[$1] ? score[$0] > score[$1] : $0 < $1 }
    }

    private func clip(_ text: ScalarText, _ sentence: Range<Int>) -> String {
        guard sentence.count > maximumSentenceLength else { return text.string(sentence) }
        return text.string(sentence.lowerBound..<sentence.lowerBound + maximumSentenceLength) + "…"
    }
}
