import Foundation
import NewsHostTestSupport
import Testing

@testable import NewsHostCore

@Suite struct ArticleJSONReaderTests {
    @Test func parseOutputReadsBackIdentically() throws {
        let reader = PageReader()
        let originals = try InputSource.expand([TestPaths.seeds.path]).flatMap { try reader.read($0).articles }
        let jsonl = originals.map(ArticleJSON.line(for:)).joined(separator: "\n") + "\n"
        let again = try ArticleJSONReader.articles(from: jsonl, source: "all.jsonl", path: "all.jsonl")
        #expect(again == originals)
    }

    @Test func minimalRecordsGetDefaults() throws {
        let articles = try ArticleJSONReader.articles(
            from: "{\"body\":\"一段。\\n二段。\"}\n\n{\"paragraphs\":[\"三\"],\"titles\":[\"题\"]}\n",
            source: "in.jsonl", path: "in.jsonl")
        #expect(articles.map(\.id) == ["in.jsonl#0", "in.jsonl#1"])
        #expect(articles[0].paragraphs == ["一段。", "二段。"])
        #expect(articles[1].headline == "题")
    }

    @Test func badLinesAreNamedByNumber() {
        #expect {
            try ArticleJSONReader.articles(from: "{\"body\":\"a\"}\n{oops\n", source: "x.jsonl", path: "x.jsonl")
        } throws: { error in
            guard case .invalidJSONLine("x.jsonl", 2, let reason) = error as? InputError else { return false }
            return reason.hasPrefix("not valid JSON: ") && reason.contains("character")
        }
        #expect(throws: InputError.invalidJSONLine(path: "x.jsonl", line: 1, reason: "no `body` or `paragraphs`")) {
            try ArticleJSONReader.articles(from: "{\"title\":\"a\"}\n", source: "x.jsonl", path: "x.jsonl")
        }
    }

    @Test func detectionIsByContent() {
        #expect(ArticleJSONReader.looksLikeJSONLines("\n  {\"body\":\"\"}"))
        #expect(!ArticleJSONReader.looksLikeJSONLines("本报讯 {不是JSON}"))
    }

    @Test func unknownKeysAreCarriedAndSurviveARoundTrip() throws {
        let text = "{\"body\":\"一段。\",\"docId\":\"A-17\",\"meta\":{\"b\":[1,2],\"a\":null}}"
        let articles = try ArticleJSONReader.articles(from: text, source: "in.jsonl", path: "in.jsonl")
        #expect(articles.first?.carried.map(\.key) == ["docId", "meta"])
        #expect(articles.first?.carried.last?.value == "{\"a\":null,\"b\":[1,2]}")
        let again = try ArticleJSONReader.articles(
            from: articles.map(ArticleJSON.line(for:)).joined(separator: "\n"),
            source: "in.jsonl", path: "in.jsonl")
        #expect(again == articles)
    }

    /// Lines are split at every line feed, wherever it falls in the
    /// eight-byte words the splitter tests at once, empty lines kept.
    @Test func linesSplitAtEveryLineFeedAtEveryOffset() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["\n", "{}", "新闻", "a", "\n\n", "é", "\u{0B}", "\u{8A}"]
        for _ in 0..<1_000 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            let expected = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(ArticleJSONReader.lines(of: text) == expected, "\(Array(text.utf8))")
        }
    }
}
