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
    /// else breaks them) in the first `limit` scalars of `text`, in order,
    /// repeats included.
    static func forEachBigram(in text: String, limit: Int, _ body: (UInt64) -> Void) {
        var text = text
        text.makeContiguousUTF8()
        let bytes = text.utf8.span
        var previous: UInt32 = 0
        var index = 0, seen = 0
        while index < bytes.count, seen < limit {
            let (value, length) = UTF8Scan.scalar(in: bytes, at: index)
            index += length
            seen += 1
            guard isWord(value) else {
                previous = 0
                continue
            }
            if previous != 0 { body(UInt64(previous) << 32 | UInt64(value)) }
            previous = value
        }
    }

    @inline(__always)
    private static func isWord(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value)
            || (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
    }
}
