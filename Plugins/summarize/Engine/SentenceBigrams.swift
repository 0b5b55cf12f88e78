import FilledArrays
import PackedKeys

#if canImport(Glibc)
import Glibc
#endif

/// The character bigrams of a body's sentences, every sentence compared
/// with every other at once: how many distinct bigrams each has and how
/// many each pair shares, by their ``WordBigrams``.
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

    /// The first `sentenceCount` sentences of `bigrams` compared.
    init(_ bigrams: WordBigrams, sentenceCount n: Int) {
        sentenceCount = n
        let starts = bigrams.starts
        // For each bigram that may repeat, the sentences it was seen in,
        // newest first: a table from the bigram to the last sentence it was
        // seen in and the newest entry of its list, the lists chained
        // through the entries' `next`, walked as spans: this is the inner loop of
        // the summary's similarity. The other bigrams occur once: each adds
        // one to its sentence's distinct count and nothing else.
        let repeatCount = bigrams.repeatStarts[n]
        var lists = PackedKeyTable(capacity: repeatCount, empty: (last: Int32(-1), newest: Int32(-1)))
        // Each entry: the sentence, and the entry before it in its list.
        var listEntries = [(sentence: Int32, next: Int32)](filledWith: (0, 0), count: repeatCount)
        var distinctCounts = [Int](filledWith: 0, count: n)
        var sharedCounts = [Int32](filledWith: 0, count: n * n)

        let keys = bigrams.keys.span
        let mayRepeat = bigrams.mayRepeat.span
        let repeatStarts = bigrams.repeatStarts
        var entry = listEntries.mutableSpan
        var distinct = distinctCounts.mutableSpan
        var shared = sharedCounts.mutableSpan
        var entries: Int32 = 0
        for sentence in 0..<n {
            let current = Int32(truncatingIfNeeded: sentence)
            let (first, end) = (repeatStarts[sentence], repeatStarts[sentence &+ 1])
            var count = (starts[sentence &+ 1] &- starts[sentence]) &- (end &- first)
            for index in first..<end {
                let key = keys[Int(mayRepeat[index])]
                var list = (last: Int32(-1), newest: Int32(-1))
                _ = lists.update(key) { entry in
                    list = entry
                    if entry.last != current { entry = (current, entries) }
                }
                guard list.last != current else { continue }  // a repeat within the sentence
                count &+= 1
                var earlier = list.newest
                while earlier >= 0 {
                    let other = Int(entry[Int(earlier)].sentence)
                    shared[other &* n &+ sentence] &+= 1
                    shared[sentence &* n &+ other] &+= 1
                    earlier = entry[Int(earlier)].next
                }
                entry[Int(entries)] = (current, list.newest)
                entries &+= 1
            }
            distinct[sentence] = count
        }
        self.distinct = distinctCounts
        self.shared = sharedCounts
        logDistinct = distinctCounts.map { log(Double($0)) }
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
