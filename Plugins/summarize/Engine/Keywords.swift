import FilledArrays
import PackedKeys

/// Keyword extraction for Chinese news without a dictionary, in four
/// passes:
///
/// 1. **Count** (``TermCounts``): repeated character n-grams of 2–4
///    ideographs and Latin words, with their neighbours.
/// 2. **Filter** (``candidates(_:)``): terms that stand on their own, are
///    not stop words, clause fragments or bare numbers; the most frequent
///    by mass (count × length) become candidates.
/// 3. **Rank**: TextRank over the candidates' co-occurrence in sentences.
/// 4. **Choose**: the best, one of each pair of overlapping terms.
///
/// Terms are handled as packed integers (four 16-bit lanes, one ideograph
/// each) until the end, so the hot path never hashes or compares strings.
public struct KeywordExtractor: Sendable {
    /// How many keywords to return.
    public var count: Int
    /// Most candidates that enter the ranking graph (the most frequent).
    public var maximumCandidates = 30
    /// Most sentences read: keywords of a very long body come from its start.
    public var maximumSentences = 400

    /// Creates an extractor.
    public init(count: Int = 10) {
        self.count = count
    }

    /// Characters that almost never start or end a term: particles,
    /// prepositions, pronouns, conjunctions and the like.
    static let edgeStopCharacters = "的了和是在与及等也都将对为这那其并从而于以之被把让向到个一不就更还所已又或但若如此各该我你他她它们"

    /// Frequent multi-character words that carry no topic.
    static let stopWords: [String] = [
        "我们", "他们", "进行", "开展", "相关", "工作", "通过", "一个", "以及", "已经", "目前", "同时", "其中", "方面",
        "表示", "指出", "强调", "今年", "近日", "记者", "本报讯", "活动", "进一步", "不断", "积极", "推进", "推动", "加强",
        "提升", "全面", "重要", "主要", "来自", "作为", "这些", "一些", "可以", "需要", "没有", "如何", "什么", "现场",
        // Function words and discourse words: they join clauses, they are not topics.
        "然后", "应当", "应该", "问题", "因此", "但是", "虽然", "所以", "如果", "因为", "而且", "还是", "或者", "这样",
        "那么", "这个", "那个", "此外", "另外", "其他", "以上", "以下", "之后", "之前", "当前", "随后", "最后", "本次",
        "能够", "已经", "正在", "一直", "认为", "希望", "包括", "情况", "部分", "左右", "以来", "期间", "有关", "相应",
        // Adverbs and verbs of manner and degree that go with any topic.
        "切实", "确保", "具有", "深入", "出现", "了解", "详细", "充分", "有效", "认真", "大力", "主动", "不断地", "逐步",
        "持续", "更加", "非常", "十分", "比较", "必须", "可能", "一定", "进行了", "具体", "广泛", "及时", "共同",
        // Quantities, time and reporting words.
        "不少", "很多", "许多", "各种", "所有", "一批", "一系列", "上午", "下午", "昨天", "今天", "日前", "此次", "这次",
        "今后", "据悉", "介绍", "告诉", "由于", "对于", "关于", "并且", "不仅", "还有", "其实",
    ]

    /// Characters that write numbers: a term made only of them (二十, 十多,
    /// 三千余) is a count, not a topic.
    static let numeralCharacters = "零〇一二三四五六七八九十百千万亿两几多余数"
    static let numerals = IdeographSet(numeralCharacters.unicodeScalars.map(\.value))

    /// Whether the term of `key` (`length` ideographs) is only a number.
    static func isNumber(_ key: UInt64, length: Int) -> Bool {
        (0..<length).allSatisfy { numerals.contains(UInt32(truncatingIfNeeded: key >> UInt64(16 * $0)) & 0xFFFF) }
    }

    static let edgeStops = IdeographSet(edgeStopCharacters.unicodeScalars.map(\.value))
    /// The stop words by packed key (a table, not a `Set`: it is asked for
    /// every prefix and suffix of every repeated term).
    private static let stopKeys: PackedKeyTable<Bool> = {
        var table = PackedKeyTable(capacity: stopWords.count, empty: false)
        for key in stopWords.compactMap({ PackedTerm.key(Array($0.unicodeScalars)) }) {
            table[slot: table.insert(key)] = true
        }
        return table
    }()

    private static func isStopWord(_ key: UInt64) -> Bool { stopKeys[key: key] ?? false }

    /// The best `count` keywords of `body` with weights in (0, 1], best first.
    public func keywords(in body: String) -> [(term: String, weight: Double)] {
        keywords(in: ScalarText(body, sentenceLimit: maximumSentences))
    }

    /// The keywords of a decoded body.
    public func keywords(in text: ScalarText) -> [(term: String, weight: Double)] {
        guard count > 0 else { return [] }
        var terms = TermCounts(text, sentenceLimit: maximumSentences)
        let candidates = candidates(&terms)
        guard !candidates.isEmpty else { return [] }
        let ranks = PageRank.scores(cooccurrence(of: candidates, in: terms), tolerance: 1e-4)
        return choose(from: candidates, ranks: ranks, terms: terms)
    }

