/// A multi-pattern matcher (Aho–Corasick) over UTF-8 bytes: finds every
/// occurrence of every pattern in one pass over the text, in time linear in
/// the text plus the number of matches.
///
/// The automaton is a full transition table (256 entries per state), built
/// once; matching is then one table lookup per byte.
public struct AhoCorasick: Sendable {
    /// The patterns, by index.
    public let patterns: [String]
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
        var goto: [[Int32]] = [Array(repeating: -1, count: 256)]
        var outputs: [[Int32]] = [[]]
        for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var state = 0
            for byte in pattern.utf8 {
                if goto[state][Int(byte)] < 0 {
                    goto[state][Int(byte)] = Int32(goto.count)
                    goto.append(Array(repeating: -1, count: 256))
                    outputs.append([])
                }
                state = Int(goto[state][Int(byte)])
            }
            outputs[state].append(Int32(index))
        }
        // Breadth-first: fill failure links and complete the transition table.
        var failure = [Int](repeating: 0, count: goto.count)
        var queue: [Int] = []
        for byte in 0..<256 {
            let next = goto[0][byte]
            if next < 0 {
                goto[0][byte] = 0
            } else {
                failure[Int(next)] = 0
                queue.append(Int(next))
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            outputs[state] += outputs[failure[state]]
            for byte in 0..<256 {
                let next = goto[state][byte]
                if next < 0 {
                    goto[state][byte] = goto[failure[state]][byte]
                } else {
                    failure[Int(next)] = Int(goto[failure[state]][byte])
                    queue.append(Int(next))
                }
            }
        }
        transitions = goto.flatMap { $0 }.map { outputs[Int($0)].isEmpty ? $0 : $0 | Self.hasOutput }
        outputStarts = outputs.reduce(into: [0]) { $0.append($0.last! + Int32($1.count)) }
        outputList = outputs.flatMap { $0 }
    }

    /// How often each pattern occurs in `text` (overlapping occurrences
    /// count), indexed like ``patterns``.
    public func counts(in text: String) -> [Int] {
        counts(in: text.utf8.span)
    }

    /// How often each pattern occurs in the UTF-8 bytes `bytes`.
    public func counts(in bytes: Span<UInt8>) -> [Int] {
        var counts = [Int](repeating: 0, count: patterns.count)
        let table = transitions.span
        let starts = outputStarts.span
        let list = outputList.span
        var state = 0
        for index in bytes.indices {
            let next = table[state &* 256 &+ Int(bytes[index])]
            state = Int(next & Int32.max)
            guard next < 0 else { continue }
            for output in Int(starts[state])..<Int(starts[state &+ 1]) { counts[Int(list[output])] += 1 }
        }
        return counts
    }
}
