/// What a parser recovered from one page.
public struct Page: Hashable, Sendable {
    /// The input the page came from.
    public var source: String
    /// The articles, in page order.
    public var articles: [Article]
    /// Lines that belong to no article (section labels, page furniture,
    /// titles whose body is not on this page), kept rather than dropped.
    public var furniture: [String]
    /// Records of a JSON Lines or page-records input that were skipped
    /// because they could not be read (``PageReader/skipsBadRecords``).
    public var skipped: [InputError] = []

    /// Creates a page.
    public init(source: String, articles: [Article], furniture: [String] = []) {
        self.source = source
        self.articles = articles
        self.furniture = furniture
    }
}

/// Turns the decoded text of one page into articles.
///
/// Implementations must accept any text without crashing and take time
/// linear in its length.
public protocol PageParser: Sendable {
    /// Parses `text`, naming the articles after `source`.
    func parse(_ text: String, source: String) -> Page
}
