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
        /// The headline block the unit's line belongs to, when title lines
        /// are stacked right on top of a lead (kicker, headline, deck).
        var block: Int? = nil
    }

    /// Keeps a headline block together: once one of its lines is matched to
    /// the article whose lead it stands on, lines matched to the article
    /// before it follow (a kicker often quotes a phrase that the article
    /// before it also uses).
    static func keepBlocksTogether(_ units: [Unit], _ assignment: inout [Int?]) {
        for (u, unit) in units.enumerated() {
            guard let block = unit.block, let next = unit.next, let previous = unit.previous,
                assignment[u] == previous
            else { continue }
            if units.indices.contains(where: { units[$0].block == block && assignment[$0] == next }) {
                assignment[u] = next
            }
        }
    }

    /// Gives a headline block that matched no article by what it shares to
    /// the article whose lead it stands on: a headline need not echo its
    /// body's words (看…如何真改实干？ over a lead about the service
    /// centre), and lines stacked right on a lead are its headline unless
    /// some line of them clearly belongs elsewhere.
    static func attachUnmatchedBlocks(_ units: [Unit], _ assignment: inout [Int?]) {
        var blocks: [Int: [Int]] = [:]
        for (u, unit) in units.enumerated() {
            if let block = unit.block { blocks[block, default: []].append(u) }
        }
        for members in blocks.values where members.allSatisfy({ assignment[$0] == nil }) {
            for u in members { assignment[u] = units[u].next }
        }
    }

    /// Titles echo the lead: only the first this many characters of a body
    /// are compared, which also keeps matching linear on huge bodies.
    static let bodyPrefix = 1500

    /// Which article each unit goes to (`nil`: none fits; the unit is page
    /// furniture). Units with bylines go whole, at most one per article and
    /// not to an article whose lead already names its reporters. Each body
    /// is given as its paragraphs.
    static func assign(
        _ units: [Unit], bodies: [[String]], leadBylines: [Bool],
        threshold: Double = 0.45
    ) -> [Int?] {
        guard !units.isEmpty else { return [] }
        // Number the titles' bigrams; a body is then the set of those it holds.
        // A title of n bytes has fewer than n / 3 bigrams of ideographs.
        var index = BigramIndex(capacity: units.reduce(0) { $0 + $1.titles.reduce(0) { $0 + $1.text.utf8.count / 3 } })
        let unitGrams: [[Int]] = units.map { unit in
            var ids: [Int] = []
            BigramIndex.forEachBigram(in: unit.titles.map(\.text), limit: bodyPrefix) {
                ids.append(index.insert($0))
            }
            ids.sort()
            return ids.enumerated().filter { $0.offset == 0 || ids[$0.offset - 1] != $0.element }.map(\.element)
        }
        let bodyBits = bodies.map { index.bits(in: $0, limit: bodyPrefix) }
        var candidates: [(unit: Int, article: Int, score: Double)] = []
        for (u, unit) in units.enumerated() {
            let grams = unitGrams[u]
            for article in bodies.indices {
                var score = 0.0
                if !grams.isEmpty {
                    let shared = grams.reduce(0) { $0 + Int(bodyBits[article][$1 >> 6] >> UInt64($1 & 63) & 1) }
                    score = Double(shared) / Double(grams.count)
                }
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
