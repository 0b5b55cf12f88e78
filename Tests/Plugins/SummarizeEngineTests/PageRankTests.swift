import CSummarizeKernels
import NewsHostTestSupport
import Testing

@testable import SummarizeEngine

@Suite struct PageRankTests {
    /// PageRank as the textbook writes it, one node and one edge at a time:
    /// what the grouped version must equal to the bit.
    static func referenceScores(_ weights: [[Double]], damping: Double, tolerance: Double) -> [Double] {
        let n = weights.count
        let outSums = (0..<n).map { j in (0..<n).filter { $0 != j }.reduce(0.0) { $0 + weights[j][$1] } }
        var scores = [Double](repeating: 1, count: n)
        for _ in 0..<100 {
            var next = [Double](repeating: 1 - damping, count: n)
            for i in 0..<n {
                for j in 0..<n where outSums[j] > 0 {
                    let weight = i == j ? 0 : max(0, weights[j][i])
                    next[i] += damping * weight / outSums[j] * scores[j]
                }
            }
            let moved = zip(next, scores).map { abs($0 - $1) }.max() ?? 0
            scores = next
            if moved < tolerance { break }
        }
        return scores
    }

    /// Random graphs of every size from 1 to 37 (groups of four full and
    /// partial), sparse and dense, with self-loops (ignored) and isolated
    /// nodes: the scores equal the reference's exactly.
    @Test func groupedScoresEqualTheTextbookSumsToTheBit() {
        var random = SplitMix64(seed: 15)
        for size in 1...37 {
            for density in [0.1, 0.5, 1.0] {
                var rows = [[Double]](repeating: [Double](repeating: 0, count: size), count: size)
                var matrix = WeightMatrix(size: size)
                for from in 0..<size {
                    for to in 0..<size where Double.random(in: 0..<1, using: &random) < density {
                        let weight = (Double.random(in: 0..<1, using: &random) * 8).rounded() / 2
                        rows[from][to] = weight
                        matrix[from, to] = weight
                    }
                }
                for tolerance in [1e-4, 1e-6] {
                    let expected = Self.referenceScores(rows, damping: 0.85, tolerance: tolerance)
                    let scores = PageRank.scores(matrix, tolerance: tolerance)
                    #expect(scores.map(\.bitPattern) == expected.map(\.bitPattern), "size \(size), density \(density)")
                }
            }
        }
    }

    /// The baseline paths and the widest ones (AVX, where this machine has
    /// it) give the same flows, sums and largest change to the bit, for
    /// every size from 1 to 41 nodes and random weights.
    @Test func everyPathOfTheRoundGivesTheSameBits() {
        var random = SplitMix64(seed: 31)
        for n in 1...41 {
            let groups = (n + 3) / 4
            let flows = (0..<n * groups * 4).map { _ in Double.random(in: 0..<0.2, using: &random) }
            let scores = (0..<groups * 4).map { _ in Double.random(in: 0..<3, using: &random) }
            var baseline = [Double](repeating: 0, count: groups * 4)
            var widest = baseline
            let movedBaseline = nh_pagerank_step(flows, scores, &baseline, n, groups, 0.15, 0)
            let movedWidest = nh_pagerank_step(flows, scores, &widest, n, groups, 0.15, 1)
            #expect(baseline.map(\.bitPattern) == widest.map(\.bitPattern), "n \(n)")
            #expect(movedBaseline.bitPattern == movedWidest.bitPattern, "n \(n)")
            // The flows, from weights with negative ones, zeros and rows
            // without edges: the same bits on both paths.
            let weights = (0..<n * groups * 4).map { index in
                index % 7 == 0 ? 0 : (Double.random(in: -1..<4, using: &random) * 4).rounded() / 4
            }
            var flowsBaseline = weights
            var flowsWidest = weights
            nh_pagerank_flows(&flowsBaseline, n, groups, 0.85, 0)
            nh_pagerank_flows(&flowsWidest, n, groups, 0.85, 1)
            #expect(flowsBaseline.map(\.bitPattern) == flowsWidest.map(\.bitPattern), "n \(n)")
            // And both rounds are the sum per node, term by term in node order.
            let expected = (0..<groups * 4).map { i in
                (0..<n).reduce(0.15) { $0 + flows[$1 * groups * 4 + i] * scores[$1] }
            }
            #expect(baseline.map(\.bitPattern) == expected.map(\.bitPattern), "n \(n)")
        }
        // Says which paths ran: on x86-64 with AVX both did.
        print("pagerank step: wide path \(nh_pagerank_step_is_wide() == 1 ? "present" : "absent") here")
    }

    @Test func matrixReadsBackWhatWasWritten() {
        var matrix = WeightMatrix(size: 6)
        matrix[5, 4] = 2.5
        matrix[4, 5] += 1
        #expect(matrix[5, 4] == 2.5 && matrix[4, 5] == 1 && matrix[5, 5] == 0 && matrix[0, 0] == 0)
    }
}
