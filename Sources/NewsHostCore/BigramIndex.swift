/// Character bigrams of letters, digits and ideographs, as used to match
/// titles to bodies, and a table numbering the bigrams the titles hold so a
/// body's share of them is a bit set.
struct BigramIndex {
    /// Open addressing, linear probing; 0 marks an empty slot (no bigram is 0).
    private var keys: [UInt64]
    private var ids: [Int32]
    private var mask: Int
    /// A 4,096-bit filter of the numbered bigrams' second characters: most
    /// bigrams of a body are ruled out by one bit before the table is probed.
    private var secondCharacters = [UInt64](repeating: 0, count: 64)
    /// How many distinct bigrams are numbered (ids run from 0 to `count - 1`).
    private(set) var count = 0

    init() {
        keys = [UInt64](repeating: 0, count: 256)
        ids = [Int32](repeating: 0, count: 256)
        mask = 255
    }

    /// The id of `gram`, numbering it if it is new.
    mutating func insert(_ gram: UInt64) -> Int {
        var slot = Self.slot(gram, mask)
        while keys[slot] != 0 {
            if keys[slot] == gram { return Int(ids[slot]) }
            slot = (slot + 1) & mask
        }
        keys[slot] = gram
        ids[slot] = Int32(count)
        let character = Int(truncatingIfNeeded: gram) & 4095
        secondCharacters[character >> 6] |= 1 << UInt64(character & 63)
        count += 1
        if count * 4 > keys.count { grow() }
        return count - 1
    }

    /// The id of `gram`, or `nil` when no title holds it.
    func id(of gram: UInt64) -> Int? {
        let character = Int(truncatingIfNeeded: gram) & 4095
        guard secondCharacters[character >> 6] & (1 << UInt64(character & 63)) != 0 else { return nil }
        var slot = Self.slot(gram, mask)
        while keys[slot] != 0 {
            if keys[slot] == gram { return Int(ids[slot]) }
            slot = (slot + 1) & mask
        }
        return nil
    }

    private mutating func grow() {
        let old = zip(keys, ids).filter { $0.0 != 0 }
        keys = [UInt64](repeating: 0, count: keys.count * 2)
        ids = [Int32](repeating: 0, count: keys.count)
        mask = keys.count - 1
        for (gram, id) in old {
            var slot = Self.slot(gram, mask)
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = gram
            ids[slot] = id
        }
    }

    @inline(__always)
    private static func slot(_ gram: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (gram &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    /// Calls `body` with each bigram of letters and ideographs (anything
    /// else breaks them) in the first `limit` scalars of `texts`, read as
    /// one text with a line break between each, in order, repeats included.
    /// A bigram is the two characters' UTF-8 bytes side by side, read
    /// without decoding: letters, digits and the ideographs of U+3400–U+4DBF
    /// and U+4E00–U+9FFF are told apart by their bytes alone.
    static func forEachBigram(in texts: [String], limit: Int, _ body: (UInt64) -> Void) {
        var seen = 0
        for (index, text) in texts.enumerated() {
            if index > 0 { seen += 1 }
            guard seen < limit else { return }
            scan(text, seen: &seen, limit: limit, body)
        }
    }

    private static func scan(_ text: String, seen: inout Int, limit: Int, _ body: (UInt64) -> Void) {
        var text = text
        text.makeContiguousUTF8()
        let bytes = text.utf8.span
        var previous: UInt64 = 0
        var index = 0
        while index < bytes.count, seen < limit {
            seen += 1
            let lead = bytes[index]
            var character: UInt64 = 0
            if lead < 0x80 {
                index += 1
                if (0x30...0x39).contains(lead) || (0x41...0x5A).contains(lead) || (0x61...0x7A).contains(lead) { character = UInt64(lead) }
            } else if lead < 0xE0 {
                index += lead < 0xC0 ? 1 : 2
            } else if lead < 0xF0 {
                let second = bytes[index + 1]
                // U+3400–U+3FFF (E3 90–BF), U+4000–U+4DBF (E4 but not E4 B7), U+5000–U+9FFF (E5–E9).
                if (0xE5...0xE9).contains(lead) || (lead == 0xE4 && second != 0xB7) || (lead == 0xE3 && second >= 0x90) {
                    character = UInt64(lead) << 16 | UInt64(second) << 8 | UInt64(bytes[index + 2])
                }
                index += 3
            } else {
                index += 4
            }
            if character != 0, previous != 0 { body(previous << 32 | character) }
            previous = character
        }
    }
}
