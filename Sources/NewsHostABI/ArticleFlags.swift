import CNewsHostPlugin

/// What the host vouches for in one article: `nh_article.flags` (ABI 1.2),
/// the header's `NH_ARTICLE_*` bits.
public struct ArticleFlags: OptionSet, Hashable, Sendable {
    /// The `uint64_t` as the host wrote it.
    public var rawValue: UInt64

    public init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    /// `NH_ARTICLE_VALID_UTF8`: every string of the article (its record
    /// excepted) is valid UTF-8, checked by the host, so a plugin may read
    /// it as text without checking again. The host sets it on the articles
    /// it parsed; the conformance suite's hostile articles never have it.
    public static let validUTF8 = ArticleFlags(rawValue: UInt64(NH_ARTICLE_VALID_UTF8))

    /// The flags of `article`: none when its `struct_size` ends before
    /// `flags` (a 1.0 or 1.1 host, which vouches for nothing).
    public init(of article: nh_article) {
        self.init(rawValue: article.has(\.flags) ? article.flags : 0)
    }
}
