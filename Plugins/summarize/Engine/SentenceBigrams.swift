import PackedKeys

#if canImport(Glibc)
import Glibc
#endif

/// The character bigrams of a body's sentences, every sentence compared
/// with every other at once: how many distinct bigrams each has and how
/// many each pair shares. Bigrams are pairs of adjacent letters or
/// ideographs; punctuation and spaces break them.
///
/// Comparing sentences pair by pair costs the square of their number times
/// their length. Here each bigram keeps the list of sentences it was seen
/// in, so a sentence meets only the earlier sentences that share one of its
/// bigrams: one table step per bigram plus one per shared bigram.
struct SentenceBigrams {
    /// The number of sentences.
    let sentenceCount: Int
    private var distinct: [Int]
    /// `shared[i * sentenceCount + j]`: the bigrams sentences i and j share.
    private var shared: [Int32]
    /// Logarithms of the distinct counts, for ``similarity(_:_:)``.
    private var logDistinct: [Double]

    /// The bigrams of `sentences`, ranges of `scalars`.
    init(_ scalars: [UInt32], sentences: [Range<Int>]) {
        let n = sentences.count
        sentenceCount = n
        var distinct = [Int](repeating: 0, count: n)
        var sharedCounts = [Int32](repeating: 0, count: n * n)
        // The bigrams of sentence s are keys[starts[s]..<starts[s + 1]].
        var keys: [UInt64] = []
        keys.reserveCapacity(scalars.count)
        var starts = [0]
        for sentence in sentences {
            var previous: UInt64 = 0
            for position in sentence {
                let scalar = scalars[position]
                guard CharacterClass.isWordCharacter(scalar) else {
                    previous = 0
                    continue
                }
                // Scalars take 21 bits: a bigram packs into 42.
                if previous != 0 { keys.append(previous << 21 | UInt64(scalar)) }
                previous = UInt64(scalar)
            }
            starts.append(keys.count)
        }
        // Most bigrams occur once: they count for their sentence and are
        // shared with none, so only those that may repeat enter the table.
        var repeats = RepeatFilter(capacity: keys.count)
        for key in keys { repeats.add(key) }
        // Per repeated bigram: the last sentence it was seen in and the
        // newest entry of its list of sentences, chained through `listNext`.
        var seen = PackedKeyTable(capacity: keys.count / 2, empty: (sentence: -1, newest: -1))
        var listSentence: [Int] = []
        var listNext: [Int] = []
        // A span: the loop below checks bounds without checking ownership.
        var shared = sharedCounts.mutableSpan
        for sentence in 0..<n {
            for key in keys[starts[sentence]..<starts[sentence + 1]] {
                guard repeats.mayRepeat(key) else {
                    distinct[sentence] += 1
                    continue
                }
                let slot = seen.insert(key)
                let entry = seen[slot: slot]
                guard entry.sentence != sentence else { continue }  // a repeat within the sentence
                distinct[sentence] += 1
                var earlier = entry.newest
                while earlier >= 0 {
                    shared[listSentence[earlier] &* n &+ sentence] &+= 1
                    shared[sentence &* n &+ listSentence[earlier]] &+= 1
                    earlier = listNext[earlier]
                }
                listSentence.append(sentence)
                listNext.append(entry.newest)
                seen[slot: slot] = (sentence, listSentence.count - 1)
            }
        }
        self.distinct = distinct
        self.shared = sharedCounts
        logDistinct = distinct.map { log(Double($0)) }
    }

    /// How many distinct bigrams `sentence` has.
    func distinctCount(_ sentence: Int) -> Int { distinct[sentence] }

    /// The share of `a`'s bigrams that `b` has too (0 when `a` has none).
    func overlap(of a: Int, with b: Int) -> Double {
        distinct[a] == 0 ? 0 : Double(shared[a * sentenceCount + b]) / Double(distinct[a])
    }

    /// TextRank's sentence similarity: shared bigrams over the log lengths
    /// (0 for sentences of one bigram or none).
    func similarity(_ a: Int, _ b: Int) -> Double {
        guard distinct[a] > 1, distinct[b] > 1 else { return 0 }
        return Double(shared[a * sentenceCount + b]) / (logDistinct[a] + logDistinct[b])
    }
}
