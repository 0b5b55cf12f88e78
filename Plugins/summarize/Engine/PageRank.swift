/// Weighted PageRank over a small dense graph, as TextRank uses it.
public enum PageRank {
    /// Scores for the nodes of the symmetric weight matrix `weights`
    /// (`weights[i][j]` is the edge weight between i and j; the diagonal is
    /// ignored). Deterministic; stops when no score moves by more than
    /// `tolerance` or after `maximumIterations`.
    public static func scores(_ weights: [[Double]], damping: Double = 0.85,
                              tolerance: Double = 1e-6, maximumIterations: Int = 100) -> [Double] {
        let n = weights.count
        guard n > 0 else { return [] }
        let outSums = weights.enumerated().map { i, row in row.enumerated().reduce(0) { $0 + ($1.offset == i ? 0 : $1.element) } }
        var scores = [Double](repeating: 1, count: n)
        for _ in 0..<maximumIterations {
            var next = [Double](repeating: 1 - damping, count: n)
            for j in 0..<n where outSums[j] > 0 {
                let share = damping * scores[j] / outSums[j]
                for i in 0..<n where i != j && weights[j][i] > 0 {
                    next[i] += share * weights[j][i]
                }
            }
            let moved = zip(scores, next).map { abs($0 - $1) }.max() ?? 0
            scores = next
            if moved < tolerance { break }
        }
        return scores
    }
}
