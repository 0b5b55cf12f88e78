import Foundation
import NewsHostTestSupport
import Testing

@testable import NewsHostCore

/// One small hand-made page per rule of the parser.
@Suite struct LayoutPageParserTests {
    let parser = LayoutPageParser()

    /// A page from lines, blank lines between them as in the dumps.
    private func page(_ lines: [String]) -> Page {
        parser.parse(lines.joined(separator: "\n\n") + "\n", source: "p.txt")
    }

    @Test func titlesBylineAndLeadMakeOneArticle() {
        let result = page(["要闻", "区里召开 重要会议", "● 记者 张三 通讯员 李四", "本报讯 3 月 5", "日上午，区里召开了", "重要会议。", "会议强调要做好工作。"])
        #expect(result.articles.count == 1)
        let article = result.articles[0]
        #expect(article.id == "p.txt#0")
        #expect(article.titles == ["区里召开 重要会议"])
        #expect(article.bylines == ["张三", "李四"])
        #expect(article.dateline == "3月5日上午")
        #expect(article.paragraphs == ["3月5日上午，区里召开了重要会议。", "会议强调要做好工作。"])
        #expect(result.furniture == ["要闻"])
    }

    @Test func bylineInsideTheLeadIsRecognized() {
        let result = page(["标题一行", "本报讯（记者 江跃中 通讯员 濮蓉） 今天有新闻。"])
        #expect(result.articles.first?.bylines == ["江跃中", "濮蓉"])
        #expect(result.articles.first?.paragraphs == ["今天有新闻。"])
    }

    @Test func bulletNoiseBeforeBylinesIsDropped() {
        for bullet in ["●", "筅", "\u{FFFD}"] {
            #expect(Bylines.names(in: Substring("\(bullet) 记者 耿洁玉")) == ["耿洁玉"])
        }
        #expect(Bylines.names(in: "记者会上，大家发言踊跃。") == nil)
        #expect(Bylines.names(in: "今天天气很好") == nil)
    }

    /// A lead's byline bracket wrapped onto the next line gives its names
    /// and leaves no bracket in the body, whether text follows it or not.
    @Test(arguments: [
        ["本报讯（记者 诸", "葛云 通讯员 覃洁晨） 市交通委昨天发", "布港区新规。"],
        ["本报讯（记者 诸", "葛云 通讯员 覃洁晨）", "市交通委昨天发布港区新规。"],
        // The break took the space before the next role, or fell inside it.
        ["本报讯（记者 诸葛云", "通讯员 覃洁晨） 市交通委昨天发", "布港区新规。"],
        ["本报讯（记者 诸葛云 通", "讯员 覃洁晨） 市交通委昨天发", "布港区新规。"],
    ])
    func aWrappedLeadBracketGivesItsBylines(lead: [String]) {
        let result = page(["港区新规发布"] + lead)
        #expect(result.articles.count == 1)
        #expect(result.articles.first?.bylines == ["诸葛云", "覃洁晨"])
        #expect(result.articles.first?.body == "市交通委昨天发布港区新规。", "\(result.articles)")
    }

    /// A headline right on top of its lead is its headline even when it
    /// shares few characters with the body, a question included.
    @Test(arguments: ["看一网通办改革如何真改实干？", "提供零距离服务"])
    func aHeadlineOnItsLeadIsKeptWhateverItShares(headline: String) {
        let result = page([headline, "本报讯 10月19日，区行政服务中心在推介会上介绍了经验。", "会上还发布了新的服务清单。"])
        #expect(result.articles.count == 1)
        #expect(result.articles.first?.headline == headline, "\(result.articles)")
    }

    /// A paragraph that trails off in …… has ended: its last line is not a
    /// sub-heading or title.
    @Test func aParagraphEndingInAnEllipsisKeepsItsLastLine() {
        let text =
            "文化节开幕\n\n本报讯 区文化节昨天开幕，市民们在广场\n上载歌载舞，孩子们放声歌唱。\n大家都说明年还要再来……\n"
            + "  活动将持续一周，每天晚上都有演出，\n欢迎市民前来观看。\n"
        let article = parser.parse(text, source: "p.txt").articles.first
        #expect(article?.subheadings == [])
        #expect(article?.body.contains("大家都说明年还要再来……") == true, "\(String(describing: article))")
    }

