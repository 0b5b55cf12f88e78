import PackedKeys

/// Which keys may have been added more than once: two bitmaps indexed by a
/// hash of the key, one for "seen", one for "seen again". A key added twice
/// always passes ``mayRepeat(_:)``; a key added once passes only when it
/// shares its bit with another key (about one key in twenty). It answers "can this be skipped?" for a fraction of the
/// memory and time of a counting table.
struct RepeatFilter {
    private var seen: [UInt64]
    private var seenAgain: [UInt64]
    private let bits: Int

    /// Bits per expected key: 16 keeps a key added once from passing in
    /// more than about 6 % of cases.
    private static let bitsPerKey = 16

    /// A filter for about `capacity` keys.
    init(capacity: Int) {
        var bits = 10
        while 1 << bits < capacity * Self.bitsPerKey { bits += 1 }
        seen = [UInt64](repeating: 0, count: 1 << (bits - 6))
        seenAgain = seen
        self.bits = bits
    }

    private func bit(_ key: UInt64) -> (word: Int, mask: UInt64) {
        let index = PackedKey.hash(key, bits: bits)
        return (index >> 6, 1 << UInt64(index & 63))
    }

    mutating func add(_ key: UInt64) {
        let (word, mask) = bit(key)
        if seen[word] & mask != 0 { seenAgain[word] |= mask } else { seen[word] |= mask }
    }

    /// False only for a key added at most once.
    func mayRepeat(_ key: UInt64) -> Bool {
        let (word, mask) = bit(key)
        return seenAgain[word] & mask != 0
    }
}
