/// A body decoded once into Unicode scalar values, with its sentences as
/// ranges of positions and the bigrams of those sentences: what the
/// summarizer and the keyword extractor both read, made once for both.
/// Integer positions into one array, instead of `String` indexes and a
/// `String` per sentence, keep every pass a loop over integers.
public struct ScalarText: Sendable {
    /// The text's Unicode scalar values.
    public let scalars: [UInt32]
    /// Its sentences (see ``Sentences``), trimmed and non-empty.
    public let sentences: [Range<Int>]
    /// The bigrams of its sentences.
    let bigrams: WordBigrams

    /// Most characters read of a body; the rest is not decoded. Every pass
    /// after decoding takes time and memory in proportion to what it reads,
    /// and the sentence limits (``Summarizer/maximumSentences``,
    /// ``KeywordExtractor/maximumSentences``) stop the reading of any real
    /// article well before: 400 sentences of news are about 15,000
    /// characters. A body without sentence ends has no such stop: 5 million
    /// characters of one run of text took summarize 1 GB before this limit.
    public static let characterLimit = 100_000

    /// Decodes `text` (up to ``characterLimit`` characters) and finds at
    /// most `sentenceLimit` sentences (the text after them is not split).
    public init(_ text: String, sentenceLimit: Int = .max) {
        self.init(utf8: text.utf8.span, sentenceLimit: sentenceLimit)
    }

    /// Decodes `utf8`, which is valid UTF-8, up to `characterLimit`
    /// characters, and finds at most `sentenceLimit` sentences.
    public init(utf8: Span<UInt8>, sentenceLimit: Int = .max, characterLimit: Int = Self.characterLimit) {
        let scalars = Self.decode(utf8, limit: characterLimit)
        let sentences = Sentences.ranges(in: scalars, limit: sentenceLimit)
        bigrams = WordBigrams(scalars.span, sentences: sentences)
        self.scalars = scalars
        self.sentences = sentences
    }

    /// The text of `range`.
    public func string(_ range: Range<Int>) -> String { Self.string(scalars[range]) }

