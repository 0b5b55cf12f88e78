import FilledArrays

/// The bigrams of a text's sentences, found once for both of its readers:
/// the summary compares sentences by them (``SentenceBigrams``), and the
/// keywords count only the terms whose adjacent ideographs may repeat
/// (``TermCounts``). A bigram is a pair of adjacent letters or ideographs;
/// punctuation and spaces break them.
///
/// Whether each bigram may repeat is asked of the ``RepeatFilter`` once,
/// here, and kept as a list and as a flag by position: the readers' loops
/// then skip the bigrams that occur once without a hash or a branch the
/// processor cannot predict (most bigrams of an article occur once).
struct WordBigrams {
    /// Each bigram packed (scalars take 21 bits: a bigram packs into 42),
    /// sentence by sentence in text order.
    let keys: [UInt64]
    /// Where each sentence's bigrams begin: sentence s has
    /// `keys[starts[s]..<starts[s + 1]]`.
    let starts: [Int]
    /// The indexes in ``keys`` of the bigrams that may repeat (that the
    /// ``RepeatFilter`` of ``keys`` lets through), in order. Most occur
    /// once: they are shared with no other sentence and begin no repeated
    /// term, so neither reader looks them up.
    let mayRepeat: [Int32]
    /// Where each sentence's entries of ``mayRepeat`` begin: sentence s
    /// has `mayRepeat[repeatStarts[s]..<repeatStarts[s + 1]]`.
    let repeatStarts: [Int]
    /// By scalar position p: 1 when the bigram of p and p + 1 may repeat.
    let mayRepeatAt: [UInt8]

    /// The runs of ideographs and the Latin words of the sentences, in
    /// text order, found in the same pass: what ``TermCounts`` counts.
    let pieces: [Piece]

    /// A stretch of one sentence: a run of ideographs, or a Latin word
    /// (ASCII letters and digits, two or more with a letter). A run does not
    /// end a Latin word, which goes on after it; any other character does.
    struct Piece {
        var range: Range<Int>
        var sentence: Int32
        var isIdeographs: Bool
    }

    /// The bigrams of `sentences`, ranges of `scalars`.
    init(_ scalars: Span<UInt32>, sentences: [Range<Int>]) {
        var keys = [UInt64](filledWith: 0, count: scalars.count)
        var positions = [Int32](filledWith: 0, count: scalars.count)
        var starts = [Int](filledWith: 0, count: sentences.count + 1)
        var pieces: [Piece] = []
        // A piece ends at punctuation, a space or a sentence end: one in
        // eight characters is about what news has.
        pieces.reserveCapacity(scalars.count / 8)
        var count = 0
        var output = keys.mutableSpan
        var position = positions.mutableSpan
        for (index, sentence) in sentences.enumerated() {
            let sentenceIndex = Int32(truncatingIfNeeded: index)
            var previous: UInt64 = 0
            var wordStart = -1
            func endWord(at end: Int) {
                guard wordStart >= 0 else { return }
                if end - wordStart >= 2,
                    (wordStart..<end).contains(where: { CharacterClass.isASCIILetter(scalars[$0]) })
                {
                    pieces.append(Piece(range: wordStart..<end, sentence: sentenceIndex, isIdeographs: false))
                }
                wordStart = -1
            }
            var next = sentence.lowerBound
            while next < sentence.upperBound {
                let scalar = scalars[next]
                next &+= 1
                guard CharacterClass.isWordCharacter(scalar) else {
                    previous = 0
                    endWord(at: next &- 1)
                    continue
                }
                if previous != 0 {
                    output[count] = Self.key(previous, UInt64(scalar))
                    position[count] = Int32(truncatingIfNeeded: next &- 2)
                    count &+= 1
                }
                previous = UInt64(scalar)
                // A run of ideographs starts here or after this character.
                var runStart = next
                if CharacterClass.isIdeograph(scalar) {
                    runStart = next &- 1
                } else if CharacterClass.isASCIIAlphanumeric(scalar) {
                    if wordStart < 0 { wordStart = next &- 1 }
                } else {
                    endWord(at: next &- 1)
                }
                // The ideographs that follow, most of a Chinese sentence, in
                // a loop that needs no other test of a character.
                while next < sentence.upperBound, CharacterClass.isIdeograph(scalars[next]) {
                    let scalar = UInt64(scalars[next])
                    output[count] = Self.key(previous, scalar)
                    position[count] = Int32(truncatingIfNeeded: next &- 1)
                    count &+= 1
                    previous = scalar
                    next &+= 1
                }
                if next > runStart {
                    pieces.append(Piece(range: runStart..<next, sentence: sentenceIndex, isIdeographs: true))
                }
            }
            endWord(at: sentence.upperBound)
            starts[index + 1] = count
        }
        self.pieces = pieces
        keys.removeLast(keys.count - count)
        (mayRepeat, repeatStarts, mayRepeatAt) = Self.flags(
            keys.span, at: positions.span, starts: starts, RepeatFilter(keys.span), length: scalars.count)
        self.keys = keys
        self.starts = starts
    }

    /// The bigrams of `keys` (at scalar `positions`) that `repeats` lets
    /// through, listed without a branch on the answer.
    private static func flags(
        _ keys: Span<UInt64>, at positions: Span<Int32>, starts: [Int], _ repeats: RepeatFilter, length: Int
    ) -> (list: [Int32], listStarts: [Int], byPosition: [UInt8]) {
        var list = [Int32](filledWith: 0, count: keys.count)
        var listStarts = [Int](filledWith: 0, count: starts.count)
        var byPosition = [UInt8](filledWith: 0, count: length)
        var listed = list.mutableSpan
        var flags = byPosition.mutableSpan
        var count = 0
        for sentence in 0..<(starts.count &- 1) {
            for index in starts[sentence]..<starts[sentence &+ 1] {
                let flag = repeats.mayRepeat(keys[index]) ? 1 : 0
                listed[count] = Int32(truncatingIfNeeded: index)
                count &+= flag
                flags[Int(positions[index])] = UInt8(truncatingIfNeeded: flag)
            }
            listStarts[sentence &+ 1] = count
        }
        list.removeLast(list.count - count)
        return (list, listStarts, byPosition)
    }

    /// The packed bigram of `first` and `second`.
    @inline(__always)
    static func key(_ first: UInt64, _ second: UInt64) -> UInt64 { first << 21 | second }
}
