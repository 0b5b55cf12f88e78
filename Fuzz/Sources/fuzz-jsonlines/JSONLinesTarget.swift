import NewsHostCore

// libFuzzer target: any bytes through the JSON Lines article reader.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLines(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let articles = try? ArticleJSONReader.articles(from: text, source: "fuzz", path: "fuzz") {
        // What was read must survive a round trip through the writer.
        let again = try? ArticleJSONReader.articles(
            from: articles.map(ArticleJSON.line(for:)).joined(separator: "\n"),
            source: "fuzz", path: "fuzz")
        precondition(again == articles, "JSON Lines round trip changed an article")
    }
    return 0
}
