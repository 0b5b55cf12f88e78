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
            articles = try ArticleJSONReader.articles(
                from: text, source: source.name, path: source.displayPath, skip: skip)
        case .pageRecords:
            articles = try PageRecords.articles(from: text, path: source.displayPath, parser: parser, skip: skip)
        case .page:
            return parser.parse(text, source: source.name)
        }
        var page = Page(source: source.name, articles: articles)
        page.skipped = skipped
        return page
    }

    /// The longest line of a JSON Lines or page-records input: twice the
    /// page limit, room for a page record's base64 or escaped text.
    public var maximumLineBytes: Int {
        maximumPageBytes.multipliedReportingOverflow(by: 2).overflow ? .max : maximumPageBytes * 2
    }

    /// How an input is read: whole (a page, parsed by one worker), as a
    /// stream of line pieces, or to be told from its first bytes.
    public enum Plan: Equatable, Sendable {
        case whole
        case lines(InputFormat)
        case sniff
    }

    /// The plan for `source`: an explicit format or the file name decide;
    /// stdin and other names are sniffed.
    public func plan(for source: InputSource) -> Plan {
        switch format ?? source.declaredFormat {
        case .page: return .whole
        case .jsonLines: return .lines(.jsonLines)
        case .pageRecords: return .lines(.pageRecords)
        case nil: return .sniff
        }
    }

    /// The articles of one piece of a line-oriented input, and the error of
    /// the first bad line when bad records are not skipped (the articles
    /// before it are kept; the input ends there).
    public func read(
        _ chunk: LineChunks.Chunk, format: InputFormat, from source: InputSource
    ) -> (page: Page, stoppedBy: InputError?) {
        var page = Page(source: source.name, articles: [])
        guard !chunk.bytes.allSatisfy(ArticleJSONReader.isASCIIWhitespace) else { return (page, nil) }
        let path = source.displayPath
        var skipped: [InputError] = []
        let skip: ((InputError) -> Void)? = skipsBadRecords ? { skipped.append($0) } : nil
        var articles: [Article] = []
        var stoppedBy: InputError?
        do {
            let text = try TextDecoding.decode(chunk.bytes, path: path)
            switch format {
            case .pageRecords:
                try PageRecords.append(
                    from: text, at: chunk.position, path: path, parser: parser, skip: skip, to: &articles)
            case .jsonLines, .page:
                try ArticleJSONReader.append(
                    from: text, at: chunk.position, source: source.name, path: path, skip: skip, to: &articles)
            }
        } catch let error as InputError {
            stoppedBy = error
        } catch {
            stoppedBy = .unreadable(path: path, reason: "\(error)")
        }
        page.articles = articles
        page.skipped = skipped
        return (page, stoppedBy)
    }
}