    /// A term that made it through the filters.
    struct Candidate {
        var key: UInt64
        var count: Int
        /// Count times length: how much of the text the term covers.
        var mass: Int
    }

    /// Pass 2: repeated terms that stand on their own, without stop words
    /// or terms that begin or end with one, the most massive first; marks
    /// each candidate's position in `terms`.
    func candidates(_ terms: inout TermCounts) -> [Candidate] {
        // Keep repeated terms that stand on their own; drop a shorter term
        // every occurrence of which sits inside one longer term. Terms are
        // handled by slot, so each is looked up only as the part of another.
        var slots: [Int] = []
        slots.reserveCapacity(terms.repeated.count)
        for slot in terms.repeated where !terms.stats[slot: Int(slot)].alwaysExtends { slots.append(Int(slot)) }
        for slot in slots { terms.stats[slot: slot].kept = true }
        for slot in slots where terms.stats[slot: slot].length > 2 {
            let (key, stat) = (terms.stats.key(inSlot: slot), terms.stats[slot: slot])
            Self.dropPart(PackedTerm.head(key, length: stat.length, keeping: stat.length - 1), as: stat, of: &terms)
            Self.dropPart(PackedTerm.tail(key, keeping: stat.length - 1), as: stat, of: &terms)
        }
        // A term that begins or ends with a stop word is a fragment of a
        // clause (员表示, 本次重), not a word.
        var entries: [(key: UInt64, value: TermCounts.TermStats)] = []
        entries.reserveCapacity(slots.count)
        for slot in slots {
            let (key, stat) = (terms.stats.key(inSlot: slot), terms.stats[slot: slot])
            guard stat.kept, !Self.hasStopWordEdge(key, length: stat.length), !Self.isNumber(key, length: stat.length)
            else { continue }
            entries.append((key, stat))
        }
        // A term that two more frequent terms meet inside (权保 between
        // 维权 and 保险) crosses a word boundary.
        let edges = TermEdges(entries)
        entries.removeAll { edges.straddlesABoundary($0.key, length: $0.value.length, count: $0.value.count) }
        var pool: [Candidate] = []
        pool.reserveCapacity(entries.count + terms.latinWords.count)
        for (key, stat) in entries {
            pool.append(Candidate(key: key, count: Int(stat.count), mass: Int(stat.count) * stat.length))
        }
        for word in terms.latinWords where word.count >= 2 {
            pool.append(Candidate(key: word.key, count: word.count, mass: word.count * word.scalars.count))
        }
        pool.removeAll { Self.isStopWord($0.key) }
        let ranked = Self.heaviest(pool, count: maximumCandidates)
        for (position, candidate) in ranked.enumerated() { terms.setPosition(position, of: candidate.key) }
        return ranked
    }

    /// The `count` candidates of `pool` with the most mass (then the lower
    /// key), heaviest first. Only those at least as heavy as the
    /// `count`-th are sorted: a body has a hundred or more repeated terms,
    /// of which thirty become candidates.
    static func heaviest(_ pool: [Candidate], count: Int) -> [Candidate] {
        var chosen = pool
        if pool.count > count {
            // How many candidates have each mass, masses from `cap` up in one
            // bin: the lightest mass `count` candidates reach down to.
            let cap = 64
            var atMass = [Int](filledWith: 0, count: cap + 1)
            for candidate in pool { atMass[min(candidate.mass, cap)] += 1 }
            var threshold = cap
            var heavier = atMass[cap]
            while heavier < count && threshold > 0 {
                threshold -= 1
                heavier += atMass[threshold]
            }
            chosen.removeAll { min($0.mass, cap) < threshold }
        }
        chosen.sort { $0.mass != $1.mass ? $0.mass > $1.mass : $0.key < $1.key }
        return Array(chosen.prefix(count))
    }

    /// Pass 3's graph: how many sentences each pair of candidates shares.
    func cooccurrence(of candidates: [Candidate], in terms: TermCounts) -> WeightMatrix {
        var weights = WeightMatrix(size: candidates.count)
        // The sentence each candidate was last seen in, and the candidates
        // of the current sentence.
        var lastSentence = [Int32](filledWith: -1, count: candidates.count)
        var present: [Int] = []
        present.reserveCapacity(candidates.count)
        var current: Int32 = -1
        for occurrence in terms.occurrences {
            if occurrence.sentence != current {
                present.removeAll(keepingCapacity: true)
                current = occurrence.sentence
            }
            guard let position = terms.position(of: occurrence), lastSentence[position] != current else {
                continue
            }
            lastSentence[position] = current
            for other in present {
                weights[position, other] += 1
                weights[other, position] += 1
            }
            present.append(position)
        }
        return weights
    }

