/// Keyword extraction for Chinese news without a dictionary: repeated
/// character n-grams (2–4 ideographs) and Latin words are the candidate
/// terms, and TextRank over their co-occurrence in sentences ranks them.
public struct KeywordExtractor: Sendable {
    /// How many keywords to return.
    public var count: Int
    /// Most candidates that enter the ranking graph (the most frequent).
    public var maximumCandidates = 48
    /// Most sentences read: keywords of a very long body come from its start.
    public var maximumSentences = 400

    /// Creates an extractor.
    public init(count: Int = 10) {
        self.count = count
    }

    /// Characters that almost never start or end a term: particles,
    /// prepositions, pronouns, measure words and the like.
    static let edgeStopCharacters: Set<Unicode.Scalar> = Set(
        "的了和是在与及等也都将对为这那其并从而于以之被把让向到个一不就更还所已又或但若如此各该我你他她它们".unicodeScalars)

    /// Frequent multi-character words that carry no topic.
    static let stopWords: Set<String> = [
        "我们", "他们", "进行", "开展", "相关", "工作", "通过", "一个", "以及", "已经", "目前", "同时", "其中", "方面",
        "表示", "指出", "强调", "今年", "近日", "记者", "本报讯", "活动", "进一步", "不断", "积极", "推进", "推动", "加强",
        "提升", "全面", "重要", "主要", "来自", "作为", "这些", "一些", "可以", "需要", "没有", "如何", "什么", "现场",
    ]

    /// The best `count` keywords of `body` with weights in (0, 1], best first.
    public func keywords(in body: String) -> [(term: String, weight: Double)] {
        let sentences = Sentences.split(body, limit: maximumSentences)
        var stats: [String: TermStats] = [:]
        var sentenceTerms: [[String]] = []
        for sentence in sentences {
            let occurrences = Self.candidates(in: sentence)
            for occurrence in occurrences { stats[occurrence.term, default: TermStats()].add(occurrence) }
            sentenceTerms.append(Array(Set(occurrences.map(\.term))))
        }
        // Keep repeated terms that stand on their own: a term always preceded
        // or always followed by the same ideograph is a piece of a longer word
        // (知识产 in 知识产权), and a shorter term every occurrence of which
        // sits inside one longer term is that term's fragment.
        var kept = stats.filter { $0.value.count >= 2 && !$0.value.alwaysExtends }.mapValues(\.count)
        for (term, count) in kept where term.unicodeScalars.count > 2 {
            let scalars = Array(term.unicodeScalars)
            for part in [scalars.dropLast(), scalars.dropFirst()] {
                let sub = String(String.UnicodeScalarView(part))
                if kept[sub] == count { kept[sub] = nil }
            }
        }
        let candidates = kept.sorted {
            $0.value * $0.key.unicodeScalars.count != $1.value * $1.key.unicodeScalars.count
                ? $0.value * $0.key.unicodeScalars.count > $1.value * $1.key.unicodeScalars.count : $0.key < $1.key
        }.prefix(maximumCandidates).map(\.key)
        guard !candidates.isEmpty else { return [] }

        let index = Dictionary(uniqueKeysWithValues: candidates.enumerated().map { ($1, $0) })
        var weights = [[Double]](repeating: [Double](repeating: 0, count: candidates.count), count: candidates.count)
        for terms in sentenceTerms {
            let present = terms.compactMap { index[$0] }
            for a in present {
                for b in present where a != b { weights[a][b] += 1 }
            }
        }
        let ranks = PageRank.scores(weights, tolerance: 1e-5)
        let order = candidates.indices.sorted {
            ranks[$0] != ranks[$1] ? ranks[$0] > ranks[$1]
                : kept[candidates[$0]]! != kept[candidates[$1]]! ? kept[candidates[$0]]! > kept[candidates[$1]]! : candidates[$0] < candidates[$1]
        }
        var chosen: [(term: String, weight: Double)] = []
        let top = ranks[order[0]]
        for position in order where chosen.count < count {
            let term = candidates[position]
            // One of a pair of overlapping terms (区工商联 / 工商联) is enough.
            guard !chosen.contains(where: { $0.term.contains(term) || term.contains($0.term) }) else { continue }
            chosen.append((term, top > 0 ? ranks[position] / top : 1))
        }
        return chosen
    }

    /// One occurrence of a candidate term and the ideographs around it
    /// (0 where a run of ideographs ends).
    struct Occurrence {
        var term: String
        var left: UInt32
        var right: UInt32
    }

    /// How often a term occurs and whether its neighbours ever vary.
    struct TermStats {
        var count = 0
        private var left: UInt32?
        private var right: UInt32?
        private var leftVaries = false
        private var rightVaries = false

        mutating func add(_ occurrence: Occurrence) {
            if count == 0 {
                left = occurrence.left
                right = occurrence.right
            } else {
                leftVaries = leftVaries || left != occurrence.left
                rightVaries = rightVaries || right != occurrence.right
            }
            count += 1
        }

        /// Every occurrence has the same ideograph on one side.
        var alwaysExtends: Bool {
            (!leftVaries && left != 0) || (!rightVaries && right != 0)
        }
    }

    /// The candidate terms of one sentence, with repetitions.
    static func candidates(in sentence: String) -> [Occurrence] {
        var terms: [Occurrence] = []
        var run: [Unicode.Scalar] = []
        var word = String.UnicodeScalarView()

        func flushRun() {
            if run.count >= 2 {
                for length in 2...4 where length <= run.count {
                    for start in 0...(run.count - length) {
                        let gram = run[start..<start + length]
                        guard !edgeStopCharacters.contains(gram.first!), !edgeStopCharacters.contains(gram.last!) else { continue }
                        let term = String(String.UnicodeScalarView(gram))
                        guard !stopWords.contains(term) else { continue }
                        let left = start > 0 ? run[start - 1].value : 0
                        let right = start + length < run.count ? run[start + length].value : 0
                        terms.append(Occurrence(term: term, left: left, right: right))
                    }
                }
            }
            run.removeAll(keepingCapacity: true)
        }
        func flushWord() {
            if word.count >= 2, word.contains(where: { $0.properties.isAlphabetic }) {
                terms.append(Occurrence(term: String(word), left: 0, right: 0))
            }
            word = String.UnicodeScalarView()
        }

        for scalar in sentence.unicodeScalars {
            if isIdeograph(scalar) {
                flushWord()
                run.append(scalar)
            } else if scalar.isASCII, scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                flushRun()
                word.append(scalar)
            } else {
                flushRun()
                flushWord()
            }
        }
        flushRun()
        flushWord()
        return terms
    }

    static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }
}
