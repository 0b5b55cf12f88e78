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

    /// The share of node j's score that flows to node i, at `i·n + j`: a
    /// dense row per node. A missing edge adds an exact 0, so the sums equal
    /// those over the edges alone, and the loop reads memory in order. Read
    /// from a span of the weights: through the matrix's subscript every
    /// read checks ownership, and this was a third of the ranking's time.
    private static func flows(_ weights: WeightMatrix, damping: Double) -> [Double] {
        let n = weights.size
        let edges = weights.values.span
        var outSums = [Double](repeating: 0, count: n)
        for j in 0..<n {
            var sum = 0.0
            for k in 0..<n where k != j { sum += edges[j &* n &+ k] }
            outSums[j] = sum
        }
        var flows = [Double](repeating: 0, count: n * n)
        var output = flows.mutableSpan
        for i in 0..<n {
            for j in 0..<n where j != i {
                let weight = edges[j &* n &+ i]
                if weight > 0 && outSums[j] > 0 { output[i &* n &+ j] = damping * weight / outSums[j] }
            }
        }
        return flows
    }

    /// One round: `next[i] = (1 − d) + Σ_j flows[i·n + j]·scores[j]`; returns
    /// the largest change. Spans, not arrays, so the loop that takes most of
    /// summarize's ranking time checks bounds without checking ownership.
    ///
    /// Rows go four at a time: each row's sum is still added up in the
    /// order of `j` (so the scores are the same to the bit), but four
    /// independent sums keep the processor busy where one sum waits on its
    /// previous addition at every step.
    private static func step(
        _ flows: Span<Double>, _ scores: Span<Double>, damping: Double, into next: inout [Double]
    ) -> Double {
        let n = scores.count
        var moved = 0.0
        var i = 0
        while i &+ 4 <= n {
            var sums = (1 - damping, 1 - damping, 1 - damping, 1 - damping)
            let rows = (i &* n, (i &+ 1) &* n, (i &+ 2) &* n, (i &+ 3) &* n)
            for j in 0..<n {
                let score = scores[j]
                sums.0 += flows[rows.0 &+ j] * score
                sums.1 += flows[rows.1 &+ j] * score
                sums.2 += flows[rows.2 &+ j] * score
                sums.3 += flows[rows.3 &+ j] * score
            }
            next[i] = sums.0
            next[i &+ 1] = sums.1
            next[i &+ 2] = sums.2
            next[i &+ 3] = sums.3
            moved = max(
                moved, abs(sums.0 - scores[i]), abs(sums.1 - scores[i &+ 1]), abs(sums.2 - scores[i &+ 2]),
                abs(sums.3 - scores[i &+ 3]))
            i &+= 4
        }
        while i < n {
            var sum = 1 - damping
            let row = i &* n
            for j in 0..<n { sum += flows[row &+ j] * scores[j] }
            next[i] = sum
            moved = max(moved, abs(sum - scores[i]))
            i &+= 1
        }
        return moved
    }
}
