import Testing
@testable import SummarizeEngine

@Suite struct SentenceTests {
    @Test func splitsOnChineseAndHalfWidthEnders() {
        #expect(Sentences.split("今天开会。明天放假！真的吗？是的；OK! fine? yes;") ==
                ["今天开会。", "明天放假！", "真的吗？", "是的；", "OK!", "fine?", "yes;"])
    }

    @Test func keepsQuotationsWhole() {
        #expect(Sentences.split("他说：“今天很好。明天也好。”大家鼓掌。") == ["他说：“今天很好。明天也好。”", "大家鼓掌。"])
        #expect(Sentences.split("“你们有什么困难，都可以提。”普陀区开展走访。") == ["“你们有什么困难，都可以提。”", "普陀区开展走访。"])
    }

    @Test func unbalancedQuoteDoesNotSwallowTheText() {
        let text = "“" + String(repeating: "很长的引文。", count: 100) + "结束。"
        #expect(Sentences.split(text).count > 50)
    }

    @Test func textWithoutEndersIsOneSentence() {
        #expect(Sentences.split("没有标点的文字") == ["没有标点的文字"])
        #expect(Sentences.split("  \n ") == [])
    }
}

@Suite struct SummarizerTests {
    let body = """
    徐汇区召开知识产权保护大会，发布知识产权保护十大案例。会议由区市场监管局主持。\
    天气晴朗。知识产权保护大会强调加强知识产权保护和专利运用。与会企业表示将重视商标和专利的保护。
    """

    @Test func leadMethodTakesTheFirstSentences() {
        #expect(Summarizer(sentenceCount: 2, method: .lead).summarize(body) == "徐汇区召开知识产权保护大会，发布知识产权保护十大案例。会议由区市场监管局主持。")
    }

    @Test func textRankPrefersCentralSentencesAndKeepsPageOrder() throws {
        let summary = try #require(Summarizer(sentenceCount: 2, method: .textrank).summarize(body))
        #expect(summary.contains("知识产权保护大会强调"))
        #expect(!summary.contains("天气晴朗"))
        let ranked = Summarizer(sentenceCount: 2, method: .textrank).rank(Sentences.split(body))
        #expect(ranked.last == 2, "the off-topic sentence ranks last")
    }

    @Test func summaryIsNeverLongerThanTheBodyAndIsDeterministic() {
        for method in Summarizer.Method.allCases {
            let summarizer = Summarizer(sentenceCount: 3, method: method)
            let first = summarizer.summarize(body)
            #expect(first == summarizer.summarize(body))
            #expect((first?.count ?? 0) <= body.count)
        }
    }

    @Test func emptyBodyHasNoSummaryAndHugeSentencesAreCut() {
        #expect(Summarizer().summarize("") == nil)
        let huge = String(repeating: "字", count: 100_000)
        let summary = Summarizer().summarize(huge)
        #expect(summary?.count == 301)
    }
}

@Suite struct KeywordTests {
    @Test func repeatedFreeStandingTermsRankFirst() {
        let body = "徐汇区加强知识产权保护。知识产权保护关系企业发展。企业重视知识产权，专利数量增长。专利运用和知识产权服务不断完善。"
        let keywords = KeywordExtractor(count: 5).keywords(in: body).map(\.term)
        #expect(keywords.first == "知识产权")
        #expect(keywords.contains("专利"))
        #expect(!keywords.contains("知识产"), "fragments of a longer term are left out")
        #expect(!keywords.contains { $0.count < 2 })
    }

    @Test func stopWordsAndParticlesAreNotKeywords() {
        let body = "我们进行了工作。我们进行了工作。我们的工作的进行。"
        let keywords = KeywordExtractor(count: 10).keywords(in: body).map(\.term)
        #expect(!keywords.contains("我们"))
        #expect(!keywords.contains("工作"))
        #expect(!keywords.contains { $0.hasPrefix("的") || $0.hasSuffix("的") })
    }

    @Test func latinWordsCountAndWeightsAreFiniteAndOrdered() {
        let body = "Smart City 项目启动。Smart City 建设加快。城市更新和 Smart City 结合。"
        let keywords = KeywordExtractor(count: 10).keywords(in: body)
        #expect(keywords.contains { $0.term == "Smart" })
        #expect(keywords.allSatisfy { $0.weight.isFinite && $0.weight > 0 && $0.weight <= 1 })
        #expect(keywords.map(\.weight) == keywords.map(\.weight).sorted(by: >))
    }
}
