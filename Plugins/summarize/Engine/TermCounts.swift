import FilledArrays
import PackedKeys

/// Pass 1 of keyword extraction: the 2–4 ideograph n-grams of a text that
/// can repeat and its Latin words, with how often each occurs, whether its
/// neighbours vary, and the sentences it occurs in.
///
/// It counts in two steps. First the pairs of adjacent ideographs, roughly
/// (the ``RepeatFilter`` of the text's ``WordBigrams``): a term can only
/// occur twice if each of its pairs does, and most n-grams of an article
/// occur once. Then, exactly, the n-grams made only of pairs that may
/// repeat.
struct TermCounts {
    /// How often a term occurs and whether its neighbours ever vary. The
    /// neighbours are ideographs of the term's run (U+3400–U+9FFF) or 0, so
    /// 16 bits hold them: a smaller table entry is a smaller table to clear
    /// and to probe.
    struct TermStats {
        var count: Int32 = 0
        var left: UInt16 = 0
        var right: UInt16 = 0
        var lengthAndFlags: UInt8 = 0
        var leftVaries = false
        var rightVaries = false
        /// Index among the ranked candidates, or -1.
        var position: Int16 = -1
        /// Still a candidate after filtering.
        var kept = false

        var length: Int { Int(lengthAndFlags) }

        mutating func add(length: Int, left: UInt16, right: UInt16) {
            if count == 0 {
                lengthAndFlags = UInt8(length)
                self.left = left
                self.right = right
            } else {
                leftVaries = leftVaries || self.left != left
                rightVaries = rightVaries || self.right != right
            }
            count += 1
        }

        /// Every occurrence has the same ideograph on one side: a piece of
        /// a longer word (知识产 in 知识产权).
        var alwaysExtends: Bool {
            (!leftVaries && left != 0) || (!rightVaries && right != 0)
        }
    }

    /// A Latin word (ASCII letters and digits with a letter, two or more).
    struct LatinWord {
        var scalars: [UInt32]
        /// Above every packed ideograph key's range, in order of first occurrence.
        var key: UInt64
        var count: Int
        var position: Int?
    }

    /// One occurrence of a term in a sentence, in text order: where the
    /// term is, its slot in ``stats`` or, for a Latin word, its index in
    /// ``latinWords`` as `-1 - index`.
    struct Occurrence {
        var term: Int32
        var sentence: Int32
    }

    /// The n-grams, by packed key.
    var stats: PackedKeyTable<TermStats>
    /// The slots in ``stats`` of the n-grams counted twice or more, in the
    /// order they reached two: the filters read these, not the whole table
    /// (most of whose slots are empty or hold an n-gram seen once).
    private(set) var repeated: [Int32] = []
    /// The Latin words in order of first occurrence.
    private(set) var latinWords: [LatinWord] = []
    private var latinIndex: [[UInt32]: Int] = [:]
    /// Every occurrence of an n-gram or Latin word.
    private(set) var occurrences: [Occurrence] = []

    private typealias Piece = WordBigrams.Piece

    /// Counts the terms of the first `sentenceLimit` sentences of `text`.
    init(_ text: ScalarText, sentenceLimit: Int) {
        let scalars = text.scalars
        let pieces = text.bigrams.pieces.prefix { $0.sentence < sentenceLimit }

        let (reach, ngrams) = Self.reach(of: pieces, scalars.span, text.bigrams, length: scalars.count)

        // Room for every n-gram counted below, so the table never grows and
        // a slot, once given, stays the term's.
        stats = PackedKeyTable(capacity: ngrams, empty: TermStats())
        repeated.reserveCapacity(ngrams / 2)
        // Each occurrence written into room made for all of them (an n-gram
        // or a Latin word, one piece each), without an ownership check each.
        let latinPieces = pieces.count { !$0.isIdeographs }
        let edgeStops = KeywordExtractor.edgeStops
        occurrences = [Occurrence](capacity: ngrams &+ latinPieces) { occurrences in
            for piece in pieces {
                if piece.isIdeographs {
                    countRun(
                        scalars.span, piece.range, reach: reach.span, sentence: piece.sentence, edgeStops: edgeStops,
                        into: &occurrences)
                } else {
                    let index = addLatinWord(Array(scalars[piece.range]))
                    occurrences.append(Occurrence(term: -1 - Int32(index), sentence: piece.sentence))
                }
            }
        }
    }

