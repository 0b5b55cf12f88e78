import NewsHostCore

// libFuzzer target: any bytes through decoding and the page parser.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let text = try? TextDecoding.decode(bytes, path: "fuzz") else { return 0 }
    // Decoding checks UTF-8 with its own check (UTF8Validation) and then
    // makes the string without the standard library's: the text must be
    // valid UTF-8 all the same.
    precondition(String(validating: Array(text.utf8), as: UTF8.self) != nil, "invalid UTF-8 decoded")
    let page = LayoutPageParser().parse(text, source: "fuzz")
    for article in page.articles {
        precondition(!article.paragraphs.contains(""), "empty paragraph")
        precondition(article.id == "fuzz#\(article.index)", "unstable id")
        // Paragraphs, names and datelines are assembled without validating
        // them again (UTF8Builder): they must be valid UTF-8 all the same.
        let texts =
            article.paragraphs + article.titles + article.bylines + article.captions + article.subheadings
            + [article.dateline].compactMap { $0 }
        for text in texts {
            precondition(String(validating: Array(text.utf8), as: UTF8.self) != nil, "invalid UTF-8 assembled")
        }
    }
    return 0
}
