/// Weighted PageRank over a small graph, as TextRank uses it.
public enum PageRank {
    /// Scores for the nodes of the symmetric weight matrix `weights`
    /// (`weights[i][j]` is the edge weight between i and j; the diagonal is
    /// ignored). Deterministic; stops when no score moves by more than
    /// `tolerance` or after `maximumIterations`.
    public static func scores(
        _ weights: [[Double]], damping: Double = 0.85,
        tolerance: Double = 1e-6, maximumIterations: Int = 100
    ) -> [Double] {
        let n = weights.count
        guard n > 0 else { return [] }
        // Edges as flat lists: for each node, its neighbours and the share of
        // the neighbour's score that flows along the edge.
        var starts = [Int](repeating: 0, count: n + 1)
        var sources: [Int] = []
        var shares: [Double] = []
        let outSums = (0..<n).map { j in (0..<n).reduce(0.0) { $0 + ($1 == j ? 0 : weights[j][$1]) } }
        for i in 0..<n {
            for j in 0..<n where j != i && weights[j][i] > 0 && outSums[j] > 0 {
                sources.append(j)
                shares.append(damping * weights[j][i] / outSums[j])
            }
            starts[i + 1] = sources.count
        }
        var scores = [Double](repeating: 1, count: n)
        var next = scores
        for _ in 0..<maximumIterations {
            var moved = 0.0
            for i in 0..<n {
                var sum = 1 - damping
                for edge in starts[i]..<starts[i + 1] { sum += shares[edge] * scores[sources[edge]] }
                next[i] = sum
                moved = max(moved, abs(sum - scores[i]))
            }
            swap(&scores, &next)
            if moved < tolerance { break }
        }
        return scores
    }
}
