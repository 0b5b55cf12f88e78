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

    @Test func matrixReadsBackWhatWasWritten() {
        var matrix = WeightMatrix(size: 6)
        matrix[5, 4] = 2.5
        matrix[4, 5] += 1
        #expect(matrix[5, 4] == 2.5 && matrix[4, 5] == 1 && matrix[5, 5] == 0 && matrix[0, 0] == 0)
    }
}