    /// `reach[p]`: how many pairs that may repeat follow one another from
    /// position p on, up to the three of the longest term; and their sum,
    /// which bounds the n-grams to count. A pair of adjacent ideographs is
    /// one of the sentence's ``WordBigrams``, which say whether it may
    /// repeat.
    private static func reach(
        of pieces: ArraySlice<Piece>, _ scalars: Span<UInt32>, _ bigrams: WordBigrams, length: Int
    ) -> (reach: [UInt8], ngrams: Int) {
        var reach = [UInt8](filledWith: 0, count: length)
        var output = reach.mutableSpan
        var ngrams = 0
        let mayRepeat = bigrams.mayRepeatAt.span
        for piece in pieces.reversed() where piece.isIdeographs {
            var start = piece.range.upperBound &- 2
            while start >= piece.range.lowerBound {
                // 0 where the pair occurs once: computed, not branched on.
                let steps = min(3, output[start &+ 1] &+ 1) &* mayRepeat[start]
                output[start] = steps
                ngrams &+= Int(steps)
                start &-= 1
            }
        }
        return (reach, ngrams)
    }

    /// Counts the 2–4 ideograph n-grams of the run `run` of `scalars` that
    /// are made of pairs that may repeat.
    private mutating func countRun(
        _ scalars: Span<UInt32>, _ run: Range<Int>, reach: Span<UInt8>, sentence: Int32, edgeStops: IdeographSet,
        into occurrences: inout OutputSpan<Occurrence>
    ) {
        for start in run where reach[start] > 0 && !edgeStops.contains(scalars[start]) {
            let left = start > run.lowerBound ? UInt16(truncatingIfNeeded: scalars[start &- 1]) : 0
            var key = UInt64(scalars[start])
            var last = start
            let end = start &+ Int(reach[start])
            while last < end {
                last &+= 1
                key = key << 16 | UInt64(scalars[last])
                guard !edgeStops.contains(scalars[last]) else { continue }
                let right = last &+ 1 < run.upperBound ? UInt16(truncatingIfNeeded: scalars[last &+ 1]) : 0
                let length = last &- start &+ 1
                var isSecond = false
                let slot = stats.update(key) {
                    $0.add(length: length, left: left, right: right)
                    isSecond = $0.count == 2
                }
                if isSecond { repeated.append(Int32(truncatingIfNeeded: slot)) }
                occurrences.append(Occurrence(term: Int32(truncatingIfNeeded: slot), sentence: sentence))
            }
        }
    }

    /// Counts an occurrence of the Latin word `word`; its index in
    /// ``latinWords``.
    private mutating func addLatinWord(_ word: [UInt32]) -> Int {
        let index =
            latinIndex[word]
            ?? {
                latinWords.append(LatinWord(scalars: word, key: UInt64.max - UInt64(latinWords.count), count: 0))
                latinIndex[word] = latinWords.count - 1
                return latinWords.count - 1
            }()
        latinWords[index].count += 1
        return index
    }

    /// Whether `key` is a Latin word's.
    private func isLatin(_ key: UInt64) -> Bool { key > UInt64.max - UInt64(latinWords.count) }

    /// Marks the term of `key` as the candidate at `position`.
    mutating func setPosition(_ position: Int, of key: UInt64) {
        if isLatin(key) {
            latinWords[Int(UInt64.max - key)].position = position
        } else if let slot = stats.find(key) {
            stats[slot: slot].position = Int16(position)
        }
    }

    /// The candidate position of the term of `occurrence`, if it is a
    /// candidate: read from where the term is, without a look-up.
    func position(of occurrence: Occurrence) -> Int? {
        let position =
            occurrence.term < 0
            ? latinWords[Int(-1 - occurrence.term)].position : Int(stats[slot: Int(occurrence.term)].position)
        guard let position, position >= 0 else { return nil }
        return position
    }

    /// Whether one of the terms of `a` and `b` contains the other. A Latin
    /// word and a term of ideographs share no character.
    func overlap(_ a: UInt64, _ b: UInt64) -> Bool {
        switch (isLatin(a), isLatin(b)) {
        case (false, false): PackedTerm.overlaps(a, b)
        case (true, true): KeywordExtractor.overlaps(latinScalars(a), latinScalars(b))
        default: false
        }
    }

    /// The text of the term of `key`.
    func string(of key: UInt64) -> String {
        isLatin(key) ? ScalarText.string(latinScalars(key)) : PackedTerm.string(key)
    }

    /// The scalar values of the Latin word of `key`.
    private func latinScalars(_ key: UInt64) -> [UInt32] { latinWords[Int(UInt64.max - key)].scalars }
}
