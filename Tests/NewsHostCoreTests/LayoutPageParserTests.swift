import Foundation
import NewsHostTestSupport
import Testing
@testable import NewsHostCore

@Suite struct LayoutPageParserTests {
    let parser = LayoutPageParser()

    @Test func titlesBylineAndLeadMakeOneArticle() {
        let page = parser.parse("""
        要闻

        区里召开 重要会议

        ● 记者 张三 通讯员 李四

        本报讯 3 月 5
        日上午，区里召开了
        重要会议。

        会议强调要做好工作。
        """, source: "p.txt")
        #expect(page.articles.count == 1)
        let article = page.articles[0]
        #expect(article.id == "p.txt#0")
        #expect(article.titles == ["区里召开 重要会议"])
        #expect(article.headline == "区里召开 重要会议")
        #expect(article.bylines == ["张三", "李四"])
        #expect(article.dateline == "3月5日上午")
        #expect(article.paragraphs == ["3月5日上午，区里召开了重要会议。", "会议强调要做好工作。"])
        #expect(page.furniture == ["要闻"])
    }

    @Test func bylineInsideTheLeadIsRecognized() {
        let page = parser.parse("标题一行\n本报讯（记者 江跃中 通讯员 濮蓉） 今天有新闻。", source: "s")
        #expect(page.articles.first?.bylines == ["江跃中", "濮蓉"])
        #expect(page.articles.first?.paragraphs == ["今天有新闻。"])
    }

    @Test func bulletNoiseBeforeBylinesIsDropped() {
        for bullet in ["●", "筅", "\u{FFFD}"] {
            #expect(Bylines.names(in: Substring("\(bullet) 记者 耿洁玉")) == ["耿洁玉"])
        }
        #expect(Bylines.names(in: "今天天气很好") == nil)
    }

    @Test func wrappedFragmentsJoinWithoutSpacesBetweenCJKButKeepLatinSpaces() {
        #expect(CJKText.joinFragments(["上海徐", "汇 区的", "Smart", "City 项目"]) == "上海徐汇区的Smart City项目")
        #expect(CJKText.joinFragments(["2021", "年"]) == "2021年")
    }

    @Test func everySeedPageYieldsArticlesWithBodies() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: TestPaths.seeds.path).filter { $0.hasSuffix(".txt") }
        #expect(files.count == 5)
        for file in files {
            let page = try PageReader(parser: parser).read(.file(TestPaths.seeds.appendingPathComponent(file).path))
            #expect(page.articles.count >= 3, "\(file) gave \(page.articles.count) articles")
            #expect(page.articles.filter { !$0.paragraphs.isEmpty }.count >= 3)
            for article in page.articles {
                for paragraph in article.paragraphs {
                    #expect(!paragraph.contains("  "), "\(article.id) has a double space")
                }
            }
        }
    }

    @Test func anyTextParsesWithoutCrashing() {
        let inputs = ["", "\n\n\n", String(repeating: "标题\n", count: 50), String(repeating: "长", count: 200_000),
                      "本报讯", "记者", "（", "● 记者", "本报讯（记者 张三"]
        for input in inputs {
            _ = parser.parse(input, source: "x")
        }
    }
}
