/// Keyword extraction for Chinese news without a dictionary: repeated
/// character n-grams (2–4 ideographs) and Latin words are the candidate
/// terms, and TextRank over their co-occurrence in sentences ranks them.
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
    ]

    private static let edgeStops = IdeographSet(edgeStopCharacters.unicodeScalars)
    private static let stopKeys: Set<UInt64> = Set(stopWords.compactMap { PackedTerm.key(Array($0.unicodeScalars)) })

    /// How often a term occurs and whether its neighbours ever vary.
    struct TermStats {
        var count: Int32 = 0
        var left: UInt32 = 0
        var right: UInt32 = 0
        var lengthAndFlags: UInt8 = 0
        var leftVaries = false
        var rightVaries = false
        /// Index among the ranked candidates, or -1.
        var position: Int16 = -1
        /// Still a candidate after filtering.
        var kept = false

        var length: Int { Int(lengthAndFlags) }

        mutating func add(length: Int, left: UInt32, right: UInt32) {
            if count == 0 {
                lengthAndFlags = UInt8(length)
                self.left = left
                self.right = right
            } else {
                leftVaries = leftVaries || self.left != left
                rightVaries = rightVaries || self.right != right
            }
            count += 1
        }

        /// Every occurrence has the same ideograph on one side: a piece of
        /// a longer word (知识产 in 知识产权).
        var alwaysExtends: Bool {
            (!leftVaries && left != 0) || (!rightVaries && right != 0)
        }
    }

    /// Counts the 2–4 ideograph n-grams of one run of ideographs.
    private static func countRun(
        _ run: ArraySlice<UInt32>, sentence: Int32, into stats: inout TermTable,
        _ occurrences: inout [(key: UInt64, sentence: Int32)]
    ) {
        guard run.count >= 2 else { return }
        let base = run.startIndex
        for length in 2...min(4, run.count) {
            for start in base...(run.endIndex - length) {
                let last = start + length - 1
                guard !edgeStops.contains(run[start]), !edgeStops.contains(run[last]) else { continue }
                var key: UInt64 = 0
                for offset in start...last { key = key << 16 | UInt64(run[offset]) }
                let left = start > base ? run[start - 1] : 0
                let right = last + 1 < run.endIndex ? run[last + 1] : 0
                stats.add(key, length: length, left: left, right: right)
                occurrences.append((key, sentence))
            }
        }
    }

    /// The best `count` keywords of `body` with weights in (0, 1], best first.
    public func keywords(in body: String) -> [(term: String, weight: Double)] {
        keywords(in: body, sentences: Sentences.ranges(in: body, limit: maximumSentences))
    }

    /// The keywords of `body`, whose sentences were already found.
    public func keywords(in body: String, sentences: [Range<String.Index>]) -> [(term: String, weight: Double)] {
        guard count > 0 else { return [] }
        var stats = TermTable(capacity: body.utf8.count / 2)  // about one distinct n-gram per ideograph and a half
        var latin: [String: Int] = [:]
        var latinKeys: [String: UInt64] = [:]
        var occurrences: [(key: UInt64, sentence: Int32)] = []
        occurrences.reserveCapacity(body.utf8.count)
        var values: [UInt32] = []
        var word = String.UnicodeScalarView()

        for (sentence, range) in sentences.prefix(maximumSentences).enumerated() {
            values.removeAll(keepingCapacity: true)
            for scalar in body.unicodeScalars[range] { values.append(scalar.value) }
            values.append(0)  // a sentinel that ends the last run or word
            var runStart = -1
            for (position, value) in values.enumerated() {
                if IdeographSet.isIdeograph(value) {
                    if runStart < 0 { runStart = position }
                    continue
                }
                if runStart >= 0 {
                    Self.countRun(values[runStart..<position], sentence: Int32(sentence), into: &stats, &occurrences)
                    runStart = -1
                }
                if value < 0x80,
                    (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
                {
                    word.append(Unicode.Scalar(value)!)
                } else if !word.isEmpty {
                    if word.count >= 2, word.contains(where: { $0.properties.isAlphabetic }) {
                        let text = String(word)
                        latin[text, default: 0] += 1
                        // Latin words get keys above every packed ideograph key's range.
                        let key = latinKeys[text] ?? UInt64.max - UInt64(latinKeys.count)
                        latinKeys[text] = key
                        occurrences.append((key, Int32(sentence)))
                    }
                    word = String.UnicodeScalarView()
                }
            }
        }

        // Keep repeated terms that stand on their own; drop a shorter term
        // every occurrence of which sits inside one longer term.
        var entries = stats.entries { $0.count >= 2 && !$0.alwaysExtends }
        for (key, _) in entries { stats.markKept(key, true) }
        for (key, stat) in entries where stat.length > 2 {
            for part in [key >> 16, key & ~(UInt64(0xFFFF) << UInt64(16 * (stat.length - 1)))] {
                if let partStat = stats.lookup(part), partStat.kept, partStat.count == stat.count {
                    stats.markKept(part, false)
                }
            }
        }
        // A term that begins or ends with a stop word is a fragment of a
        // clause (员表示, 本次重), not a word.
        entries = entries.filter { stats.lookup($0.0)!.kept && !Self.hasStopWordEdge($0.0, length: $0.1.length) }
        var pool = entries.map { (key: $0.0, count: Int($0.1.count), mass: Int($0.1.count) * $0.1.length) }
        for (text, occurrencesOfWord) in latin where occurrencesOfWord >= 2 {
            pool.append((latinKeys[text]!, occurrencesOfWord, occurrencesOfWord * text.unicodeScalars.count))
        }
        pool.sort { $0.mass != $1.mass ? $0.mass > $1.mass : $0.key < $1.key }
        let latinTerms = Dictionary(uniqueKeysWithValues: latinKeys.map { ($1, $0) })
        var ranked: [(key: UInt64, count: Int, mass: Int)] = []
        for entry in pool where ranked.count < maximumCandidates && !Self.stopKeys.contains(entry.key) {
            ranked.append(entry)
        }
        let candidates = ranked.map(\.key)
        let counts = ranked.map(\.count)
        guard !candidates.isEmpty else { return [] }

        for (position, key) in candidates.enumerated() { stats.setPosition(position, of: key) }
        var latinPositions: [UInt64: Int] = [:]
        for (position, key) in candidates.enumerated() where latinTerms[key] != nil { latinPositions[key] = position }
        var weights = [[Double]](repeating: [Double](repeating: 0, count: candidates.count), count: candidates.count)
        var present: [Int] = []
        var current: Int32 = -1
        func link() {
            present.sort()
            var unique: [Int] = []
            for position in present where unique.last != position { unique.append(position) }
            for a in unique { for b in unique where a != b { weights[a][b] += 1 } }
            present.removeAll(keepingCapacity: true)
        }
        for occurrence in occurrences {
            if occurrence.sentence != current {
                link()
                current = occurrence.sentence
            }
            let position =
                occurrence.key >= UInt64.max - UInt64(latinKeys.count)
                ? latinPositions[occurrence.key] ?? -1 : Int(stats.lookup(occurrence.key)?.position ?? -1)
            if position >= 0 { present.append(position) }
        }
        link()

        let ranks = PageRank.scores(weights, tolerance: 1e-4)
        let order = candidates.indices.sorted {
            ranks[$0] != ranks[$1]
                ? ranks[$0] > ranks[$1]
                : counts[$0] != counts[$1] ? counts[$0] > counts[$1] : candidates[$0] < candidates[$1]
        }
        var chosen: [(term: String, weight: Double)] = []
        var chosenScalars: [[Unicode.Scalar]] = []
        let top = ranks[order[0]]
        for position in order where chosen.count < count {
            let key = candidates[position]
            let term = latinTerms[key] ?? PackedTerm.string(key)
            // One of a pair of overlapping terms (区工商联 / 工商联) is enough.
            let scalars = Array(term.unicodeScalars)
            guard !chosenScalars.contains(where: { Self.overlaps($0, scalars) }) else { continue }
            chosenScalars.append(scalars)
            chosen.append((term, top > 0 ? ranks[position] / top : 1))
        }
        return chosen
    }
}

