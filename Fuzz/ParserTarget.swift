// libFuzzer target: any bytes through decoding and the page parser.
// Built by Fuzz/run together with the sources of NewsHostCore.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let text = try? TextDecoding.decode(bytes, path: "fuzz") else { return 0 }
    let page = LayoutPageParser().parse(text, source: "fuzz")
    for article in page.articles {
        precondition(!article.paragraphs.contains(""), "empty paragraph")
        precondition(article.id == "fuzz#\(article.index)", "unstable id")
    }
    return 0
}
