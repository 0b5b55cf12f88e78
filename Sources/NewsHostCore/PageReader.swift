/// Reads inputs and parses them into pages: the front of every run.
public struct PageReader: Sendable {
    /// The parser that turns text into articles.
    public var parser: any PageParser

    /// Creates a reader around `parser`.
    public init(parser: any PageParser = BasicPageParser()) {
        self.parser = parser
    }

    /// Reads, decodes and parses one input.
    ///
    /// - Throws: ``InputError`` when the input cannot be read or is not text.
    public func read(_ source: InputSource) throws -> Page {
        let bytes = try source.readBytes()
        if bytes.isEmpty { throw InputError.empty(path: source.displayPath) }
        let text = try TextDecoding.decode(bytes, path: source.displayPath)
        return parser.parse(text, source: source.name)
    }
}
