/// Edge weights of a small graph as one flat array: `weights[i, j]` is the
/// weight of the edge from i to j. One allocation, where an array of rows
/// would make one per node.
public struct WeightMatrix: Sendable {
    /// The number of nodes.
    public let size: Int
    fileprivate private(set) var values: [Double]

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
        let flows = flows(weights, damping: damping)
        var scores = [Double](repeating: 1, count: n)
        var next = scores
        for _ in 0..<maximumIterations {
            let moved = step(flows.span, scores.span, damping: damping, into: &next)
            swap(&scores, &next)
            if moved < tolerance { break }
        }
        return scores
    }

    /// The share of node j's score that flows to node i, at `j·n + i`: for
    /// each node, what it gives every other. A missing edge gives an exact
    /// 0, so the sums equal those over the edges alone. Row j is row j of
    /// the weights divided by its sum, so both are read and written in
    /// order, and the loop has no branch to keep the processor from doing
    /// several at once.
    private static func flows(_ weights: WeightMatrix, damping: Double) -> [Double] {
        let n = weights.size
        let edges = weights.values.span
        var flows = [Double](repeating: 0, count: n * n)
        var output = flows.mutableSpan
        for j in 0..<n {
            let row = j &* n
            var outSum = 0.0
            for k in 0..<n where k != j { outSum += edges[row &+ k] }
            guard outSum > 0 else { continue }
            for i in 0..<n {
                let weight = i == j ? 0 : max(0, edges[row &+ i])
                output[row &+ i] = damping * weight / outSum
            }
        }
        return flows
    }

    /// One round: `next[i] = (1 − d) + Σ_j flows[j·n + i]·scores[j]`; returns
    /// the largest change. Spans, not arrays, so the loops check bounds
    /// without checking ownership.
    ///
    /// It goes node by node of `j`, adding j's share to every `next[i]` at
    /// once: each `next[i]` still adds its terms in the order of `j` (so the
    /// scores are the same to the bit as a sum per row), but the additions
    /// of one step are independent, where one running sum waits on its
    /// previous addition at every step.
    private static func step(
        _ flows: Span<Double>, _ scores: Span<Double>, damping: Double, into next: inout [Double]
    ) -> Double {
        let n = scores.count
        var sums = next.mutableSpan
        for i in 0..<n { sums[i] = 1 - damping }
        for j in 0..<n {
            let score = scores[j]
            let row = j &* n
            for i in 0..<n { sums[i] += flows[row &+ i] * score }
        }
        var moved = 0.0
        for i in 0..<n { moved = max(moved, abs(sums[i] - scores[i])) }
        return moved
    }
}
