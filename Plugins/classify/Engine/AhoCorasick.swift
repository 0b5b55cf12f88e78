import FilledArrays

/// A multi-pattern matcher (Aho–Corasick) over UTF-8 bytes: finds every
/// occurrence of every pattern in one pass over the text, in time linear in
/// the text plus the number of matches.
///
/// The automaton is a full transition table (256 entries per state), built
/// once; matching is then one table lookup per byte.
public struct AhoCorasick: Sendable {
    /// The patterns, by index.
    public let patterns: [String]
    /// The longest pattern's length in bytes.
    private let longest: Int
    /// `transitions[s · 256 + byte]`: the next state, with ``hasOutput``
    /// set when patterns end there, so that the step for every byte reads
    /// one integer and only a match reads more.
    private let transitions: [Int32]
    private static let hasOutput = Int32.min
    /// The patterns that end at state s (including via suffix links) are
    /// `outputList[outputStarts[s]..<outputStarts[s + 1]]`: one flat list,
    /// where a list per state had to be retained and released.
    private let outputStarts: [Int32]
    private let outputList: [Int32]

    /// Builds the automaton for `patterns` (empty patterns are ignored).
    public init(patterns: [String]) {
        self.patterns = patterns
        longest = patterns.map(\.utf8.count).max() ?? 0
        let (goto, outputs) = Self.trie(of: patterns)
        transitions = goto.map { outputs[Int($0)].isEmpty ? $0 : $0 | Self.hasOutput }
        outputStarts = outputs.reduce(into: [0]) { $0.append($0.last! + Int32($1.count)) }
        outputList = outputs.flatMap { $0 }
    }

    /// The pass that builds the table: the trie of `patterns` in one flat
    /// table of 256 entries a state (-1: no edge), then, breadth-first, the
    /// failure links, which complete every missing edge and add to each
    /// state the patterns of its failure state. One flat table, where an
    /// array a state cost an allocation, a copy on first write and a
    /// release for each of them.
    private static func trie(of patterns: [String]) -> (goto: [Int32], outputs: [[Int32]]) {
        var goto = [Int32](filledWith: -1, count: 256)
        var outputs: [[Int32]] = [[]]
        for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var state = 0
            for byte in pattern.utf8 {
                let edge = state &* 256 &+ Int(byte)
                if goto[edge] < 0 {
                    goto[edge] = Int32(outputs.count)
                    goto.append(contentsOf: repeatElement(-1, count: 256))
                    outputs.append([])
                }
                state = Int(goto[edge])
            }
            outputs[state].append(Int32(index))
        }
        var failure = [Int](filledWith: 0, count: outputs.count)
        var queue: [Int] = []
        for byte in 0..<256 {
            let next = goto[byte]
            if next < 0 {
                goto[byte] = 0
            } else {
                queue.append(Int(next))
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            let fallback = failure[state]
            outputs[state] += outputs[fallback]
            for byte in 0..<256 {
                let next = goto[state &* 256 &+ byte]
                let fallbackNext = goto[fallback &* 256 &+ byte]
                if next < 0 {
                    goto[state &* 256 &+ byte] = fallbackNext
                } else {
                    failure[Int(next)] = Int(fallbackNext)
                    queue.append(Int(next))
                }
            }
        }
        return (goto, outputs)
    }

    /// How often each pattern occurs in `text` (overlapping occurrences
    /// count), indexed like ``patterns``.
    public func counts(in text: String) -> [Int] {
        counts(in: text.utf8.span)
    }

    /// How often each pattern occurs in the UTF-8 bytes `bytes`.
    ///
    /// Each step waits for the one before: the next state is read from a
    /// row that the previous read chose, so one scan runs at the speed of
    /// the processor's memory reads, not of its arithmetic. The text is
    /// therefore scanned as two halves at once, two independent chains the
    /// processor interleaves. The second half's scan starts ``longest`` − 1
    /// bytes early, so that it sees whole the patterns that cross the middle,
    /// and counts only the matches that end in its half.
    public func counts(in bytes: Span<UInt8>) -> [Int] {
        var counts = [Int](filledWith: 0, count: patterns.count)
        let table = transitions.span
        let starts = outputStarts.span
        let list = outputList.span
        let count = bytes.count
        let middle = count / 2
        let secondStart = max(0, middle &- max(0, longest &- 1))
        var (first, second) = (0, secondStart)
        var (firstState, secondState) = (0, 0)
        func step(_ state: inout Int, at index: Int, counting: Bool) {
            let next = table[state &* 256 &+ Int(bytes[index])]
            state = Int(next & Int32.max)
            guard next < 0, counting else { return }
            for output in Int(starts[state])..<Int(starts[state &+ 1]) { counts[Int(list[output])] += 1 }
        }
        while first < middle && second < count {
            step(&firstState, at: first, counting: true)
            step(&secondState, at: second, counting: second >= middle)
            first &+= 1
            second &+= 1
        }
        while first < middle {
            step(&firstState, at: first, counting: true)
            first &+= 1
        }
        while second < count {
            step(&secondState, at: second, counting: second >= middle)
            second &+= 1
        }
        return counts
    }
}