    /// The text of `scalars`, which are valid Unicode scalar values,
    /// encoded straight into the string's storage: a keyword's few
    /// characters fit in a small string, which needs no allocation at all.
    static func string(_ scalars: some Collection<UInt32>) -> String {
        // The exact length: a capacity past 15 bytes would make the string
        // allocate however short it ends up.
        var length = 0
        for value in scalars { length &+= value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4 }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var count = 0
            func put(_ byte: UInt32) {
                buffer[count] = UInt8(truncatingIfNeeded: byte)
                count &+= 1
            }
            for value in scalars {
                switch value {
                case 0..<0x80:
                    put(value)
                case 0x80..<0x800:
                    put(0xC0 | value >> 6)
                    put(0x80 | value & 0x3F)
                case 0x800..<0x10000:
                    put(0xE0 | value >> 12)
                    put(0x80 | value >> 6 & 0x3F)
                    put(0x80 | value & 0x3F)
                default:
                    put(0xF0 | value >> 18)
                    put(0x80 | value >> 12 & 0x3F)
                    put(0x80 | value >> 6 & 0x3F)
                    put(0x80 | value & 0x3F)
                }
            }
            return count
        }
    }

    /// The first `limit` scalar values of `utf8`, which is valid UTF-8, by
    /// hand: iterating `unicodeScalars` costs several times as much.
    private static func decode(_ utf8: Span<UInt8>, limit: Int) -> [UInt32] {
        let limit = max(0, limit)
        // A character is one to four bytes, so the first `limit` lie within
        // the first 4 × `limit` bytes: decoded up to there (cut where a
        // character starts), and what comes past the limit dropped. The loop
        // itself then has no limit to test.
        var end = utf8.count
        if limit < end {
            end = min(end, 4 * limit)
            while end < utf8.count && utf8[end] & 0xC0 == 0x80 { end -= 1 }
        }
        var scalars = [UInt32](capacity: end) { decode(utf8.extracting(0..<end), into: &$0) }
        if scalars.count > limit { scalars.removeSubrange(limit...) }
        return scalars
    }

    /// Appends the scalar values of `utf8` to `scalars`. Two three-byte
    /// characters (nearly all of a Chinese body) are read as one word; a
    /// lone one as half a word; the others byte by byte.
    private static func decode(_ utf8: Span<UInt8>, into scalars: inout OutputSpan<UInt32>) {
        let raw = utf8.bytes
        var index = 0
        while index < utf8.count {
            if index &+ 8 <= utf8.count {
                let word = raw.unsafeLoadUnaligned(fromByteOffset: index, as: UInt64.self).littleEndian
                // Leads at bytes 0 and 3: the input is valid UTF-8, so the
                // bytes between are continuations.
                if word & 0xF0_0000_F0 == 0xE0_0000_E0 {
                    scalars.append(Self.threeByteValue(UInt32(truncatingIfNeeded: word)))
                    scalars.append(Self.threeByteValue(UInt32(truncatingIfNeeded: word >> 24)))
                    index &+= 6
                    continue
                }
            }
            if index &+ 4 <= utf8.count {
                let word = raw.unsafeLoadUnaligned(fromByteOffset: index, as: UInt32.self).littleEndian
                if word & 0xF0 == 0xE0 {
                    scalars.append(Self.threeByteValue(word))
                    index &+= 3
                    continue
                }
            }
            let lead = UInt32(utf8[index])
            var value: UInt32
            switch lead {
            case 0..<0x80:
                value = lead
                index &+= 1
            case 0xC0..<0xE0:
                value = (lead & 0x1F) << 6 | UInt32(utf8[index &+ 1] & 0x3F)
                index &+= 2
            case 0xE0..<0xF0:
                value = (lead & 0x0F) << 12 | UInt32(utf8[index &+ 1] & 0x3F) << 6 | UInt32(utf8[index &+ 2] & 0x3F)
                index &+= 3
            default:
                value = (lead & 0x07) << 18 | UInt32(utf8[index &+ 1] & 0x3F) << 12
                value |= UInt32(utf8[index &+ 2] & 0x3F) << 6 | UInt32(utf8[index &+ 3] & 0x3F)
                index &+= 4
            }
            scalars.append(value)
        }
    }

    /// The value of the three-byte character in the low bytes of `word`
    /// (little-endian: the lead first).
    @inline(__always)
    private static func threeByteValue(_ word: UInt32) -> UInt32 {
        (word & 0x0F) << 12 | (word >> 8 & 0x3F) << 6 | (word >> 16 & 0x3F)
    }
}

/// The character classes summarize reads text by, on scalar values. Each is
/// decided by ranges first: the Unicode property tables are slow in the
/// loops that visit every character, so they only see rare characters.
enum CharacterClass {
    /// CJK ideographs: the Unified Ideographs and Extension A (U+3400–U+9FFF).
    static let ideographs: ClosedRange<UInt32> = 0x3400...0x9FFF

    static func isIdeograph(_ value: UInt32) -> Bool { ideographs.contains(value) }

    /// ASCII digits and letters.
    static func isASCIIAlphanumeric(_ value: UInt32) -> Bool {
        (0x30...0x39).contains(value) || isASCIILetter(value)
    }

    static func isASCIILetter(_ value: UInt32) -> Bool {
        (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
    }

    /// Letters, digits and ideographs: what words are made of. CJK and
    /// general punctuation (U+3000–U+303F, U+FF00–U+FF0F, U+2000–U+206F)
    /// is not.
    static func isWordCharacter(_ value: UInt32) -> Bool {
        switch value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, ideographs, fullWidthDigits, fullWidthUpper, fullWidthLower:
            return true
        case 0..<0x80, 0x2000...0x206F, 0x3000...0x303F, fullWidthPunctuation: return false
        default:
            guard let scalar = Unicode.Scalar(value) else { return false }
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }

    private static let fullWidthDigits: ClosedRange<UInt32> = 0xFF10...0xFF19
    private static let fullWidthUpper: ClosedRange<UInt32> = 0xFF21...0xFF3A
    private static let fullWidthLower: ClosedRange<UInt32> = 0xFF41...0xFF5A
    /// The full-width forms block less its digits and letters: ！＂…／, ：…＠,
    /// ［…｀, ｛…･ (U+FF00–U+FF65).
    private static let fullWidthPunctuation: ClosedRange<UInt32> = 0xFF00...0xFF65

    /// White space: Unicode's White_Space property, spelled out (it is a
    /// fixed list of 25 characters), the ideographic space U+3000 included.
    static func isSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
