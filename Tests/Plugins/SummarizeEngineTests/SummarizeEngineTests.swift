import Testing

@testable import SummarizeEngine

@Suite struct SentenceTests {
    @Test func splitsOnChineseAndHalfWidthEnders() {
        #expect(
            Sentences.split("今天开会。明天放假！真的吗？是的；OK! fine? yes;") == [
                "今天开会。", "明天放假！", "真的吗？", "是的；", "OK!", "fine?", "yes;",
            ])
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
        #expect(
            Summarizer(sentenceCount: 2, method: .lead).summarize(body) == "徐汇区召开知识产权保护大会，发布知识产权保护十大案例。会议由区市场监管局主持。")
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

    /// A short lead is still the lead: the hybrid summary opens with it even
    /// when longer sentences further on are more central.
    @Test func theHybridSummaryKeepsAShortLead() throws {
        let text =
            "市里新开三条公交线路。公交线路调整涉及城东城西城南城北多个公交站点和公交线路。"
            + "公交集团表示公交线路调整后公交站点覆盖更多小区和公交换乘枢纽。公交线路的发车间隔为十分钟。"
        let summary = try #require(Summarizer(sentenceCount: 2).summarize(text))
        #expect(summary.hasPrefix("市里新开三条公交线路。"), "\(summary)")
        #expect(
            Summarizer(sentenceCount: 2, method: .textrank).summarize(text)?.hasPrefix("市里新开三条公交线路。") == false,
            "TextRank alone would drop it")
    }

    /// A caption, a source line on its own, a quotation standing alone or a
    /// fragment does not open the summary.
    @Test(arguments: ["图为开幕式现场。", "新华社长沙9月20日电。", "本报讯。", "“有什么困难尽管说，我们一定帮你们解决。”", "好消息！"])
    func aLeadThatIsNotNewsIsPassedOver(lead: String) throws {
        let text = lead + "首届青少年科技节昨天在市科技馆开幕。科技节为期一周，设置机器人竞赛等二十多项活动。"
        let summary = try #require(Summarizer(sentenceCount: 1).summarize(text))
        #expect(!summary.hasPrefix(lead), "\(summary)")
    }

    /// Two sentences that say the same thing are not both chosen.
    @Test func theSecondSentenceDoesNotRepeatTheFirst() throws {
        let text =
            "徐汇区召开知识产权保护大会发布十大案例。徐汇区召开知识产权保护大会并发布十大案例。"
            + "与会企业表示将重视商标和专利的保护工作。"
        let summary = try #require(Summarizer(sentenceCount: 2).summarize(text))
        #expect(summary == "徐汇区召开知识产权保护大会发布十大案例。与会企业表示将重视商标和专利的保护工作。", "\(summary)")
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

@Suite struct KeywordWordTests {
    /// Function words are not topics, and a repeated term that begins or
    /// ends with one (员表示) is a piece of a clause, not a word.
    @Test func functionWordsAndClauseFragmentsAreNotKeywords() {
        let text = "队员表示很满意。社员表示会参加。学员表示想学习。居民反映问题。问题已经解决。这些问题还会跟进。居民关心电梯。电梯运行平稳。新装电梯很方便。"
        let terms = KeywordExtractor(count: 10).keywords(in: text).map(\.term)
        #expect(!terms.contains("问题"), "\(terms)")
        #expect(!terms.contains { $0.hasSuffix("表示") || $0.hasPrefix("表示") }, "\(terms)")
        #expect(terms.contains("电梯"), "\(terms)")
    }
}

extension KeywordWordTests {
    /// A term that two more frequent words meet inside (权保 where 维权
    /// runs into 保险) crosses a word boundary; the words stay.
    @Test func aTermAcrossTheBoundaryOfTwoWordsIsNotAKeyword() {
        let text = "企业维权需要保险。知识产权保护需要维权。维权保险帮助企业。产权保护靠保险。维权保险和产权保护都重要。保险公司支持维权。"
        let terms = KeywordExtractor(count: 10).keywords(in: text).map(\.term)
        #expect(!terms.contains("权保"), "\(terms)")
        #expect(terms.contains("维权") && terms.contains("保险"), "\(terms)")
    }

    /// A bare number (二十, 十多) is a count, not a topic; a number with
    /// its unit is left to the other rules.
    @Test func bareNumbersAreNotKeywords() {
        let text = "全区二十家企业参加。二十家企业获得补贴。补贴发放给二十家企业。企业数量十多年来增长。十多家银行参与。"
        let terms = KeywordExtractor(count: 10).keywords(in: text).map(\.term)
        #expect(!terms.contains("二十") && !terms.contains("十多"), "\(terms)")
        #expect(terms.contains("企业"), "\(terms)")
    }
}
