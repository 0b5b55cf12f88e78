import NewsHostTestSupport
import PackedKeys
import Testing

@testable import SummarizeEngine

@Suite struct ScalarTextTests {
    /// The hand-written UTF-8 decoder and encoder agree with the standard
    /// library on one-, two-, three- and four-byte characters.
    @Test(arguments: ["", "abc", "é中文。", "表情😀与𠀀字", "“引号”\r\n\t\u{3000}end", String(repeating: "徐汇区𝄞", count: 500)])
    func decodesAndEncodesLikeTheStandardLibrary(text: String) {
        let decoded = ScalarText(text)
        #expect(decoded.scalars == text.unicodeScalars.map(\.value))
        #expect(decoded.string(0..<decoded.scalars.count) == text)
    }

    /// Random runs of one- to four-byte characters, so that pairs of
    /// three-byte ones (read a word at a time) start at every offset and
    /// meet every other length at the ends of the input: decoded and
    /// encoded as the standard library does.
    @Test func randomMixesDecodeLikeTheStandardLibrary() {
        var random = SplitMix64(seed: 8)
        let characters: [Character] = ["a", "7", "é", "ж", "中", "文", "。", "\u{FFFD}", "😀", "𠀀", "\n"]
        for _ in 0..<2_000 {
            let text = String(
                (0..<Int.random(in: 0...24, using: &random)).map { _ in
                    characters.randomElement(using: &random)!
                })
            let decoded = ScalarText(text)
            #expect(decoded.scalars == text.unicodeScalars.map(\.value), "\(text)")
            #expect(decoded.string(0..<decoded.scalars.count) == text)
        }
    }

    @Test func sentencesAreRangesOfTheDecodedText() {
        let text = ScalarText("第一句。😀第二句！\n第三句")
        #expect(text.sentences.map(text.string) == ["第一句。", "😀第二句！", "第三句"])
        #expect(ScalarText("一。二。三。", sentenceLimit: 2).sentences.count == 2)
    }

    /// Decoding stops after `characterLimit` characters, whatever their
    /// width in UTF-8.
    @Test(arguments: 0...6)
    func decodingStopsAtTheCharacterLimit(limit: Int) {
        let text = "a中😀é。b"
        let decoded = ScalarText(utf8: text.utf8.span, characterLimit: limit)
        #expect(decoded.scalars == Array(text.unicodeScalars.map(\.value).prefix(limit)))
        #expect(decoded.sentences.allSatisfy { $0.upperBound <= limit })
    }

    /// A body without a sentence end is read up to the limit, and both
    /// summaries and keywords come from that start: what bounds the memory
    /// of a page that is one enormous line.
    @Test func aBodyWithoutSentenceEndsIsReadUpToTheLimit() {
        let body = String(repeating: "市里召开会议部署全年工作", count: 3 * ScalarText.characterLimit / 12)
        let text = ScalarText(body, sentenceLimit: 400)
        #expect(text.scalars.count == ScalarText.characterLimit)
        #expect(text.sentences == [0..<ScalarText.characterLimit])
        let start = String(body.prefix(ScalarText.characterLimit))
        #expect(Summarizer().summarize(body) == Summarizer().summarize(start))
        #expect(Summarizer().summarize(text)?.hasPrefix("市里召开会议") == true)
        #expect(KeywordExtractor().keywords(in: body).map(\.term) == KeywordExtractor().keywords(in: start).map(\.term))
    }
}

@Suite struct CharacterClassTests {
    /// Outside the blocks the classes decide by range alone (the CJK
    /// ideographs, and the CJK and general punctuation), the range tables
    /// give the same answers as Unicode's properties, for every scalar of
    /// the Basic Multilingual Plane and the first supplementary plane.
    @Test func rangeTablesMatchTheUnicodeProperties() {
        var mismatches: [String] = []
        for value in UInt32(0)...0x1FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let properties = scalar.properties
            let decidedByRange =
                CharacterClass.ideographs.contains(value) || (0x2000...0x206F).contains(value)
                || (0x3000...0x303F).contains(value) || (0xFF00...0xFF0F).contains(value)
            let isWord = properties.isAlphabetic || properties.numericType != nil
            if !decidedByRange, CharacterClass.isWordCharacter(value) != isWord {
                mismatches.append("word U+\(String(value, radix: 16, uppercase: true))")
            }
            if CharacterClass.isSpace(value) != properties.isWhitespace {
                mismatches.append("space U+\(String(value, radix: 16, uppercase: true))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    @Test(arguments: [
        ("中", true), ("a", true), ("Z", true), ("7", true), ("７", true), ("Ａ", true), ("é", true), ("，", false),
        ("。", false), ("：", false), ("“", false), ("—", false), (" ", false), ("\u{3000}", false), ("%", false),
    ])
    func wordCharacters(character: Character, isWord: Bool) {
        #expect(CharacterClass.isWordCharacter(character.unicodeScalars.first!.value) == isWord)
    }
}

@Suite struct PackedKeyTableTests {
    @Test func growsAndKeepsEveryKey() {
        var table = PackedKeyTable(capacity: 4, empty: 0)
        for key in UInt64(1)...5000 { table[slot: table.insert(key &* 7919)] += Int(key) }
        for key in UInt64(1)...5000 { table[slot: table.insert(key &* 7919)] += 1 }
        #expect((UInt64(1)...5000).allSatisfy { table[key: $0 &* 7919] == Int($0) + 1 })
        #expect(table[key: 3] == nil)
        #expect(table.count == 5000)
        #expect(
            (UInt64(1)...5000).allSatisfy { key in
                table.find(key &* 7919).map { table.key(inSlot: $0) == key &* 7919 } ?? false
            })
    }

    /// `update` adds a key once, changes its value in place and keeps
    /// every slot it gave while the table grows only before an insert.
    @Test func updateAddsOnceAndChangesInPlace() {
        var table = PackedKeyTable(capacity: 2, empty: 0)
        for round in 1...3 {
            for key in UInt64(1)...3000 { _ = table.update(key &* 7919) { $0 += round } }
        }
        #expect((UInt64(1)...3000).allSatisfy { table[key: $0 &* 7919] == 6 })
        #expect(table.count == 3000)
        let slot = table.update(42 &* 7919) { $0 += 1 }
        #expect(table[slot: slot] == 7 && table.find(42 &* 7919) == slot)
    }

    /// A key that occurs twice always may repeat; most keys that occur once do not.
    @Test func repeatFilterHasNoFalseNegatives() {
        let keys = (UInt64(1)...1000).map { $0 << 16 | 0x4E00 } + (UInt64(1)...100).map { $0 << 16 | 0x4E00 }
        let filter = RepeatFilter(keys.span)
        #expect((UInt64(1)...100).allSatisfy { filter.mayRepeat($0 << 16 | 0x4E00) })
        let falsePositives = (UInt64(101)...1000).filter { filter.mayRepeat($0 << 16 | 0x4E00) }.count
        #expect(falsePositives < 100, "\(falsePositives) of 900 keys that occur once pass")
    }
}
