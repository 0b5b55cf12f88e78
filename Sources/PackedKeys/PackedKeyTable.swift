import FilledArrays

/// A hash table from packed keys (any `UInt64` but 0, which marks an empty
/// slot) to values: open addressing with linear probing and a
/// multiplicative hash (``PackedKey/hash(_:bits:)``). In the loops that
/// visit every character (the parser's title matching, summarize's term
/// counts) it is several times cheaper than `Dictionary`, which hashes with
/// SipHash. Inlinable, so that it is specialized where it is used.
///
/// A slot index stays valid until the next ``insert(_:)``, which may grow
/// the table.
public struct PackedKeyTable<Value> {
    @usableFromInline
    struct Entry {
        @usableFromInline var key: UInt64
        @usableFromInline var value: Value

        @inlinable init(key: UInt64, value: Value) {
            self.key = key
            self.value = value
        }
    }

    @usableFromInline var entries: [Entry]
    @usableFromInline let bits: Int
    @usableFromInline var used = 0
    @usableFromInline let empty: Value

    /// Most slots in use before the table doubles: three in four, where
    /// linear probing still finds a key in a step or two.
    @inlinable
    static func isCrowded(used: Int, size: Int) -> Bool { used * 4 >= size * 3 }

    /// A table for about `capacity` keys, whose new entries start as `empty`.
    @inlinable
    public init(capacity: Int, empty: Value) {
        var bits = 4
        while Self.isCrowded(used: capacity, size: 1 << bits) { bits += 1 }
        self.init(bits: bits, empty: empty)
    }

    @inlinable
    init(bits: Int, empty: Value) {
        self.bits = bits
        entries = [Entry](filledWith: Entry(key: 0, value: empty), count: 1 << bits)
        self.empty = empty
    }

    /// The slot that holds `key`, or the empty slot where it would go.
    @inlinable
    func probe(_ key: UInt64) -> Int {
        let mask = entries.count - 1
        var index = PackedKey.hash(key, bits: bits)
        while entries[index].key != 0 && entries[index].key != key { index = (index + 1) & mask }
        return index
    }

    /// The slot of `key`, which is added (with the empty value) if new.
    @inlinable
    public mutating func insert(_ key: UInt64) -> Int {
        if Self.isCrowded(used: used + 1, size: entries.count) { grow() }
        let index = probe(key)
        if entries[index].key == 0 {
            entries[index].key = key
            used += 1
        }
        return index
    }

    /// Adds `key` if new (with the empty value), lets `body` change its
    /// value and returns its slot: one pass over the entries as a span,
    /// where ``insert(_:)`` and then a change through ``subscript(slot:)``
    /// check the array's ownership twice.
    @inlinable
    public mutating func update(_ key: UInt64, _ body: (inout Value) -> Void) -> Int {
        if Self.isCrowded(used: used + 1, size: entries.count) { grow() }
        let start = PackedKey.hash(key, bits: bits)
        var table = entries.mutableSpan
        let mask = table.count &- 1
        var index = start
        while table[index].key != 0 && table[index].key != key { index = (index &+ 1) & mask }
        let isNew = table[index].key == 0
        table[index].key = key
        body(&table[index].value)
        if isNew { used += 1 }
        return index
    }

    /// The slot of `key`, if it is in the table.
    @inlinable
    public func find(_ key: UInt64) -> Int? {
        let index = probe(key)
        return entries[index].key == key ? index : nil
    }

    /// The value of `key`, if it is in the table.
    @inlinable
    public subscript(key key: UInt64) -> Value? { find(key).map { entries[$0].value } }

    /// The value in `slot`.
    @inlinable
    public subscript(slot slot: Int) -> Value {
        get { entries[slot].value }
        _modify { yield &entries[slot].value }
    }

    /// How many keys the table holds.
    @inlinable
    public var count: Int { used }

    /// The key in `slot`, which is in use.
    @inlinable
    public func key(inSlot slot: Int) -> UInt64 { entries[slot].key }

    @inlinable
    mutating func grow() {
        var bigger = PackedKeyTable(bits: bits + 1, empty: empty)
        for entry in entries where entry.key != 0 {
            bigger.entries[bigger.probe(entry.key)] = entry
            bigger.used += 1
        }
        self = bigger
    }
}

/// Keys packed into integers, and the hash that spreads them.
public enum PackedKey {
    /// The top `bits` bits of `key` times 2⁶⁴/φ (Fibonacci hashing): keys
    /// that differ in any lane spread over the whole range.
    @inlinable
    public static func hash(_ key: UInt64, bits: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }
}

extension PackedKeyTable: Sendable where Value: Sendable {}
extension PackedKeyTable.Entry: Sendable where Value: Sendable {}