    /// A lone title between two bodies set in different column widths heads
    /// the next article; in one column it would be a sub-heading.
    @Test func aTitleWhereTheColumnChangesWidthStartsAnArticle() {
        let text =
            "社区食堂开张\n\n本报讯 南湖街道的社区食\n堂昨天开张，每天供应\n早餐和午餐，老人就餐\n可享受八折优惠，受到\n居民们的欢迎。\n"
            + "港口集装箱吞吐量再创新高\n  前八个月，全市港口集装箱吞吐量达到一千\n二百万标准箱，同比增长百分之九点三，创历\n"
            + "史同期新高。其中外贸集装箱增长明显，新开\n通的东南亚航线贡献较大。\n"
        let articles = parser.parse(text, source: "p.txt").articles
        #expect(articles.map(\.headline) == ["社区食堂开张", "港口集装箱吞吐量再创新高"], "\(articles)")
        #expect(articles.first?.subheadings == [])
    }

    /// A body line that begins with 记者 does not split the article.
    @Test func aBodyLineStartingWithTheReporterIsBodyText() {
        // Wrapped as in the dumps: "…告诉" / "记者，新馆" / "每天开放…".
        let result = page([
            "新馆开放", "本报讯 区图书馆新馆今天开放，", "吸引了不少市民前来参观。馆长告诉",
            "记者，新馆", "每天开放到晚上九点。",
        ])
        #expect(result.articles.count == 1)
        #expect(result.articles.first?.bylines == [])
        #expect(result.articles.first?.body.contains("馆长告诉记者，新馆每天开放到晚上九点。") == true, "\(result.articles)")
    }

    /// A parenthetical of the body on a line of its own is text; only a
    /// bracketed line that names a source is a note that ends the article.
    @Test func aParentheticalLineIsTextAndASourceLineIsANote() {
        #expect(!PageLine.isBracketedNote(Array("（以下合称启运地）".unicodeScalars)[...]))
        #expect(PageLine.isBracketedNote(Array("（转摘自“今日漕河泾”）".unicodeScalars)[...]))
        #expect(PageLine.isBracketedNote(Array("（来源：新华社）".unicodeScalars)[...]))
        let result = page([
            "港口新规", "本报讯 新规适用于本市三个港区。", "（以下合称港区）", "港区将统一收费标准。", "（来源：市交通委）",
        ])
        #expect(result.articles.count == 1)
        #expect(result.articles.first?.body.hasSuffix("（以下合称港区）港区将统一收费标准。") == true, "\(result.articles)")
        #expect(result.articles.first?.notes == ["（来源：市交通委）"], "\(result.articles.first?.notes ?? [])")
    }

    @Test func clusteredHeadlinesFindTheirBodiesByOverlap() {
        let result = page([
            "图书馆延长开放时间", "公园新增健身步道",
            "本报讯 区公园管理所在中心公园新增健身步道两条，全长三公里。",
            "本报讯 区图书馆自下月起延长开放时间，周末开放到晚上九点。",
        ])
        #expect(result.articles.map(\.headline) == ["公园新增健身步道", "图书馆延长开放时间"])
    }

