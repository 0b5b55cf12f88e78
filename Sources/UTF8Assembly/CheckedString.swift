extension String {
    /// A string of `bytes`, copied without the standard library checking
    /// them: the module's one unchecked conversion. Sound only for valid
    /// UTF-8, which each caller guarantees: ``UTF8Builder`` by the slices it
    /// accepts, ``UTF8Validation/string(validating:)`` by its check.
    @usableFromInline
    init(checkedUTF8 bytes: Span<UInt8>) {
        // Up to 15 bytes (a label, a keyword of five ideographs) fit in a
        // small string, which this makes without an allocation; copying a
        // UTF8Span always allocates.
        guard bytes.count > 15 else {
            self = String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for index in bytes.indices { buffer[index] = bytes[index] }
                return bytes.count
            }
            return
        }
        self = String(copying: unsafe UTF8Span(unchecked: bytes, isKnownASCII: false))
    }
}
