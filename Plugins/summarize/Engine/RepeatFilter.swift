import FilledArrays
import PackedKeys

/// Which keys may occur more than once: two bitmaps indexed by a hash of
/// the key, one for "seen", one for "seen again". A key that occurs twice
/// always passes ``mayRepeat(_:)``; a key that occurs once passes only when
/// it shares its bit with another key (about one key in twenty). It answers
/// "can this be skipped?" for a fraction of the memory and time of a
/// counting table.
struct RepeatFilter {
    /// The two bitmaps word by word, interleaved: "seen" in even words,
    /// "seen again" in odd ones. One array is one allocation, and the two
    /// words a key touches share a cache line.
    private let words: [UInt64]
    private let bits: Int

    /// Bits per key: 16 keeps a key that occurs once from passing in more
    /// than about 6 % of cases.
    private static let bitsPerKey = 16

    /// The filter of `keys`, made in one pass over spans (no ownership
    /// check per key).
    init(_ keys: Span<UInt64>) {
        var bits = 10
        while 1 << bits < keys.count * Self.bitsPerKey { bits += 1 }
        var words = [UInt64](filledWith: 0, count: 2 << (bits - 6))
        var output = words.mutableSpan
        for index in keys.indices {
            let (word, mask) = Self.bit(keys[index], bits: bits)
            // Seen before: seen again. Without a branch, which would go
            // either way at random.
            output[2 &* word &+ 1] |= output[2 &* word] & mask
            output[2 &* word] |= mask
        }
        self.words = words
        self.bits = bits
    }

    @inline(__always)
    private static func bit(_ key: UInt64, bits: Int) -> (word: Int, mask: UInt64) {
        let index = PackedKey.hash(key, bits: bits)
        return (index >> 6, 1 << UInt64(index & 63))
    }

    /// False only for a key that occurs at most once. Always inlined: it is
    /// asked for every bigram.
    @inline(__always)
    func mayRepeat(_ key: UInt64) -> Bool {
        let (word, mask) = Self.bit(key, bits: bits)
        return words[2 &* word &+ 1] & mask != 0
    }
}
