extension JSONWriter {
    /// The members of a parsed article, in the order and under the keys
    /// `newshost parse` writes them and export-jsonl begins its lines with
    /// (so either output reads back as input). A `nil` headline or dateline
    /// is `null`; the body is written from the paragraphs.
    @inlinable
    public mutating func articleMembers<Text: UTF8Readable, Texts: Sequence<Text>>(
        id: Text, source: Text, index: some BinaryInteger, headline: Text?, titles: Texts,
        bylines: Texts, dateline: Text?, paragraphs: Texts, captions: Texts,
        subheadings: Texts, notes: Texts
    ) {
        member(ArticleKeys.id, id)
        member(ArticleKeys.source, source)
        key(ArticleKeys.index)
        integer(index)
        key(ArticleKeys.headline)
        optionalString(headline)
        key(ArticleKeys.titles)
        strings(titles)
        key(ArticleKeys.bylines)
        strings(bylines)
        key(ArticleKeys.dateline)
        optionalString(dateline)
        key(ArticleKeys.paragraphs)
        beginArray()
        var runs: [Range<Int>] = []
        runs.reserveCapacity(paragraphs.underestimatedCount)
        for paragraph in paragraphs { runs.append(paragraph.withUTF8Span { quotedRun(utf8: $0) }) }
        endArray()
        // The body is the paragraphs joined with line feeds (the article
        // model's and the ABI's definition): their escaped text, copied.
        key(ArticleKeys.body)
        joinedLines(runs)
        key(ArticleKeys.captions)
        strings(captions)
        key(ArticleKeys.subheadings)
        strings(subheadings)
        key(ArticleKeys.notes)
        strings(notes)
    }
}

/// The keys of ``JSONWriter/articleMembers(id:source:index:headline:titles:bylines:dateline:paragraphs:captions:subheadings:notes:)``,
/// quoted once.
@usableFromInline
enum ArticleKeys {
    @usableFromInline static let id = JSONKey("id")
    @usableFromInline static let source = JSONKey("source")
    @usableFromInline static let index = JSONKey("index")
    @usableFromInline static let headline = JSONKey("headline")
    @usableFromInline static let titles = JSONKey("titles")
    @usableFromInline static let bylines = JSONKey("bylines")
    @usableFromInline static let dateline = JSONKey("dateline")
    @usableFromInline static let paragraphs = JSONKey("paragraphs")
    @usableFromInline static let body = JSONKey("body")
    @usableFromInline static let captions = JSONKey("captions")
    @usableFromInline static let subheadings = JSONKey("subheadings")
    @usableFromInline static let notes = JSONKey("notes")
}
