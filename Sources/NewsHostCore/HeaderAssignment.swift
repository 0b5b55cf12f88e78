import FilledArrays

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
    /// the article whose lead it stands on, a line matched to the article
    /// before it follows when it shares at least ``neighbourThreshold`` of
    /// its bigrams with the block's article too (the two articles are on
    /// one topic and the kicker names it). A line that echoes only the
    /// article before (a quotation from that lead) stays with that article.
    static func keepBlocksTogether(_ units: [Unit], overlaps: [[Double]], _ assignment: inout [Int?]) {
        for (u, unit) in units.enumerated() {
            guard let block = unit.block, let next = unit.next, let previous = unit.previous,
                assignment[u] == previous, overlaps[u][next] >= neighbourThreshold
            else { continue }
            if units.indices.contains(where: { units[$0].block == block && assignment[$0] == next }) {
                assignment[u] = next
            }
        }
    }

    /// Gives the lines of a headline block that matched no article by what
    /// they share to the article whose lead the block stands on, when no
    /// line of the block went elsewhere: a headline need not echo its
    /// body's words (看…如何真改实干？ over a lead about the service
    /// centre; a kicker such as 擘画精细治理新蓝图 引领壮阔新征程 over the
    /// headline that does), and lines stacked right on a lead are its
    /// headline unless some line of them clearly belongs elsewhere.
    static func attachUnmatchedBlocks(_ units: [Unit], _ assignment: inout [Int?]) {
        var blocks: [Int: [Int]] = [:]
        for (u, unit) in units.enumerated() {
            if let block = unit.block { blocks[block, default: []].append(u) }
        }
        // The lines of a block stand on one lead: they share their `next`.
        for members in blocks.values {
            let lead = units[members[0]].next
            guard members.allSatisfy({ assignment[$0] == nil || assignment[$0] == lead }) else { continue }
            for u in members where assignment[u] == nil { assignment[u] = lead }
        }
    }

    /// Titles echo the lead: only the first this many characters of a body
    /// are compared, which also keeps matching linear on huge bodies.
    static let bodyPrefix = 1500

    /// What each group of titles shares with each article
    /// (`overlaps[group][article]`): the share of the group's title bigrams
    /// that the start of the body holds. A group is a unit's titles, or one
    /// title line on its own; one call serves both, so each body is read once.
    static func overlaps(of groups: [[String]], bodies: [[String]]) -> [[Double]] {
        // Number the titles' bigrams; a body is then the set of those it holds.
        // A title of n bytes has fewer than n / 3 bigrams of ideographs.
        var index = BigramIndex(capacity: groups.reduce(0) { $0 + $1.reduce(0) { $0 + $1.utf8.count / 3 } })
        let unitGrams: [[Int]] = groups.map { titles in
            var ids: [Int] = []
            BigramIndex.forEachBigram(in: titles, limit: bodyPrefix) {
                ids.append(index.insert($0))
            }
            ids.sort()
            return ids.enumerated().filter { $0.offset == 0 || ids[$0.offset - 1] != $0.element }.map(\.element)
        }
        let bodyBits = bodies.map { index.bits(in: $0, limit: bodyPrefix) }
        return unitGrams.map { grams in
            bodyBits.map { bits in
                guard !grams.isEmpty else { return 0 }
                let shared = grams.reduce(0) { $0 + Int(bits[$1 >> 6] >> UInt64($1 & 63) & 1) }
                return Double(shared) / Double(grams.count)
            }
        }
    }

    /// What standing next to a body adds to a unit's score, and what a lead
    /// that names its own reporters takes away from a byline's.
    enum Bonus {
        /// Titles right above a body: a nudge, less than what a headline
        /// shares with its own body, so the words decide.
        static let rightAbove = 0.2
        /// Titles right below a body (a headline after it): half that, the
        /// rarer layout.
        static let rightBelow = 0.1
        /// A byline with no titles, right above a body: its place is all
        /// there is to go by, and enough on its own.
        static let bylineOnItsBody = 1.0
        /// A lead that names its reporters needs no byline line: enough
        /// to keep a byline away unless its titles match strongly.
        static let leadNamesItsReporters = 0.5
    }

    /// Which article each unit goes to (`nil`: none fits; the unit is page
    /// furniture): the best score of at least `threshold`, a score being the
    /// overlap (``overlaps(of:bodies:)``) plus small bonuses for standing right
    /// before or after the body, less a penalty for a byline unit over a lead
    /// that names its reporters. Units with bylines go whole, at most one per
    /// article and not to an article whose lead already names its reporters.
    static func assign(
        _ units: [Unit], overlaps: [[Double]], leadBylines: [Bool], threshold: Double = matchThreshold
    ) -> [Int?] {
        var candidates: [(unit: Int, article: Int, score: Double)] = []
        for (u, unit) in units.enumerated() {
            for (article, overlap) in overlaps[u].enumerated() {
                var score = overlap
                if unit.next == article { score += unit.titles.isEmpty ? Bonus.bylineOnItsBody : Bonus.rightAbove }
                if unit.previous == article { score += Bonus.rightBelow }
                if !unit.bylines.isEmpty && leadBylines[article] { score -= Bonus.leadNamesItsReporters }
                if score >= threshold { candidates.append((u, article, score)) }
            }
        }
        candidates.sort { $0.score != $1.score ? $0.score > $1.score : ($0.unit, $0.article) < ($1.unit, $1.article) }
        var result = [Int?](filledWith: nil, count: units.count)
        var bylineTaken = Set<Int>()
        for candidate in candidates where result[candidate.unit] == nil {
            if !units[candidate.unit].bylines.isEmpty {
                guard bylineTaken.insert(candidate.article).inserted else { continue }
            }
            result[candidate.unit] = candidate.article
        }
        return result
    }

    /// A headline set after its body, over the next article's byline: the
    /// titles of a unit with a byline that match the body right above it
    /// (at least ``matchThreshold`` of their bigrams, more than the body
    /// below shares) become a unit of their own, and the byline stays with
    /// the body it stands on.
    static func separateHeadlinesAfterTheirBody(_ units: inout [Unit], overlaps: inout [[Double]]) {
        var u = 0
        while u < units.count {
            defer { u += 1 }
            let unit = units[u]
            guard !unit.titles.isEmpty, !unit.bylines.isEmpty, let previous = unit.previous, let next = unit.next,
                overlaps[u][previous] >= matchThreshold, overlaps[u][previous] > overlaps[u][next]
            else { continue }
            units[u].bylines = []
            units[u].next = nil
            units.insert(Unit(titles: [], bylines: unit.bylines, next: next, previous: previous), at: u + 1)
            overlaps.insert([Double](filledWith: 0, count: overlaps[u].count), at: u + 1)
            u += 1
        }
    }

    /// Least score a unit needs to go to an article: a title shares about
    /// half its bigrams with the start of its own body, seldom a fifth
    /// with another's.
    static let matchThreshold = 0.45

    /// Title lines of a unit of several that clearly belong to another
    /// body: a line that shares less than ``neighbourThreshold`` of its
    /// bigrams with the body its unit went to, and at least
    /// ``matchThreshold`` with another, goes to that one (three headlines of
    /// a cluster above the first article's byline). `lineOverlaps` has a
    /// row per title line, in unit order. Returns, per unit, the article
    /// each of its titles goes to.
    static func releaseStrayLines(_ units: [Unit], lineOverlaps: [[Double]], assignment: [Int?]) -> [[Int?]] {
        var row = 0
        return units.enumerated().map { u, unit in
            defer { row += unit.titles.count }
            return unit.titles.indices.map { t in
                guard unit.titles.count > 1, let article = assignment[u] else { return assignment[u] }
                let shares = lineOverlaps[row + t]
                guard shares[article] < neighbourThreshold,
                    let best = shares.indices.max(by: { shares[$0] < shares[$1] }),
                    shares[best] >= matchThreshold
                else { return article }
                return best
            }
        }
    }

    /// Least share of its bigrams a title line needs with the body its
    /// neighbouring title line went to, to follow it. Headlines come in
    /// pairs (a kicker over the headline, a headline over its deck) that
    /// echo the body unevenly: one line may quote it while the other only
    /// shares a name or two with it (看徐汇“一网通办”… under 政务智能办…).
    static let neighbourThreshold = 0.3

    /// Gives a title line that matched no article, even by its neighbours'
    /// words, to the article of the title line right below it: a kicker
    /// (引题) is a slogan that need not share a word with its body
    /// (擘画精细治理新蓝图 引领壮阔新征程), and it stands above its
    /// headline, in a cluster as over a lead. Run after
    /// ``attachToNeighbours(_:overlaps:_:)``, so a line that echoes the
    /// article above it has gone there first.
    static func attachKickers(_ units: [Unit], _ assignment: inout [Int?]) {
        for u in units.indices.reversed() where assignment[u] == nil && units[u].bylines.isEmpty {
            guard u + 1 < units.count, titlesMeet(units[u], above: units[u + 1]), let below = assignment[u + 1]
            else { continue }
            assignment[u] = below
        }
    }

    /// Whether the last title line of `upper` is the line right above the
    /// first title line of `lower`.
    static func titlesMeet(_ upper: Unit, above lower: Unit) -> Bool {
        guard let last = upper.titles.last?.line, let first = lower.titles.first?.line else { return false }
        return last + 1 == first
    }

    /// Gives a title line that matched no article to the article the title
    /// line right above or below it went to, when it shares at least
    /// ``neighbourThreshold`` of its bigrams with that body (position
    /// bonuses aside: its neighbour's place is what counts here); repeated
    /// so that a deck follows a headline that followed its kicker.
    static func attachToNeighbours(_ units: [Unit], overlaps: [[Double]], _ assignment: inout [Int?]) {
        func adjacent(_ a: Int, _ b: Int) -> Bool { titlesMeet(units[a], above: units[b]) }
        var changed = true
        while changed {
            changed = false
            for u in units.indices where assignment[u] == nil && !units[u].titles.isEmpty && units[u].bylines.isEmpty {
                let neighbours = [u - 1, u + 1].filter {
                    units.indices.contains($0) && ($0 < u ? adjacent($0, u) : adjacent(u, $0))
                }
                let best = neighbours.compactMap { assignment[$0] }.max { overlaps[u][$0] < overlaps[u][$1] }
                if let best, overlaps[u][best] >= neighbourThreshold {
                    assignment[u] = best
                    changed = true
                }
            }
        }
    }
}
