import CNewsHostPlugin
import JSONEscaping
import UTF8Assembly

/// A string of the article a plugin reads in place (``ArticleView``): the
/// host's own UTF-8 bytes, nothing copied. Like the view, it is valid only
/// until the hook returns; keep ``string`` if you need the text later.
public struct BorrowedText: UTF8Readable {
    @usableFromInline let raw: nh_str
    /// The host vouched that the bytes are valid UTF-8 (`NH_ARTICLE_VALID_UTF8`).
    @usableFromInline let isValidUTF8: Bool

    /// The number of UTF-8 bytes.
    public var utf8Count: Int { raw.data == nil ? 0 : raw.len }

    /// Whether the text is empty.
    public var isEmpty: Bool { utf8Count == 0 }

    /// A copy, invalid UTF-8 replaced by U+FFFD.
    public var string: String { StringBridge.string(raw) }

    /// Calls `body` with the bytes where the host put them when they are
    /// valid UTF-8: vouched for by the host (`NH_ARTICLE_VALID_UTF8`, on
    /// every article it parsed), or checked here. Otherwise (the
    /// conformance suite's hostile articles) it calls `body` with a
    /// repaired copy, so that what `body` reads is always valid UTF-8.
    ///
    /// Inlinable, for the bytes the host vouched for: the caller's `body`
    /// is then inlined, where every text a plugin reads cost a generic call.
    @inlinable
    public func withUTF8Span<Result>(_ body: (Span<UInt8>) -> Result) -> Result {
        isValidUTF8 ? withBytes(body) : withCheckedUTF8Span(body)
    }

    /// ``withUTF8Span(_:)`` for bytes the host did not vouch for.
    @usableFromInline
    func withCheckedUTF8Span<Result>(_ body: (Span<UInt8>) -> Result) -> Result {
        withBytes { span in
            guard UTF8Validation.isValid(span) else { return string.withUTF8Span(body) }
            return body(span)
        }
    }

    /// Calls `body` with the bytes where the host put them, as they are.
    @inlinable
    func withBytes<Result>(_ body: (Span<UInt8>) -> Result) -> Result {
        guard let data = raw.data, raw.len > 0 else { return body(Span()) }
        return body(UnsafeRawBufferPointer(start: data, count: raw.len).assumingMemoryBound(to: UInt8.self).span)
    }

    /// Appends the bytes as the host put them, unchecked: for work on bytes
    /// that any byte string serves (matching UTF-8 patterns, counting), not
    /// for text that must be valid UTF-8 (``withUTF8Span(_:)`` is).
    public func appendBytes(to output: inout [UInt8]) {
        guard let data = raw.data, raw.len > 0 else { return }
        output.append(contentsOf: UnsafeRawBufferPointer(start: data, count: raw.len))
    }

    /// No text.
    static var empty: BorrowedText { BorrowedText(raw: nh_str(data: nil, len: 0), isValidUTF8: true) }
}

/// A list of the article's strings (titles, paragraphs, …), read in place.
public struct BorrowedTexts: RandomAccessCollection {
    let raw: nh_str_list
    /// The host vouched that every string is valid UTF-8.
    let isValidUTF8: Bool

    public var startIndex: Int { 0 }
    public var endIndex: Int { raw.items == nil ? 0 : raw.count }

    public subscript(position: Int) -> BorrowedText {
        precondition(indices.contains(position), "BorrowedTexts index out of range")
        return BorrowedText(raw: raw.items![position], isValidUTF8: isValidUTF8)
    }

    /// No strings.
    static var empty: BorrowedTexts { BorrowedTexts(raw: nh_str_list(items: nil, count: 0), isValidUTF8: true) }
}
