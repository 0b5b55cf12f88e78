/// Reads inputs and parses them into pages: the front of every run.
public struct PageReader: Sendable {
    /// The parser that turns text into articles.
    public var parser: any PageParser
    /// The largest page accepted, in bytes (16 MiB; `--max-page-mb`): real
    /// pages are tens of kilobytes, and parsing time grows faster than size.
    public var maximumPageBytes = 16 << 20
    /// What every input holds (`--input-format`); nil to tell by the file
    /// name, and by content only where the name does not say.
    public var format: InputFormat?
    /// Whether a bad line of a JSON Lines or page-records input is skipped
    /// (and listed in ``Page/skipped``) rather than refusing the whole input.
    public var skipsBadRecords = false

    /// Creates a reader around `parser`.
    public init(parser: any PageParser = LayoutPageParser()) {
        self.parser = parser
    }

    /// Reads, decodes and parses one input: a page dump, or JSON Lines of
    /// articles. The file name decides (``InputSource/declaredFormat``);
    /// only without a telling extension is the content looked at.
    ///
    /// - Throws: ``InputError`` when the input cannot be read or is not text.
    public func read(_ source: InputSource) throws -> Page {
        try read(bytes: try source.readBytes(pageLimit: maximumPageBytes), from: source)
    }

    /// Decodes and parses bytes already read from `source`.
    public func read(bytes: [UInt8], from source: InputSource) throws -> Page {
        // An empty stdin is an empty partition (Spark, a pipe): no articles, no error.
        if source.displayPath == "-", bytes.allSatisfy(ArticleJSONReader.isASCIIWhitespace) {
            return Page(source: source.name, articles: [])
        }
        if bytes.isEmpty { throw InputError.empty(path: source.displayPath) }
        let text = try TextDecoding.decode(bytes, path: source.displayPath)
        // An explicit format never sniffs.
        var skipped: [InputError] = []
        let skip: ((InputError) -> Void)? = skipsBadRecords ? { skipped.append($0) } : nil
        let articles: [Article]
        switch format ?? source.declaredFormat ?? (ArticleJSONReader.looksLikeJSONLines(text) ? .jsonLines : .page) {
        case .jsonLines:
            articles = try ArticleJSONReader.articles(from: text, source: source.name, path: source.displayPath, skip: skip)
        case .pageRecords:
            articles = try PageRecords.articles(from: text, path: source.displayPath, parser: parser, skip: skip)
        case .page:
            return parser.parse(text, source: source.name)
        }
        var page = Page(source: source.name, articles: articles)
        page.skipped = skipped
        return page
    }
}
