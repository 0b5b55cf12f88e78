import Foundation
import NewsHostCore
import PluginHost

/// The articles the behaviour checks feed plugins.
enum SampleArticles {
    /// The source of the built-in articles.
    static let builtInSource = "built-in"

    /// Articles parsed from the seed pages in `directory`, or two built-in
    /// articles when there is no such directory.
    static func seeds(in directory: String?) -> [Article] {
        if let directory, let inputs = try? InputSource.expand([directory]) {
            let articles = inputs.flatMap { (try? PageReader().read($0).articles) ?? [] }
            if !articles.isEmpty { return articles }
        }
        return [
            Article(
                source: builtInSource, index: 0, titles: ["徐汇区召开知识产权保护大会"], headline: "徐汇区召开知识产权保护大会",
                bylines: ["记者"], dateline: "4月23日",
                paragraphs: ["4月23日，徐汇区召开知识产权保护大会，发布知识产权保护十大案例。", "会议强调，要加强知识产权保护和专利运用，优化营商环境。"]),
            Article(source: builtInSource, index: 1, paragraphs: ["本区加强地下空间督查整治，切实消除消防安全隐患。", "参与约谈的物业企业纷纷表示将高度重视。"]),
        ]
    }

    /// Articles no parser produces but a plugin must survive.
    static var hostile: [RawArticle] {
        let tenMegabytes = Array(String(repeating: "知识产权保护。企业发展很快！", count: 10 * 1024 * 1024 / 42).utf8)
        return [
            RawArticle(id: Array("hostile#empty".utf8)),
            RawArticle(id: Array("hostile#no-headline".utf8), paragraphs: [Array("没有标题的文章。".utf8)]),
            RawArticle(id: Array("hostile#10MB".utf8), paragraphs: [tenMegabytes]),
            RawArticle(
                id: Array("hostile#invalid-utf8".utf8), headline: [0xFF, 0xFE, 0x41],
                titles: [[0xC3, 0x28]], paragraphs: [[0xE4, 0xBD], Array("正文。".utf8) + [0x80, 0xBF]]),
            RawArticle(
                id: Array("hostile#nul".utf8), headline: Array("标题\u{0}中间".utf8),
                paragraphs: [Array("正文\u{0}里有空字符。".utf8)]),
            RawArticle(
                id: Array("hostile#emoji-combining".utf8),
                paragraphs: [Array("表情😀👍🏽👨‍👩‍👧与组合字符é、ñ、Å，还有异体字︀。".utf8)]),
            RawArticle(
                id: Array("hostile#rtl".utf8), headline: Array("مرحبا بالعالم".utf8),
                paragraphs: [Array("‏שלום עולם. مرحبا بالعالم! 中文混排。".utf8)]),
            RawArticle(
                id: Array("hostile#latin".utf8),
                paragraphs: [Array("The council met on Monday; it approved the budget.".utf8)]),
        ]
    }
}
