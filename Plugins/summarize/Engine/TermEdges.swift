import PackedKeys

/// Which ideographs the repeated terms of a text begin and end with, and
/// how often the most frequent such term occurs: enough to tell a term
/// that straddles the boundary between two words (权保 in 维权保险 and
/// 知识产权保护) from a word.
struct TermEdges {
    /// By the packed first or last one to three ideographs of a term (with
    /// their number in the top bits), the highest count of a term that
    /// begins (`openings`) or ends (`endings`) with them and goes on past them.
    private var openings: PackedKeyTable<Int32>
    private var endings: PackedKeyTable<Int32>

    init(_ terms: [(key: UInt64, value: TermCounts.TermStats)]) {
        openings = PackedKeyTable(capacity: terms.count * 3, empty: 0)
        endings = PackedKeyTable(capacity: terms.count * 3, empty: 0)
        for (key, stat) in terms {
            for part in 1..<stat.length {
                let head = Self.tagged(PackedTerm.head(key, length: stat.length, keeping: part), part)
                let tail = Self.tagged(PackedTerm.tail(key, keeping: part), part)
                let opening = openings.insert(head)
                openings[slot: opening] = max(openings[slot: opening], stat.count)
                let ending = endings.insert(tail)
                endings[slot: ending] = max(endings[slot: ending], stat.count)
            }
        }
    }

    /// Whether the term `key` (`length` ideographs, seen `count` times) can
    /// be cut in two where one term at least as frequent ends with its
    /// first part and another at least as frequent begins with its second.
    func straddlesABoundary(_ key: UInt64, length: Int, count: Int32) -> Bool {
        (1..<length).contains { cut in
            let first = Self.tagged(PackedTerm.head(key, length: length, keeping: cut), cut)
            let second = Self.tagged(PackedTerm.tail(key, keeping: length - cut), length - cut)
            return (endings[key: first] ?? 0) >= count && (openings[key: second] ?? 0) >= count
        }
    }

    /// A part with its length in the top bits, so that parts of different
    /// lengths never share a key (and none is 0, the table's empty key).
    private static func tagged(_ part: UInt64, _ length: Int) -> UInt64 {
        part | UInt64(length) << 60
    }
}
