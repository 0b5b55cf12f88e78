import CSummarizeKernels
import FilledArrays

/// Edge weights of a small graph: `weights[i, j]` is the weight of the edge
/// from i to j. Each row is stored as groups of four weights (the last group
/// padded with zeros), the shape ``PageRank`` steps through four nodes at a
/// time; one allocation, where an array of rows would make one per node.
public struct WeightMatrix: Sendable {
    /// The number of nodes.
    public let size: Int
    /// Groups of four per row: `size` rounded up to a multiple of four, over four.
    let groups: Int
    fileprivate private(set) var rows: [SIMD4<Double>]

    /// A graph of `size` nodes without edges.
    public init(size: Int) {
        self.size = size
        groups = (size + 3) / 4
        rows = [SIMD4<Double>](filledWith: .zero, count: size * groups)
    }

    /// The rows, leaving the matrix empty: moved out, not copied.
    fileprivate mutating func takeRows() -> [SIMD4<Double>] {
        var taken: [SIMD4<Double>] = []
        swap(&taken, &rows)
        return taken
    }

    public subscript(from: Int, to: Int) -> Double {
        get { rows[from &* groups &+ to >> 2][to & 3] }
        set { rows[from &* groups &+ to >> 2][to & 3] = newValue }
    }
}

/// Weighted PageRank over a small graph, as TextRank uses it.
public enum PageRank {
    /// Scores for the nodes of `weights` (the diagonal is ignored).
    /// Deterministic; stops when no score moves by more than `tolerance` or
    /// after `maximumIterations`.
    ///
    /// Scores are kept in groups of four, like the rows of the weights. The
    /// padding lanes start at `1 − damping`, which is what a step gives a
    /// node without edges, so they never move and never stop the loop early
    /// or late.
    public static func scores(
        _ weights: consuming WeightMatrix, damping: Double = 0.85,
        tolerance: Double = 1e-6, maximumIterations: Int = 100
    ) -> [Double] {
        let (n, groups) = (weights.size, weights.groups)
        guard n > 0 else { return [] }
        let flows = flows(weights, damping: damping)
        var scores = [SIMD4<Double>](filledWith: SIMD4(repeating: 1), count: groups)
        for lane in n..<groups * 4 { scores[lane >> 2][lane & 3] = 1 - damping }
        var next = scores
        for _ in 0..<maximumIterations {
            let moved = step(flows, scores, size: n, damping: damping, into: &next)
            swap(&scores, &next)
            if moved < tolerance { break }
        }
        return (0..<n).map { scores[$0 >> 2][$0 & 3] }
    }

    /// The share of node j's score that flows to node i, in row j's group
    /// of i: row j of the weights, the diagonal left out, times `damping`
    /// over the row's sum, or 0 for a weight not above 0 (a negative
    /// weight gives nothing, like a missing edge). A missing edge gives an
    /// exact 0, so the sums equal those over the edges alone. In C
    /// (`nh_pagerank_flows`), four divisions an instruction with AVX.
    private static func flows(_ weights: consuming WeightMatrix, damping: Double) -> [SIMD4<Double>] {
        let (n, groups) = (weights.size, weights.groups)
        // The weights are not needed after: their storage becomes the
        // flows, where a copy would cost an allocation.
        var flows = weights.takeRows()
        flows.withMutableDoubles { nh_pagerank_flows($0, n, groups, damping, 1) }
        return flows
    }

    /// One round: `next[i] = (1 − d) + Σ_j flows[j][i]·scores[j]`, four
    /// nodes i at a time; returns the largest change. Each `next[i]` adds
    /// its terms in the order of j, so the scores are the same to the bit
    /// as a sum per node. The round is in C (`nh_pagerank_step`), where it
    /// takes the processor's widest vectors: AVX adds four terms an
    /// instruction, Swift's SIMD4 two.
    private static func step(
        _ flows: [SIMD4<Double>], _ scores: [SIMD4<Double>], size n: Int, damping: Double,
        into next: inout [SIMD4<Double>]
    ) -> Double {
        let groups = scores.count
        precondition(next.count == groups && flows.count >= n &* groups, "a group of sums per group of scores")
        return flows.withDoubles { flows in
            scores.withDoubles { scores in
                next.withMutableDoubles { nh_pagerank_step(flows, scores, $0, n, groups, 1 - damping, 1) }
            }
        }
    }
}

/// A group of four weights or scores is four doubles in a row: the C
/// kernels read and write the arrays as the doubles they hold.
extension Array where Element == SIMD4<Double> {
    fileprivate func withDoubles<Result>(_ body: (UnsafePointer<Double>?) -> Result) -> Result {
        withUnsafeBufferPointer { $0.withMemoryRebound(to: Double.self) { body($0.baseAddress) } }
    }

    fileprivate mutating func withMutableDoubles<Result>(_ body: (UnsafeMutablePointer<Double>?) -> Result) -> Result {
        withUnsafeMutableBufferPointer { $0.withMemoryRebound(to: Double.self) { body($0.baseAddress) } }
    }
}
