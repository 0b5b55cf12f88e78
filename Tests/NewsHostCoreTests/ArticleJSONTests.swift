import Foundation
import Testing

@testable import NewsHostCore

@Suite struct ArticleJSONTests {
    @Test func keysInOrderAndNullForMissingValues() throws {
        let article = Article(source: "a.txt", index: 2, titles: [], bylines: ["张三"], paragraphs: ["一\"二", "三\\四"])
        let line = ArticleJSON.line(for: article)
        #expect(line.hasPrefix("{\"id\":\"a.txt#2\",\"source\":\"a.txt\",\"index\":2,\"headline\":null,"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["body"] as? String == "一\"二\n三\\四")
        #expect(object["dateline"] is NSNull)
        #expect(object["bylines"] as? [String] == ["张三"])
    }

    @Test func controlCharactersAreEscaped() {
        #expect(ArticleJSON.quoted("a\u{01}b\tc") == "\"a\\u0001b\\tc\"")
    }
}