    /// Pass 4: the best candidates by rank (then count, then key), weighted
    /// against the best, leaving out a term that contains or is contained
    /// in one already chosen (区工商联 / 工商联).
    func choose(from candidates: [Candidate], ranks: [Double], terms: TermCounts) -> [(term: String, weight: Double)] {
        let order = candidates.indices.sorted {
            ranks[$0] != ranks[$1]
                ? ranks[$0] > ranks[$1]
                : candidates[$0].count != candidates[$1].count
                    ? candidates[$0].count > candidates[$1].count : candidates[$0].key < candidates[$1].key
        }
        var chosen: [(term: String, weight: Double)] = []
        var chosenKeys: [UInt64] = []
        chosen.reserveCapacity(count)
        chosenKeys.reserveCapacity(count)
        let top = ranks[order[0]]
        for position in order where chosen.count < count {
            let key = candidates[position].key
            guard !chosenKeys.contains(where: { terms.overlap($0, key) }) else { continue }
            chosenKeys.append(key)
            chosen.append((terms.string(of: key), top > 0 ? ranks[position] / top : 1))
        }
        return chosen
    }
}

extension KeywordExtractor {
    /// Drops the kept term `part` of a longer term counted as `whole`, when
    /// it occurs only as often: then it never occurs outside the whole.
    fileprivate static func dropPart(_ part: UInt64, as whole: TermCounts.TermStats, of terms: inout TermCounts) {
        guard let slot = terms.stats.find(part), terms.stats[slot: slot].kept,
            terms.stats[slot: slot].count == whole.count
        else { return }
        terms.stats[slot: slot].kept = false
    }

    /// Whether the packed term of `length` ideographs starts or ends with a
    /// stop word shorter than itself.
    static func hasStopWordEdge(_ key: UInt64, length: Int) -> Bool {
        guard length > 2 else { return false }
        for part in 2..<length {
            let prefix = PackedTerm.head(key, length: length, keeping: part)
            let suffix = PackedTerm.tail(key, keeping: part)
            if isStopWord(prefix) || isStopWord(suffix) { return true }
        }
        return false
    }

    /// Whether one term contains the other.
    static func overlaps(_ a: [UInt32], _ b: [UInt32]) -> Bool {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        guard !short.isEmpty else { return true }
        return (0...(long.count - short.count)).contains { start in
            long[start..<start + short.count].elementsEqual(short)
        }
    }
}

/// Up to four ideographs packed into 16-bit lanes of a UInt64.
enum PackedTerm {
    /// The key of a 2–4 ideograph term, or nil for anything else.
    static func key(_ scalars: [Unicode.Scalar]) -> UInt64? {
        guard (2...4).contains(scalars.count), scalars.allSatisfy({ CharacterClass.isIdeograph($0.value) }) else {
            return nil
        }
        return scalars.reduce(0) { $0 << 16 | UInt64($1.value) }
    }

    /// The first `count` ideographs of a term of `length`, packed.
    static func head(_ key: UInt64, length: Int, keeping count: Int) -> UInt64 {
        key >> UInt64(16 * (length - count))
    }

    /// The last `count` ideographs of a term, packed.
    static func tail(_ key: UInt64, keeping count: Int) -> UInt64 {
        key & (UInt64.max >> UInt64(64 - 16 * count))
    }

    /// The number of ideographs of a packed term.
    static func length(_ key: UInt64) -> Int { (64 - key.leadingZeroBitCount + 15) / 16 }

    /// Whether one packed term contains the other, compared lane by lane
    /// at every place the shorter fits in the longer.
    static func overlaps(_ a: UInt64, _ b: UInt64) -> Bool {
        let (short, long) = length(a) <= length(b) ? (a, b) : (b, a)
        let (shortLength, longLength) = (length(short), length(long))
        let mask = UInt64.max >> UInt64(64 - 16 * shortLength)
        return (0...(longLength - shortLength)).contains { long >> UInt64(16 * $0) & mask == short }
    }

    /// The text of a packed term, its lanes read from the first.
    static func string(_ key: UInt64) -> String { ScalarText.string(Lanes(key: key, count: length(key))) }

    /// The ideographs of a packed term, first to last: a collection that
    /// holds the key itself, where a lazy map over its lanes would box a
    /// closure (an allocation for every keyword).
    struct Lanes: RandomAccessCollection {
        let key: UInt64
        let count: Int
        var startIndex: Int { 0 }
        var endIndex: Int { count }
        subscript(lane: Int) -> UInt32 {
            UInt32(truncatingIfNeeded: key >> UInt64(16 &* (count &- 1 &- lane))) & 0xFFFF
        }
    }
}

/// A set of CJK ideographs as a bitmap over ``CharacterClass/ideographs``.
struct IdeographSet: Sendable {
    private static let range = CharacterClass.ideographs
    private var bits = [UInt64](filledWith: 0, count: (Int(range.upperBound - range.lowerBound) + 64) / 64)

    init(_ values: [UInt32]) {
        for value in values where CharacterClass.isIdeograph(value) {
            let offset = Int(value - Self.range.lowerBound)
            bits[offset >> 6] |= 1 << UInt64(offset & 63)
        }
    }

    func contains(_ value: UInt32) -> Bool {
        guard CharacterClass.isIdeograph(value) else { return false }
        let offset = Int(value - Self.range.lowerBound)
        return bits[offset >> 6] & (1 << UInt64(offset & 63)) != 0
    }
}
