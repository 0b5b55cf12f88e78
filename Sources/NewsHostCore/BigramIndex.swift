import FilledArrays
import PackedKeys

/// Character bigrams of letters, digits and ideographs, as used to match
/// titles to bodies, and a table numbering the bigrams the titles hold so a
/// body's share of them is a bit set.
///
/// A character is its UTF-8 bytes read as one number, without decoding:
/// letters, digits and the ideographs of U+3400–U+4DBF and U+4E00–U+9FFF are
/// told apart by their bytes alone. Anything else breaks bigrams. A bigram is
/// two characters side by side.
struct BigramIndex {
    /// Each numbered bigram's id.
    private var ids: PackedKeyTable<Int32>
    /// A 4,096-bit filter of the characters in numbered bigrams, by the low
    /// 12 bits of their scalar value: most characters of a body are in no
    /// title, and one bit rules them out before the table is probed.
    private var characters = [UInt64](filledWith: 0, count: 64)
    /// How many distinct bigrams are numbered (ids run from 0 to `count - 1`).
    private(set) var count = 0

    /// An empty table with room for about `capacity` bigrams before it
    /// grows.
    init(capacity: Int = 64) {
        ids = PackedKeyTable(capacity: capacity, empty: -1)
    }

    /// The id of `gram`, numbering it if it is new.
    mutating func insert(_ gram: UInt64) -> Int {
        let slot = ids.insert(gram)
        if ids[slot: slot] >= 0 { return Int(ids[slot: slot]) }
        ids[slot: slot] = Int32(count)
        let first = Self.filterKey(gram >> 32)
        let second = Self.filterKey(gram & 0xFFFF_FFFF)
        characters[first >> 6] |= 1 << UInt64(first & 63)
        characters[second >> 6] |= 1 << UInt64(second & 63)
        count += 1
        return count - 1
    }

    /// The filter bit of a character: its scalar value's low 12 bits (an
    /// ASCII character is its own value). The scan computes the same key
    /// from the character's bytes.
    @inline(__always)
    private static func filterKey(_ character: UInt64) -> Int {
        character < 0x80
            ? Int(character)
            : Int(truncatingIfNeeded: (character >> 8) & 0x3F) << 6 | Int(truncatingIfNeeded: character & 0x3F)
    }

    /// Which numbered bigrams the first `limit` scalars of `texts` hold, read
    /// as one text with a line break between each, as a bit set by id.
    ///
    /// This is the parser's hottest loop (every body character passes
    /// through it): a character no title holds is ruled out by one filter
    /// bit before anything else is done with it, and only a pair of
    /// characters that both pass is looked up.
    func bits(in texts: [String], limit: Int) -> [UInt64] {
        var bits = [UInt64](filledWith: 0, count: (count + 63) / 64)
        guard count > 0 else { return bits }
        let filter = characters.span
        let ids = self.ids
        Self.forEachBigram(
            in: texts, limit: limit,
            admitting: { filter[$0 &>> 6] & (1 &<< UInt64($0 & 63)) != 0 },
            { gram in
                guard let id = ids[key: gram].map(Int.init) else { return }
                bits[id &>> 6] |= 1 &<< UInt64(id & 63)
            })
        return bits
    }

    /// Calls `body` with each bigram in the first `limit` scalars of
    /// `texts`, read as one text with a line break between each, in order,
    /// repeats included.
    static func forEachBigram(in texts: [String], limit: Int, _ body: (UInt64) -> Void) {
        forEachBigram(in: texts, limit: limit, admitting: { _ in true }, body)
    }

    /// The same, leaving out every bigram with a character whose filter key
    /// (``filterKey(_:)``) `admits` refuses: such a character breaks bigrams
    /// as a mark does. The key is tested before the character is composed,
    /// since most characters of a body are refused.
    @inline(__always)
    private static func forEachBigram(
        in texts: [String], limit: Int, admitting admits: (Int) -> Bool,
        _ body: (UInt64) -> Void
    ) {
        var seen = 0
        for (position, text) in texts.enumerated() {
            if position > 0 { seen += 1 }
            guard seen < limit else { return }
            var text = text
            text.makeContiguousUTF8()
            let bytes = text.utf8.span
            var previous: UInt64 = 0
            var index = 0
            while index < bytes.count, seen < limit {
                seen &+= 1
                let lead = bytes[index]
                let character: UInt64
                if lead &- 0xE3 < 7 {
                    let second = bytes[index &+ 1]
                    let third = bytes[index &+ 2]
                    index &+= 3
                    // U+3400–U+3FFF (E3 90–BF), U+4000–U+4DBF (E4 but not E4 B7), U+5000–U+9FFF (E5–E9).
                    guard admits(Int(second & 0x3F) &<< 6 | Int(third & 0x3F)),
                        lead >= 0xE5 || (lead == 0xE4 ? second != 0xB7 : second >= 0x90)
                    else {
                        previous = 0
                        continue
                    }
                    character = UInt64(lead) &<< 16 | UInt64(second) &<< 8 | UInt64(third)
                } else if lead < 0x80 {
                    index &+= 1
                    guard isLetterOrDigit(lead), admits(Int(lead)) else {
                        previous = 0
                        continue
                    }
                    character = UInt64(lead)
                } else {
                    index &+= lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                    previous = 0
                    continue
                }
                if previous != 0 { body(previous &<< 32 | character) }
                previous = character
            }
        }
    }

    @inline(__always)
    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26
    }
}
