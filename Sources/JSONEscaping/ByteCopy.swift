import CByteScan

/// Appending bytes in one write: the one place this module hands out the
/// address of an array's room, to a copy or to C (`nh_copy_bytes`,
/// `nh_json_plain_string`, `nh_shortest_decimal`), for as long as the
/// write lasts. `Array.append(contentsOf:)` takes any sequence and costs a
/// hundred instructions around each copy; a JSON line makes about sixty.
extension Array where Element == UInt8 {
    /// Appends `bytes`. Nothing is appended for none: appending nothing to
    /// an empty array writes to the storage every empty array shares, a
    /// race between threads (see `Array(filledWith:count:)`).
    @usableFromInline
    mutating func append(copying bytes: Span<UInt8>) {
        guard !bytes.isEmpty else { return }
        append(atMost: bytes.count) { out in
            bytes.withUnsafeBufferPointer { nh_copy_bytes(out, $0.baseAddress, $0.count) }
            return bytes.count
        }
    }

    /// Appends the bytes `write` writes to the address it is given, where
    /// there is room for `limit`; it returns how many it wrote, at most
    /// `limit`, and so does this.
    @discardableResult
    mutating func append(atMost limit: Int, writtenBy write: (UnsafeMutablePointer<UInt8>) -> Int) -> Int {
        var written = 0
        append(addingCapacity: limit) { room in
            room.withUnsafeMutableBufferPointer { buffer, initialized in
                precondition(buffer.count - initialized >= limit, "no room for the bytes")
                written = write(buffer.baseAddress! + initialized)
                precondition(written >= 0 && written <= limit, "more bytes written than there was room for")
                initialized += written
            }
        }
        return written
    }

    /// Appends a copy of the array's own bytes in `range`, which must be
    /// within it: where copying them out first cost an array of its own.
    mutating func append(copyingOwn range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "a range of the array's own bytes")
        guard !range.isEmpty else { return }
        let end = count
        // Room first (zeros), then the copy within one buffer: the array
        // cannot be read while `append(addingCapacity:)` writes to it.
        append(addingCapacity: range.count) { $0.append(repeating: 0, count: range.count) }
        withUnsafeMutableBufferPointer { all in
            let base = all.baseAddress!
            (base + end).update(from: base + range.lowerBound, count: range.count)
        }
    }
}
