extension String {
    /// A string of `bytes`, copied without the standard library checking
    /// them: the module's one unchecked conversion. Sound only for valid
    /// UTF-8, which each caller guarantees: ``UTF8Builder`` by the slices it
    /// accepts, ``UTF8Validation/string(validating:)`` by its check.
    @usableFromInline
    init(checkedUTF8 bytes: Span<UInt8>) {
        self = String(copying: unsafe UTF8Span(unchecked: bytes, isKnownASCII: false))
    }
}
