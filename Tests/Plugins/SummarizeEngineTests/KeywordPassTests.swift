import NewsHostTestSupport
import Testing

@testable import SummarizeEngine

@Suite struct CandidateSelectionTests {
    /// Choosing the heaviest by a threshold gives the first of a full sort,
    /// on pools of every size around the cut, with masses light, heavy
    /// (past the histogram's top bin) and tied.
    @Test func heaviestEqualsTheFirstOfAFullSort() {
        var random = SplitMix64(seed: 30)
        for size in [0, 1, 29, 30, 31, 45, 150, 400] {
            for maximumMass in [8, 64, 70, 1000] {
                let pool = (0..<size).map { index in
                    let mass = Int.random(in: 4...maximumMass, using: &random)
                    return KeywordExtractor.Candidate(key: UInt64(index * 7919 % 1009 + 1), count: mass / 2, mass: mass)
                }
                let sorted = pool.sorted { $0.mass != $1.mass ? $0.mass > $1.mass : $0.key < $1.key }
                let chosen = KeywordExtractor.heaviest(pool, count: 30)
                #expect(chosen.map(\.key) == sorted.prefix(30).map(\.key), "size \(size), masses up to \(maximumMass)")
            }
        }
    }
}

@Suite struct WordBigramsTests {
    /// The runs of ideographs and the Latin words of `sentences`, one
    /// character at a time: each as [start, end, sentence, 1 for a run].
    /// A run is taken whole and does not end a Latin word; any other
    /// character that is not an ASCII letter or digit does, as does the
    /// end of the sentence, and a word needs two characters and a letter.
    static func referencePieces(_ scalars: [UInt32], _ sentences: [Range<Int>]) -> [[Int]] {
        var pieces: [[Int]] = []
        for (sentence, range) in sentences.enumerated() {
            var wordStart: Int?
            var position = range.lowerBound
            while position <= range.upperBound {
                let value = position < range.upperBound ? scalars[position] : 0
                if CharacterClass.isIdeograph(value) {
                    let start = position
                    while position < range.upperBound, CharacterClass.isIdeograph(scalars[position]) { position += 1 }
                    pieces.append([start, position, sentence, 1])
                    continue
                }
                if CharacterClass.isASCIIAlphanumeric(value) {
                    wordStart = wordStart ?? position
                } else if let start = wordStart {
                    if position - start >= 2, scalars[start..<position].contains(where: CharacterClass.isASCIILetter) {
                        pieces.append([start, position, sentence, 0])
                    }
                    wordStart = nil
                }
                position += 1
            }
        }
        return pieces
    }

    /// The bigrams found with the ideograph fast path equal the pairs of
    /// adjacent word characters of each sentence, over random text of
    /// ideographs, Latin letters, digits, full-width letters, punctuation
    /// and spaces; the shared filter passes every bigram that occurs twice;
    /// the runs and Latin words found in the same pass are the reference's.
    @Test func bigramsArePairsOfAdjacentWordCharacters() {
        var random = SplitMix64(seed: 21)
        let alphabet: [UInt32] =
            Array(0x4E00...0x4E08) + [0x41, 0x62, 0x33, 0xFF21, 0x3002, 0xFF0C, 0x20, 0x201C, 0xE9, 0x3000]
        for _ in 0..<300 {
            let scalars = (0..<Int.random(in: 0...60, using: &random)).map { _ in
                alphabet.randomElement(using: &random)!
            }
            var sentences: [Range<Int>] = []
            var start = 0
            while start < scalars.count {
                let end = min(scalars.count, start + Int.random(in: 1...20, using: &random))
                sentences.append(start..<end)
                start = end
            }
            let bigrams = WordBigrams(scalars.span, sentences: sentences)
            var expected: [UInt64] = []
            var positions: [Int] = []
            var starts = [0]
            for sentence in sentences {
                for position in sentence.dropLast()
                where CharacterClass.isWordCharacter(scalars[position])
                    && CharacterClass.isWordCharacter(scalars[position + 1])
                {
                    expected.append(UInt64(scalars[position]) << 21 | UInt64(scalars[position + 1]))
                    positions.append(position)
                }
                starts.append(expected.count)
            }
            #expect(bigrams.keys == expected && bigrams.starts == starts)
            let repeats = RepeatFilter(bigrams.keys.span)
            for key in expected where expected.filter({ $0 == key }).count > 1 {
                #expect(repeats.mayRepeat(key))
            }
            // The list and the flags say what the filter says, sentence by
            // sentence and position by position.
            let passing = expected.indices.filter { repeats.mayRepeat(expected[$0]) }
            #expect(bigrams.mayRepeat.map(Int.init) == passing)
            #expect(bigrams.repeatStarts == starts.map { start in passing.count { $0 < start } })
            var flags = [UInt8](repeating: 0, count: scalars.count)
            for index in passing { flags[positions[index]] = 1 }
            #expect(bigrams.mayRepeatAt == flags)
            let pieces = bigrams.pieces.map {
                [$0.range.lowerBound, $0.range.upperBound, Int($0.sentence), $0.isIdeographs ? 1 : 0]
            }
            #expect(pieces == Self.referencePieces(scalars, sentences), "\(scalars)")
        }
    }
}

@Suite struct PackedTermTests {
    /// On packed terms of two to four ideographs, containment and text
    /// agree with the same tests on the terms' scalar arrays.
    @Test func packedContainmentAndTextAgreeWithTheScalars() {
        var random = SplitMix64(seed: 4)
        let ideographs: [UInt32] = [0x3400, 0x4E00, 0x4E01, 0x5927, 0x9FFF]
        for _ in 0..<3000 {
            let a = (0..<Int.random(in: 2...4, using: &random)).map { _ in ideographs.randomElement(using: &random)! }
            let b = (0..<Int.random(in: 2...4, using: &random)).map { _ in ideographs.randomElement(using: &random)! }
            let (keyA, keyB) = (a.reduce(0) { $0 << 16 | UInt64($1) }, b.reduce(0) { $0 << 16 | UInt64($1) })
            #expect(PackedTerm.overlaps(keyA, keyB) == KeywordExtractor.overlaps(a, b), "\(a) \(b)")
            #expect(PackedTerm.string(keyA) == ScalarText.string(a))
        }
    }
}
