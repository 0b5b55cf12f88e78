/// Edge weights of a small graph as one flat array: `weights[i, j]` is the
/// weight of the edge from i to j. One allocation, where an array of rows
/// would make one per node.
public struct WeightMatrix: Sendable {
    /// The number of nodes.
    public let size: Int
    private var values: [Double]

    /// A graph of `size` nodes without edges.
    public init(size: Int) {
        self.size = size
        values = [Double](repeating: 0, count: size * size)
    }

    public subscript(from: Int, to: Int) -> Double {
        get { values[from * size + to] }
        set { values[from * size + to] = newValue }
    }
}

/// Weighted PageRank over a small graph, as TextRank uses it.
public enum PageRank {
    /// Scores for the nodes of `weights` (the diagonal is ignored).
    /// Deterministic; stops when no score moves by more than `tolerance` or
    /// after `maximumIterations`.
    public static func scores(
        _ weights: WeightMatrix, damping: Double = 0.85,
        tolerance: Double = 1e-6, maximumIterations: Int = 100
    ) -> [Double] {
        let n = weights.size
        guard n > 0 else { return [] }
        // The share of node j's score that flows to node i, as a dense row
        // per node: a missing edge adds an exact 0, so the sums equal those
        // over the edges alone, and the loop reads memory in order.
        let outSums = (0..<n).map { j in (0..<n).reduce(0.0) { $0 + ($1 == j ? 0 : weights[j, $1]) } }
        var flows = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n where j != i && weights[j, i] > 0 && outSums[j] > 0 {
                flows[i * n + j] = damping * weights[j, i] / outSums[j]
            }
        }
        var scores = [Double](repeating: 1, count: n)
        var next = scores
        for _ in 0..<maximumIterations {
            let moved = step(flows.span, scores.span, damping: damping, into: &next)
            swap(&scores, &next)
            if moved < tolerance { break }
        }
        return scores
    }

    /// One round: `next[i] = (1 − d) + Σ_j flows[i·n + j]·scores[j]`; returns
    /// the largest change. Spans, not arrays, so the loop that takes most of
    /// summarize's ranking time checks bounds without checking ownership.
    private static func step(
        _ flows: Span<Double>, _ scores: Span<Double>, damping: Double, into next: inout [Double]
    ) -> Double {
        let n = scores.count
        var moved = 0.0
        for i in 0..<n {
            var sum = 1 - damping
            let row = i &* n
            for j in 0..<n { sum += flows[row &+ j] * scores[j] }
            next[i] = sum
            moved = max(moved, abs(sum - scores[i]))
        }
        return moved
    }
}