    /// A cluster of more headlines than one article has (four articles'
    /// kickers and headlines, eight lines of their own lengths) is still a
    /// header: its lines are ragged, where wrapped body text fills a column.
    @Test func aLongRaggedClusterAtTheTopIsHeadlines() {
        let result = page([
            "文化惠民", "图书馆延长开放时间", "全民健身", "公园新增健身步道两条", "交通出行", "地铁南延伸段今天开通",
            "民生实事", "社区食堂又添三家",
            "● 记者 张三",
            "本报讯 区图书馆自下月起延长开放时间，周末开放到晚上九点。",
            "● 记者 李四",
            "本报讯 区公园管理所在中心公园新增健身步道两条，全长三公里。",
            "● 记者 王五",
            "本报讯 地铁南延伸段今天开通，沿线居民出行更方便。",
            "● 记者 赵六",
            "本报讯 区里又有三家社区食堂开张，老人就餐可打八折。",
        ])
        #expect(result.articles.count == 4)
        #expect(
            result.articles.map(\.headline)
                == ["图书馆延长开放时间", "公园新增健身步道两条", "地铁南延伸段今天开通", "社区食堂又添三家"])
        #expect(result.articles.allSatisfy { $0.paragraphs.count == 1 })
    }

    /// Body text wrapped in a column is never such a cluster, however many
    /// lines run up to a byline without a sentence end.
    @Test func wrappedTextUpToABylineIsNoCluster() {
        let result = page([
            "本报讯 区里召开会议。", "会议指出要做好以下工作", "加强社区服务能力建设", "推进老旧小区综合改造",
            "完善养老托育服务体系", "提升城市精细管理水平", "深化营商环境改革创新", "强化安全生产责任落实",
            "● 记者 张三", "本报讯 区图书馆自下月起延长开放时间。",
        ])
        #expect(result.articles.first?.titles == [])
        #expect(result.articles.first?.paragraphs.joined().contains("强化安全生产责任落实") == true)
    }

    /// A kicker that echoes no body, stacked with its headline right on the
    /// lead, is that article's title as the headline is.
    @Test func aKickerStackedOnALeadGoesWithItsHeadline() {
        let result = page([
            "本报讯 区公园管理所在中心公园新增健身步道两条，全长三公里。",
            "擘画新蓝图 引领新征程",
            "区里召开城市精细化管理工作会议",
            "本报讯（记者 张三） 区里昨天召开城市精细化管理工作会议，部署全年工作。",
        ])
        #expect(result.articles.map(\.titles) == [[], ["擘画新蓝图 引领新征程", "区里召开城市精细化管理工作会议"]])
    }

    /// In a cluster, a kicker that shares no word with any body goes with
    /// the headline right below it.
    @Test func aClusterKickerThatEchoesNothingGoesWithTheHeadlineBelow() {
        let result = page([
            "图书馆延长开放时间", "擘画新蓝图 引领新征程", "公园新增健身步道",
            "本报讯 区图书馆自下月起延长开放时间，周末开放到晚上九点。",
            "本报讯 区公园管理所在中心公园新增健身步道两条，全长三公里。",
        ])
        #expect(result.articles.map(\.titles) == [["图书馆延长开放时间"], ["擘画新蓝图 引领新征程", "公园新增健身步道"]])
    }

    /// A one-line headline in the column of the article before, over a
    /// body that starts bare: when that body opens with a date, it is a
    /// new report, not a section of the one before.
    @Test func aBareStartThatOpensWithADateIsANewArticle() {
        let lines = [
            "本报讯 区图书馆自下月起延长开放时间，周末", "开放到晚上九点，读者可以在网上预约座位。",
            "区里举办青年创业大赛",
            "10月15日，区青年创业大赛决赛在科创中心举", "行，二十个项目获得了区里的扶持资金。",
        ]
        let result = page(lines)
        #expect(result.articles.count == 2)
        #expect(result.articles.last?.titles == ["区里举办青年创业大赛"])
        #expect(result.articles.last?.dateline == "10月15日")
        #expect(result.articles.first?.subheadings == [])
    }

    @Test func titlePlacedAfterItsBodyIsFound() {
        let result = page([
            "本报讯 区图书馆自下月起延长开放时间，周末开放到晚上九点。",
            "图书馆延长开放时间",
            "本报讯 区公园管理所在中心公园新增健身步道两条，全长三公里。",
        ])
        #expect(result.articles.first?.headline == "图书馆延长开放时间")
        #expect(result.articles.last?.headline == nil)
    }

    @Test func gluedSectionLabelIsSetAside() {
        #expect(
            LayoutPageParser.splitGluedLabel("与企业负责人面对面了解情况交流看法徐汇区", knownLabels: []) == ("与企业负责人面对面了解情况交流看法", "徐汇区"))
        #expect(LayoutPageParser.splitGluedLabel("本区加强地下空间督查整治", knownLabels: []).1 == nil)
        // A …区 ending that is the object of the title's last word is no label.
        #expect(LayoutPageParser.splitGluedLabel("古城墙遗址 建造于红灯区", knownLabels: []).1 == nil)
        #expect(LayoutPageParser.splitGluedLabel("外地游客周末纷纷来到徐汇区", knownLabels: []).1 == nil)
        #expect(LayoutPageParser.splitGluedLabel("区里召开重要会议普陀区", knownLabels: ["普陀区"]) == ("区里召开重要会议", "普陀区"))
        // The longest label wins whatever the order (it once depended on a Set's order, which changes per process).
        for labels in [["区", "普陀区"], ["普陀区", "区"]] {
            #expect(LayoutPageParser.splitGluedLabel("区里召开重要会议普陀区", knownLabels: labels) == ("区里召开重要会议", "普陀区"))
        }
    }

    @Test func captionInterruptingASentenceIsTakenOut() {
        let result = page(["本报讯 居民区书记们现身说法，", "论坛现场", "朱亮 摄", "讲述投身基层的经验。"])
        let article = result.articles[0]
        #expect(article.captions == ["论坛现场 朱亮 摄"])
        #expect(article.paragraphs == ["居民区书记们现身说法，讲述投身基层的经验。"])
    }

    @Test func sourceNoteEndsItsArticle() {
        let result = page(["本报讯 第一篇的正文到此结束。", "（转摘自“今日漕河泾”）", "第二篇没有标题，正文从这里开始。"])
        #expect(result.articles.count == 2)
        #expect(result.articles[0].notes == ["（转摘自“今日漕河泾”）"])
        #expect(result.articles[1].headline == nil)
    }

    @Test func loneShortLineBetweenParagraphsIsASubheading() {
        let result = page([
            "本报讯 这是第一段，写得比较长一些，", "一直写到这一行才结束。",
            "服务更有温度",
            "这是第二段，也写得比较长一些，并且", "在这一行结束。",
        ])
        #expect(result.articles.count == 1)
        #expect(result.articles[0].subheadings == ["服务更有温度"])
        #expect(result.articles[0].paragraphs.count == 2)
    }

    /// On a page set a paragraph per line, a short line between two whole
    /// paragraphs is a paragraph the page broke, not a sub-heading: there
    /// is no column it could fall short of.
    @Test func aShortLineBetweenWholeParagraphLinesIsBodyText() {
        let long = String(repeating: "区里各部门围绕群众关心的问题开展了大量工作", count: 4)
        let result = page([
            "本报讯 \(long)，取得了明显成效。", "面对这一课题，区市场监管局充分",
            "发挥保险的补偿功能，\(long)。", "随后，\(long)。",
        ])
        #expect(result.articles.count == 1)
        #expect(result.articles.first?.subheadings == [])
        #expect(result.articles.first?.body.contains("面对这一课题，区市场监管局充分发挥保险") == true, "\(result.articles)")
    }

    /// Two articles' bodies, each under its own byline, for headlines
    /// clustered above the first byline.
    private func clusteredPage(_ headlines: [String]) -> Page {
        page(
            headlines + [
                "记者 王明", "本报讯 南湖街道的社区食堂昨天开张迎客，", "每天供应早餐和午餐，老人就餐可享受八", "折优惠，受到居民欢迎。",
                "记者 李华", "本报讯 前八个月，全市港口集装箱吞吐量", "再创新高，外贸集装箱增长明显，新开通", "的航线贡献较大。",
            ])
    }

    /// Headlines over one byline that clearly belong to another body go to
    /// it: more lines than a headline block holds are matched one by one,
    /// and a line of a smaller block that echoes another body, not its
    /// own, leaves the block.
    @Test func clusteredHeadlinesAboveABylineFindTheirBodies() {
        let four = clusteredPage(["社区食堂开张迎客", "老人就餐享受八折优惠", "港口集装箱吞吐量创新高", "外贸集装箱增长明显"])
        #expect(four.articles.map(\.titles) == [["社区食堂开张迎客", "老人就餐享受八折优惠"], ["港口集装箱吞吐量创新高", "外贸集装箱增长明显"]])
        #expect(four.articles.map(\.bylines) == [["王明"], ["李华"]])

        let two = clusteredPage(["社区食堂开张迎客", "港口集装箱吞吐量创新高"])
        #expect(two.articles.map(\.titles) == [["社区食堂开张迎客"], ["港口集装箱吞吐量创新高"]])
        #expect(two.articles.map(\.bylines) == [["王明"], ["李华"]])
    }

    /// A headline set after its body, over the next article's byline, goes
    /// back to that body; the byline stays with the body it stands on.
    @Test func aHeadlineAfterItsBodyLeavesTheBylineBelowIt() {
        let result = page([
            "本报讯 南湖街道的社区食堂昨天开张迎客，", "每天供应早餐和午餐，老人就餐可享受八", "折优惠，受到居民欢迎。", "社区食堂开张迎客",
            "记者 李华", "本报讯 前八个月，全市港口集装箱吞吐量", "再创新高，外贸集装箱增长明显，新开通", "的航线贡献较大。",
        ])
        #expect(result.articles.map(\.titles) == [["社区食堂开张迎客"], []])
        #expect(result.articles.map(\.bylines) == [[], ["李华"]])
    }

    /// Headlines with a figure, quotation marks or a question mark are
    /// headlines, not body text.
    @Test(arguments: ["居民消费价格同比上涨0.08%", "“一网通办”让办事更方便", "老旧小区如何加装电梯？", "古城墙遗址 建造于红灯区"])
    func headlinesWithFiguresQuotesAndQuestionsAreHeadlines(headline: String) {
        let result = page([headline, "本报讯 区里昨天发布消息，居民普遍关心这件事。", "有关部门表示将继续推进。"])
        #expect(result.articles.map(\.titles) == [[headline]], "\(result.articles)")
    }

    @Test func pullQuoteRepeatingTheBodyIsSetAside() {
        let result = page([
            "本报讯 此次集中开工的重大工程包括西岸金融城等十个项目。总投资很大。",
            " 此次集中开工的重大工程包括西岸金融城等十个项目。",
        ])
        #expect(result.articles.count == 1)
        #expect(result.articles[0].paragraphs.count == 1)
        #expect(result.furniture.contains("此次集中开工的重大工程包括西岸金融城等十个项目。"))
    }

    @Test func paragraphIndentAndSentenceEndsRebuildParagraphs() {
        // A 10-character column: full lines are 10 wide, a paragraph's first line is indented by 2.
        let result = page(["本报讯 第一段的文字写满", "了一整行然后又写满一", "行最后结束了。", "第二段开始写满一", "整行的文字然后又写满", "了结束。"])
        #expect(result.articles[0].paragraphs == ["第一段的文字写满了一整行然后又写满一行最后结束了。", "第二段开始写满一整行的文字然后又写满了结束。"])
    }

    @Test func wrappedFragmentsJoinWithoutSpacesBetweenCJKButKeepLatinSpaces() {
        #expect(CJKText.joinFragments(["上海徐", "汇 区的", "Smart", "City 项目"]) == "上海徐汇区的Smart City项目")
        #expect(CJKText.joinFragments(["2021", "年"]) == "2021年")
    }

    /// A column breaks numbers where it runs out: the pieces join without
    /// a space, in the joiner and in a page's paragraphs. A space the page
    /// set between two numbers stays.
    @Test func aNumberBrokenByTheColumnIsOneNumber() {
        #expect(CJKText.joinFragments(["行动计划（2023—2", "025年）"]) == "行动计划（2023—2025年）")
        #expect(CJKText.joinFragments(["提升至419.", "6件，"]) == "提升至419.6件，")
        #expect(CJKText.joinFragments(["提升至419", ".6件，"]) == "提升至419.6件，")
        #expect(CJKText.joinFragments(["保费的50", "%"]) == "保费的50%")
        #expect(CJKText.joinFragments(["编号 12 34"]) == "编号12 34")
        #expect(CJKText.joinFragments(["in the 1990s", "and 2000s"]) == "in the 1990s and 2000s")
        let result = page(["本报讯 全区已有340", "0余家外资企业，贷款", "成功1710户次。"])
        #expect(result.articles.first?.body == "全区已有3400余家外资企业，贷款成功1710户次。")
    }

    @Test func datelinesAreNormalized() {
        #expect(Datelines.find(in: "12 月 10 日下午，徐汇区") == "12月10日下午")
        #expect(Datelines.find(in: "10 月 14-15 日 ，2021 全球") == "10月14-15日")
        #expect(Datelines.find(in: "为做好工作，12 月 10 日召开", within: 0) == nil)
        #expect(Datelines.find(in: "5 月 1 至 3 日晚上，") == "5月1-3日晚上")
        #expect(Datelines.find(in: "5 月 1 日晚，") == "5月1日晚")
        #expect(Datelines.find(in: "2025 年 123 月 1 日") == nil)
    }

    @Test func hostileTextParsesWithoutCrashing() {
        let inputs = [
            "", "\n\n\n", String(repeating: "标题\n", count: 50), String(repeating: "长", count: 200_000),
            "本报讯", "记者", "（", "● 记者", "本报讯（记者 张三", "摄", "（）", " \n 本报讯\n ", "\u{0}\u{1}",
            String(repeating: "本报讯 。\n", count: 1000),
        ]
        for input in inputs {
            let result = parser.parse(input, source: "x")
            #expect(result.articles.allSatisfy { !$0.paragraphs.contains("") })
        }
    }

    @Test func aFiveMegabyteSingleLineParses() {
        let line = String(repeating: "知识产权保护，企业发展", count: 180_000)
        let result = parser.parse(line, source: "huge")
        #expect(result.articles.count == 1)
        #expect(result.articles[0].body.unicodeScalars.count == line.unicodeScalars.count)
    }

    @Test func runInSubheadingIsSplitFromItsParagraph() {
        let result = page([
            "区里今天召开了全体会议。",
            "坚持财力一分增长，民生一分改善 落",
            "实各项民生项目，完善交通网络。",
        ])
        #expect(result.articles.first?.subheadings == ["坚持财力一分增长，民生一分改善"])
        #expect(result.articles.first?.paragraphs == ["区里今天召开了全体会议。", "落实各项民生项目，完善交通网络。"])
    }

    @Test func aSpaceInsideQuotesIsNotARunInSubheading() {
        let result = page([
            "区里今天召开了全体会议。",
            "海关带来了“便利惠企 服务汇企”",
            "的政策分享，介绍了各项措施。",
        ])
        #expect(result.articles.first?.subheadings == [])
        #expect(result.articles.first?.paragraphs.last == "海关带来了“便利惠企服务汇企”的政策分享，介绍了各项措施。")
    }

    /// Ten ideographs fill the column; a paragraph opens two characters in.
    private func sectionPage(opener: String) -> Page {
        page([
            "区里今天召开了全体会", "议，各方代表都参加了", "会议并且发言。", "新起点，新征程再出发",
            opener, "目二十个，各项工作都", "取得了新的进展和成效", "大家都很满意。",
        ])
    }

    @Test func aFullLineParagraphWithoutSentenceEndIsASubheading() {
        let result = sectionPage(opener: "今年区里完成了项")
        #expect(result.articles.count == 1)
        #expect(result.articles.first?.subheadings == ["新起点，新征程再出发"])
        #expect(result.articles.first?.paragraphs.count == 2)
    }

    @Test func aFullLineFollowedByAFullLineStaysInTheBody() {
        let result = sectionPage(opener: "今年区里完成了大项")
        #expect(result.articles.first?.subheadings == [])
        #expect(result.articles.first?.body.contains("新起点，新征程再出发") == true)
    }

    @Test func aTitleShapedLikeTheSubheadingsOpensTheFirstSection() {
        let lines = [
            "强合作，共发展———同心并跑", "双方强合作共发展同心并", "跑，合作的历史很悠久。",
            "新起点，新征程———向前不止步", "徐汇龙华万科中心作为重", "大载体项目之一很重要。",
        ]
        let article = page(lines).articles[0]
        #expect(article.titles == [])
        #expect(article.headline == nil)
        #expect(article.subheadings == ["强合作，共发展———同心并跑", "新起点，新征程———向前不止步"])

        var plain = lines
        plain[0] = "强合作，共发展，同心并跑向前"
        #expect(page(plain).articles[0].titles == ["强合作，共发展，同心并跑向前"])
    }

    /// A kicker over a headline that stands on a lead names the topic its
    /// article shares with the article before: it stays with its block.
    @Test func aHeadlineBlockOnALeadStaysTogether() {
        let result = page([
            "本报讯 区里开展大走访，区长走访了企业。",
            "开展大走访",
            "与企业负责人面对面交流",
            "本报讯 区委书记参加大走访，与企业负责人面对面交流，了解情况。",
        ])
        #expect(result.articles.map(\.titles) == [[], ["开展大走访", "与企业负责人面对面交流"]])
    }

    /// A line of that block that quotes only the article before (its lead's
    /// quotation), sharing next to nothing with the article below, is that
    /// article's title.
    @Test func aBlockLineQuotingOnlyTheArticleBeforeGoesToIt() {
        let result = page([
            "本报讯 区长说：“有什么困难尽管提。”区里走访了企业。",
            "有什么困难尽管提",
            "与企业负责人面对面交流",
            "本报讯 区委书记与企业负责人面对面交流，了解情况。",
        ])
        #expect(result.articles.map(\.titles) == [["有什么困难尽管提"], ["与企业负责人面对面交流"]])
    }

    /// An indented line after a sentence end that opens a column of another
    /// width starts an article of its own, with no lead or title above it;
    /// `。 ”` ends a sentence as `。”` does.
    @Test func aBareStartInAColumnOfItsOwnIsANewArticle() {
        let narrow = ["本报讯 今天区里召开", "大会，来自各街道的", "代表参加会议并发言", "会议提出要继续推进", "城市更新和社区治理", "提升居民生活品质和", "幸福感获得感安全感"]
        let wide = [
            "  “新的一天”开始了，市民们", "早早来到公园里晨练，有的打太极", "有的跳广场舞，还有的沿着河边慢", "跑锻炼身体，公园管理处介绍今年", "新增了多处健身步道和休息座椅，",
            "受到附近居民的普遍欢迎和好评。",
        ]
        let result = page(narrow + ["更上一层楼。 ”"] + wide)
        #expect(result.articles.count == 2, "\(result.articles.map(\.body))")
        #expect(result.articles.first?.body.hasSuffix("更上一层楼。”") == true)
        #expect(result.articles.last?.body.hasPrefix("“新的一天”开始了") == true)
        // The same lines in one column stay one article.
        let oneColumn = page(narrow + ["更上一层楼。 ”", "  新的一天开始了，市民们早", "早来到公园里晨练，大家都"])
        #expect(oneColumn.articles.count == 1, "\(oneColumn.articles.map(\.body))")
    }

    /// A title line that shares too little with any body to be matched on
    /// its own goes with the line above it in the cluster (kicker and
    /// headline), when it shares a fair part with that line's body.
    @Test func aClusterLineFollowsItsNeighbour() {
        let result = page([
            "本报讯 今天上午区里召开了一次", "专题会议，部署近期的重点工作，", "各部门负责人参加了会议并发言。",
            "智能办 服务有温度", "看改革如何真改实干", "另一篇 文章标题",
            "另一篇文章标题说的是一件别的", "事情，和前面的内容没有关系，", "大家可以慢慢阅读这篇文章。",
            "本报讯 区里推出智能办业务，服", "务有温度，这项改革如何落地、如", "何实干，企业最有发言权。",
        ])
        let service = result.articles.first { $0.body.contains("智能办业务") }
        #expect(service?.titles == ["智能办 服务有温度", "看改革如何真改实干"], "\(result.articles.map(\.titles))")
        #expect(result.articles.first { $0.body.contains("别的事情") }?.titles == ["另一篇 文章标题"])
    }

    /// A paragraph's first line, short by the indent, that ends in a
    /// question mark while the next line runs the full column is not a
    /// paragraph of its own.
    @Test func aQuestionOnAParagraphsFirstLineDoesNotEndIt() {
        let result = page([
            "本报讯 这项全面铺开的业务到底好", "不好用呢，企业和市民都在关心这件", "事情的进展，大家议论纷纷。",
            "这项新的业务到底好不好用呢？", "能不能真正为企业减负，用事实说话", "再好不过，数据显示办理时间缩短了",
            "一半以上，企业普遍表示十分满意。",
        ])
        #expect(result.articles.first?.paragraphs.count == 2, "\(result.articles.map(\.paragraphs))")
        #expect(result.articles.first?.paragraphs.last?.hasPrefix("这项新的业务到底好不好用呢？能不能") == true)
    }

    /// A line that opens a bracket or quotation and does not close it goes
    /// on in the next line: it is never a title.
    @Test(arguments: [("会议首先审议通过了《关于加强徐汇区", true), ("看徐汇“一网通办”改革如何真改实干", false), ("（图为", true), ("政务智能办 服务有温度", false)])
    func aLineLeavingABracketOpenIsNoTitle(text: String, open: Bool) {
        #expect(PageLines(text).lines.first?.leavesBracketOpen == open)
    }
}
