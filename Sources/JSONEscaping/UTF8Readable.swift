/// Text whose UTF-8 bytes can be read where they are: a `String`, or a
/// string of the host's article that a plugin reads in place. ``JSONWriter``
/// writes either as a JSON string without making a `String` of it.
public protocol UTF8Readable {
    /// Calls `body` with the text's UTF-8 bytes, which are valid UTF-8.
    func withUTF8Span<Result>(_ body: (Span<UInt8>) -> Result) -> Result
}

extension String: UTF8Readable {
    public func withUTF8Span<Result>(_ body: (Span<UInt8>) -> Result) -> Result {
        body(utf8.span)
    }
}
