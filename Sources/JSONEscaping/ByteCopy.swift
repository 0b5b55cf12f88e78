/// Appending bytes from a span in one copy: the one place this module
/// writes through the bytes' addresses, for as long as the copy lasts.
/// `Array.append(contentsOf:)` takes any sequence and costs a hundred
/// instructions around each copy; a JSON line makes about sixty.
extension Array where Element == UInt8 {
    /// Appends `bytes`.
    mutating func append(copying bytes: Span<UInt8>) {
        append(addingCapacity: bytes.count) { $0.append(copying: bytes) }
    }
}

extension OutputSpan where Element == UInt8 {
    /// Appends `bytes`, for which there must be room (a precondition).
    mutating func append(copying bytes: Span<UInt8>) {
        withUnsafeMutableBufferPointer { room, initialized in
            bytes.withUnsafeBufferPointer { source in
                _ = room[initialized...].initialize(fromContentsOf: source)
            }
            initialized += bytes.count
        }
    }
}
