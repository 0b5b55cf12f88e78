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
        bits = Self.bits(capacity: capacity)
        seen = [UInt64](repeating: 0, count: 1 << (bits - 6))
        seenAgain = seen
    }

    private static func bits(capacity: Int) -> Int {
        var bits = 10
        while 1 << bits < capacity * Self.bitsPerKey { bits += 1 }
        return bits
    }

    /// A filter of every key of `keys`, added in one pass over spans (no
    /// ownership check per key, as ``add(_:)`` has).
    init(_ keys: Span<UInt64>) {
        let bits = Self.bits(capacity: keys.count)
        var seen = [UInt64](repeating: 0, count: 1 << (bits - 6))
        var seenAgain = seen
        var first = seen.mutableSpan
        var again = seenAgain.mutableSpan
        for index in keys.indices {
            let (word, mask) = Self.bit(keys[index], bits: bits)
            if first[word] & mask != 0 { again[word] |= mask } else { first[word] |= mask }
        }
        self.seen = seen
        self.seenAgain = seenAgain
        self.bits = bits
    }

    @inline(__always)
    private static func bit(_ key: UInt64, bits: Int) -> (word: Int, mask: UInt64) {
        let index = PackedKey.hash(key, bits: bits)
        return (index >> 6, 1 << UInt64(index & 63))
    }

    private func bit(_ key: UInt64) -> (word: Int, mask: UInt64) { Self.bit(key, bits: bits) }

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
