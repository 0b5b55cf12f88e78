/// The bigrams of a text's sentences, found once for both of its readers:
/// the summary compares sentences by them (``SentenceBigrams``), and the
/// keywords count only the terms whose adjacent ideographs may repeat
/// (``TermCounts``). A bigram is a pair of adjacent letters or ideographs;
/// punctuation and spaces break them.
struct WordBigrams {
    /// Each bigram packed (scalars take 21 bits: a bigram packs into 42),
    /// sentence by sentence in text order.
    let keys: [UInt64]
    /// Where each sentence's bigrams begin: sentence s has
    /// `keys[starts[s]..<starts[s + 1]]`.
    let starts: [Int]
    /// Which bigrams may occur more than once. Most occur once: they are
    /// shared with no other sentence and begin no repeated term, so neither
    /// reader looks them up.
    let repeats: RepeatFilter

    /// The bigrams of `sentences`, ranges of `scalars`.
    init(_ scalars: Span<UInt32>, sentences: [Range<Int>]) {
        var keys = [UInt64](repeating: 0, count: scalars.count)
        var starts = [Int](repeating: 0, count: sentences.count + 1)
        var count = 0
        var output = keys.mutableSpan
        for (index, sentence) in sentences.enumerated() {
            var previous: UInt64 = 0
            var position = sentence.lowerBound
            while position < sentence.upperBound {
                let scalar = scalars[position]
                position &+= 1
                guard CharacterClass.isWordCharacter(scalar) else {
                    previous = 0
                    continue
                }
                if previous != 0 {
                    output[count] = Self.key(previous, UInt64(scalar))
                    count &+= 1
                }
                previous = UInt64(scalar)
                // The ideographs that follow, most of a Chinese sentence, in
                // a loop that needs no other test of a character.
                while position < sentence.upperBound, CharacterClass.isIdeograph(scalars[position]) {
                    let next = UInt64(scalars[position])
                    output[count] = Self.key(previous, next)
                    count &+= 1
                    previous = next
                    position &+= 1
                }
            }
            starts[index + 1] = count
        }
        keys.removeLast(keys.count - count)
        repeats = RepeatFilter(keys.span)
        self.keys = keys
        self.starts = starts
    }

    /// The packed bigram of `first` and `second`.
    @inline(__always)
    static func key(_ first: UInt64, _ second: UInt64) -> UInt64 { first << 21 | second }

    /// Whether the bigram of `first` and `second` may occur more than once.
    @inline(__always)
    func mayRepeat(_ first: UInt32, _ second: UInt32) -> Bool {
        repeats.mayRepeat(Self.key(UInt64(first), UInt64(second)))
    }
}