extension KeywordExtractor {
    /// Whether the packed term of `length` ideographs starts or ends with a
    /// stop word shorter than itself.
    static func hasStopWordEdge(_ key: UInt64, length: Int) -> Bool {
        guard length > 2 else { return false }
        for part in 2..<length {
            let prefix = key >> UInt64(16 * (length - part))
            let suffix = key & (UInt64.max >> UInt64(64 - 16 * part))
            if stopKeys.contains(prefix) || stopKeys.contains(suffix) { return true }
        }
        return false
    }

    /// Whether one term contains the other.
    static func overlaps(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        guard !short.isEmpty else { return true }
        return (0...(long.count - short.count)).contains { start in
            long[start..<start + short.count].elementsEqual(short)
        }
    }
}

/// Term statistics keyed by packed term: an open-addressing hash table with
/// a multiplicative hash, several times cheaper than `Dictionary` with
/// SipHash in the extraction loop.
struct TermTable {
    private var keys: [UInt64]
    private var values: [KeywordExtractor.TermStats]
    private var mask: Int
    private var shift: UInt64

    /// A table for about `capacity` distinct terms (it grows when needed).
    init(capacity: Int) {
        var size = 64
        while size * 3 < capacity * 4 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [KeywordExtractor.TermStats](repeating: .init(), count: size)
        mask = size - 1
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    private func slot(_ key: UInt64) -> Int {
        var index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) & mask
        while keys[index] != 0 && keys[index] != key { index = (index + 1) & mask }
        return index
    }

