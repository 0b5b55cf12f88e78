/// Matching titles and bylines to article bodies by what they share.
///
/// Pages cluster headlines at the top, put titles after their body or a few
/// columns away, so adjacency alone misattributes them. A title is given to
/// the body that contains most of its character bigrams, with a small bonus
/// for the body right after (or right before) it on the page.
struct HeaderAssignment {
    /// Titles and bylines that belong together on the page: the titles
    /// above a byline, or a single title line of a cluster.
    struct Unit {
        var titles: [(text: String, line: Int)]
        var bylines: [String]
        /// The article whose body starts right after the unit, if any.
        var next: Int?
        /// The article whose body ends right before the unit, if any.
        var previous: Int?
    }

    /// Fraction of the title bigrams `grams` found in the body.
    static func overlap(_ grams: Set<UInt64>, _ bodyBigrams: Set<UInt64>) -> Double {
        guard !grams.isEmpty else { return 0 }
        return Double(grams.filter(bodyBigrams.contains).count) / Double(grams.count)
    }

    /// Distinct bigrams of letters and ideographs (punctuation breaks them)
    /// in the first `limit` characters: titles echo the lead, and a bound
    /// keeps matching linear on huge bodies. With `filter`, only bigrams in
    /// it are kept; a 65,536-bit Bloom filter of it rules out most bigrams
    /// before the set is consulted.
    static func bigrams(_ text: String, limit: Int = 1500, keeping filter: Set<UInt64>? = nil) -> Set<UInt64> {
        var bloom: [UInt64] = []
        if let filter {
            bloom = [UInt64](repeating: 0, count: 1024)
            for gram in filter { let bit = bloomBit(gram); bloom[bit >> 6] |= 1 << UInt64(bit & 63) }
        }
        var grams = Set<UInt64>()
        var previous: UInt32?
        var seen = 0
        for scalar in text.unicodeScalars {
            seen += 1
            if seen > limit { break }
            let value = scalar.value
            let isWord = (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value)
                || (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
            guard isWord else {
                previous = nil
                continue
            }
            if let previous {
                let gram = UInt64(previous) << 32 | UInt64(value)
                if let filter {
                    let bit = bloomBit(gram)
                    if bloom[bit >> 6] & (1 << UInt64(bit & 63)) != 0, filter.contains(gram) { grams.insert(gram) }
                } else {
                    grams.insert(gram)
                }
            }
            previous = value
        }
        return grams
    }

    private static func bloomBit(_ gram: UInt64) -> Int {
        Int(truncatingIfNeeded: (gram &* 0x9E37_79B9_7F4A_7C15) >> 48)
    }

    /// Which article each unit goes to (`nil`: none fits; the unit is page
    /// furniture). Units with bylines go whole, at most one per article and
    /// not to an article whose lead already names its reporters.
    static func assign(_ units: [Unit], bodies: [String], leadBylines: [Bool],
                       threshold: Double = 0.45) -> [Int?] {
        guard !units.isEmpty else { return [] }
        // Only bigrams that some title has matter: keep just those of each body.
        let titleGrams = units.reduce(into: Set<UInt64>()) { $0.formUnion(bigrams($1.titles.map(\.text).joined(separator: "\n"))) }
        let bodyGrams = bodies.map { bigrams($0, keeping: titleGrams) }
        var candidates: [(unit: Int, article: Int, score: Double)] = []
        for (u, unit) in units.enumerated() {
            let grams = bigrams(unit.titles.map(\.text).joined(separator: "\n"))
            for article in bodies.indices {
                var score = unit.titles.isEmpty ? 0 : overlap(grams, bodyGrams[article])
                if unit.next == article { score += unit.titles.isEmpty ? 1 : 0.2 }
                if unit.previous == article { score += 0.1 }
                if !unit.bylines.isEmpty && leadBylines[article] { score -= 0.5 }
                if score >= threshold { candidates.append((u, article, score)) }
            }
        }
        candidates.sort { $0.score != $1.score ? $0.score > $1.score : ($0.unit, $0.article) < ($1.unit, $1.article) }
        var result = [Int?](repeating: nil, count: units.count)
        var bylineTaken = Set<Int>()
        for candidate in candidates where result[candidate.unit] == nil {
            if !units[candidate.unit].bylines.isEmpty {
                guard bylineTaken.insert(candidate.article).inserted else { continue }
            }
            result[candidate.unit] = candidate.article
        }
        return result
    }
}
