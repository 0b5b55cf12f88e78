import FilledArrays
import Foundation

/// Scores text against a ``Taxonomy`` with one Aho–Corasick pass.
public struct Classifier: Sendable {
    /// A label's score and the evidence behind it.
    public struct Score: Sendable, Equatable {
        /// The label id.
        public var label: String
        /// Calibrated score in [0, 1].
        public var score: Double
        /// Matched positive terms with their counts, most frequent first.
        public var matches: [(term: String, count: Int)]

        public static func == (lhs: Score, rhs: Score) -> Bool {
            lhs.label == rhs.label && lhs.score == rhs.score
                && lhs.matches.map(\.term) == rhs.matches.map(\.term)
                && lhs.matches.map(\.count) == rhs.matches.map(\.count)
        }
    }

    /// The scheme in use.
    public let taxonomy: Taxonomy
    private let matcher: AhoCorasick
    /// What a match of a pattern counts for: (label index, weight, is
    /// negative), the entries of each pattern in turn, pattern p's at
    /// `entryStarts[p]..<entryStarts[p + 1]`. One flat array, shared by every
    /// thread that classifies: an array per pattern would be retained and
    /// released for every pattern matched, on every thread at once.
    private let entries: [(label: Int, weight: Double, negative: Bool)]
    private let entryStarts: [Int]

    /// Prepares the matcher for `taxonomy`.
    public init(taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
        var index: [String: Int] = [:]
        var patterns: [String] = []
        var entries: [[(label: Int, weight: Double, negative: Bool)]] = []
        func add(_ term: String, _ entry: (label: Int, weight: Double, negative: Bool)) {
            if let existing = index[term] {
                entries[existing].append(entry)
            } else {
                index[term] = patterns.count
                patterns.append(term)
                entries.append([entry])
            }
        }
        for (labelIndex, label) in taxonomy.labels.enumerated() {
            for (term, weight) in label.terms.sorted(by: { $0.key < $1.key }) { add(term, (labelIndex, weight, false)) }
            for (term, weight) in (label.negative ?? [:]).sorted(by: { $0.key < $1.key }) {
                add(term, (labelIndex, weight, true))
            }
        }
        matcher = AhoCorasick(patterns: patterns)
        self.entries = entries.flatMap { $0 }
        entryStarts = entries.reduce(into: [0]) { starts, list in starts.append(starts.last! + list.count) }
        patternOrder = Self.ranks(of: patterns)
        labelOrder = Self.ranks(of: taxonomy.labels.map(\.id))
    }

    /// Each pattern's place among the patterns in string order, and each
    /// label's among the label ids: ties in a ranking are broken by these
    /// integers, where comparing the strings again for every article made
    /// the sorts twice as costly.
    private let patternOrder: [Int]
    private let labelOrder: [Int]

    /// The place of each of `strings` in their order (`<`); strings that
    /// order as equal share a place.
    private static func ranks(of strings: [String]) -> [Int] {
        let sorted = strings.indices.sorted { strings[$0] < strings[$1] }
        var ranks = [Int](filledWith: 0, count: strings.count)
        for (place, index) in sorted.enumerated() where place > 0 {
            let previous = sorted[place - 1]
            ranks[index] = ranks[previous] + (strings[previous] < strings[index] ? 1 : 0)
        }
        return ranks
    }

    /// Every label's score for `text`, best first (ties by label id).
    public func scores(for text: String) -> [Score] {
        scores(utf8: text.utf8.span)
    }

    /// Every label's score for the UTF-8 text `utf8`, best first.
    public func scores(utf8 text: Span<UInt8>) -> [Score] {
        let counts = matcher.counts(in: text)
        var evidence = [Double](filledWith: 0, count: taxonomy.labels.count)
        var matches = [[(pattern: Int, count: Int)]](filledWith: [], count: taxonomy.labels.count)
        let (entries, starts) = (self.entries, entryStarts)
        for (pattern, count) in counts.enumerated() where count > 0 {
            for index in starts[pattern]..<starts[pattern + 1] {
                let entry = entries[index]
                evidence[entry.label] += (entry.negative ? -entry.weight : entry.weight) * Double(count)
                if !entry.negative { matches[entry.label].append((pattern, count)) }
            }
        }
        let c = taxonomy.calibration
        let length = Double(Self.scalarCount(text))
        let lengthFactor = (max(length, c.referenceLength) / c.referenceLength).squareRoot()
        let scores = taxonomy.labels.indices.map { index in
            let x = max(0, evidence[index]) / lengthFactor
            return x == 0 ? 0 : 1 / (1 + exp(-(c.slope * x + c.offset)))
        }
        let (labelOrder, patternOrder, patterns) = (self.labelOrder, self.patternOrder, matcher.patterns)
        // Sorted as tuples that carry their own keys: comparisons that read
        // the order arrays, which every thread shares, retained them each
        // time, on every thread at once.
        let ranked = scores.indices.map { (index: $0, score: scores[$0], order: labelOrder[$0]) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.order < $1.order }
        return ranked.map { label in
            // Most frequent first, then in the terms' string order; equal
            // places keep the patterns' order.
            let sorted = matches[label.index].map {
                (pattern: $0.pattern, count: $0.count, order: patternOrder[$0.pattern])
            }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.order < $1.order }
            return Score(
                label: taxonomy.labels[label.index].id, score: label.score,
                matches: sorted.map { (patterns[$0.pattern], $0.count) })
        }
    }

    /// The number of Unicode scalars of `text`: its UTF-8 bytes that do not
    /// continue a scalar (10xxxxxx). `unicodeScalars.count` decodes every
    /// scalar, and took a tenth of classify's time.
    static func scalarCount(_ bytes: Span<UInt8>) -> Int {
        var count = 0
        for index in bytes.indices where bytes[index] & 0xC0 != 0x80 { count &+= 1 }
        return count
    }
}