    private var used = 0

    /// Records one occurrence of `key` (never 0).
    mutating func add(_ key: UInt64, length: Int, left: UInt32, right: UInt32) {
        if used * 4 >= keys.count * 3 { grow() }
        let index = slot(key)
        if keys[index] == 0 {
            keys[index] = key
            used += 1
        }
        values[index].add(length: length, left: left, right: right)
    }

    private mutating func grow() {
        var bigger = TermTable(capacity: keys.count * 2)
        for index in keys.indices where keys[index] != 0 {
            let slot = bigger.slot(keys[index])
            bigger.keys[slot] = keys[index]
            bigger.values[slot] = values[index]
            bigger.used += 1
        }
        self = bigger
    }

    /// Sets whether `key` is still a candidate.
    mutating func markKept(_ key: UInt64, _ kept: Bool) {
        let index = slot(key)
        if keys[index] == key { values[index].kept = kept }
    }

    /// Marks `key` as the candidate at `position`.
    mutating func setPosition(_ position: Int, of key: UInt64) {
        let index = slot(key)
        if keys[index] == key { values[index].position = Int16(position) }
    }

    /// The statistics of `key`, if it occurred.
    func lookup(_ key: UInt64) -> KeywordExtractor.TermStats? {
        let index = slot(key)
        return keys[index] == key ? values[index] : nil
    }

    /// Every term with its statistics, in table order.
    /// The terms whose statistics pass `filter`, in table order.
    func entries(where filter: (KeywordExtractor.TermStats) -> Bool) -> [(UInt64, KeywordExtractor.TermStats)] {
        var result: [(UInt64, KeywordExtractor.TermStats)] = []
        for index in keys.indices where keys[index] != 0 && filter(values[index]) {
            result.append((keys[index], values[index]))
        }
        return result
    }
}

/// Up to four ideographs packed into 16-bit lanes of a UInt64.
enum PackedTerm {
    /// The key of a 2–4 ideograph term, or nil for anything else.
    static func key(_ scalars: [Unicode.Scalar]) -> UInt64? {
        guard (2...4).contains(scalars.count), scalars.allSatisfy({ IdeographSet.isIdeograph($0.value) }) else {
            return nil
        }
        return scalars.reduce(0) { $0 << 16 | UInt64($1.value) }
    }

    /// The text of a packed term.
    static func string(_ key: UInt64) -> String {
        var scalars: [Unicode.Scalar] = []
        var rest = key
        while rest != 0 {
            scalars.append(Unicode.Scalar(UInt32(rest & 0xFFFF))!)
            rest >>= 16
        }
        return String(String.UnicodeScalarView(scalars.reversed()))
    }
}

/// A set of CJK ideographs (U+3400–U+9FFF) as a bitmap.
struct IdeographSet: Sendable {
    static let range: ClosedRange<UInt32> = 0x3400...0x9FFF
    private var bits = [UInt64](repeating: 0, count: (Int(range.upperBound - range.lowerBound) + 64) / 64)

    init<S: Sequence<Unicode.Scalar>>(_ scalars: S) {
        for scalar in scalars where Self.isIdeograph(scalar.value) {
            let offset = Int(scalar.value - Self.range.lowerBound)
            bits[offset >> 6] |= 1 << UInt64(offset & 63)
        }
    }

    static func isIdeograph(_ value: UInt32) -> Bool { range.contains(value) }

    func contains(_ value: UInt32) -> Bool {
        guard Self.isIdeograph(value) else { return false }
        let offset = Int(value - Self.range.lowerBound)
        return bits[offset >> 6] & (1 << UInt64(offset & 63)) != 0
    }
}
