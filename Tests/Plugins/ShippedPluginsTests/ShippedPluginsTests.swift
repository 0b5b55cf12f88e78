import Foundation
import NewsHostCore
import NewsHostRuntime
import NewsHostTestSupport
import PluginHost
import Testing

@Suite struct ShippedPluginsTests {
    @Test(arguments: ShippedPlugin.ids)
    func survivesHostileArticles(id: String) throws {
        let directory = try TestPaths.temporaryDirectory()
        let instance = try ShippedPlugin.instance(id, ShippedPlugin.outputOptions(id, in: directory))
        for article in ShippedPlugin.hostileArticles {
            let result = try instance.process(article, annotations: Annotations())
            for summary in result.summaries {
                #expect(summary.text.count <= article.body.count, "\(id) summary longer than the body of \(article.id)")
            }
            #expect(result.labels.allSatisfy { (0...1).contains($0.score) })
            #expect(result.keywords.allSatisfy { $0.weight.isFinite })
        }
        try instance.finish()
    }

    @Test(arguments: ["classify", "summarize"])
    func isDeterministic(id: String) throws {
        let articles = try ShippedPlugin.seedArticles()
        let first = try ShippedPlugin.instance(id)
        let second = try ShippedPlugin.instance(id)
        for article in articles {
            #expect(
                try first.process(article, annotations: Annotations())
                    == second.process(article, annotations: Annotations()))
        }
    }

    @Test(arguments: [
        ("classify", "threshold", "1.5"), ("classify", "max-labels", "0"),
        ("classify", "taxonomy", "/no/such/taxonomy.json"),
        ("summarize", "sentences", "0"), ("summarize", "keywords", "-1"),
        ("export-csv", "path", "/no/such/dir/out.csv"), ("export-jsonl", "path", "/no/such/dir/out.jsonl"),
        ("export-sqlite", "path", "/no/such/dir/out.sqlite"),
    ])
    func unusableOptionValuesAreRefusedAtCreate(id: String, key: String, value: String) {
        #expect {
            try ShippedPlugin.instance(id, [key: value])
        } throws: { error in
            guard case .createFailed(let plugin, let status, let message) = error as? PluginCallError else {
                return false
            }
            return plugin == id && (status == -2 || status == -3) && message?.isEmpty == false
        }
    }

    @Test func hostRefusesAnUnknownChoiceBeforeCreate() {
        #expect(throws: RuntimeError.self) { try ShippedPlugin.instance("summarize", ["method": "magic"]) }
    }

    @Test func classifyExplainsAndHonoursThreshold() throws {
        let article = try #require(ShippedPlugin.seedArticles().first { $0.body.contains("知识产权") })
        let strict = try ShippedPlugin.instance("classify", ["threshold": "1"]).process(
            article, annotations: Annotations())
        #expect(strict.labels.map(\.name) == ["other"])
        let normal = try ShippedPlugin.instance("classify").process(article, annotations: Annotations())
        #expect(normal.labels.contains { $0.name == "intellectual-property" })
        #expect(normal.fields.first { $0.key == "matched_terms" }?.value.contains("知识产权×") == true)
    }

    @Test func classifyReadsACustomTaxonomy() throws {
        let file = try TestPaths.temporaryDirectory().appendingPathComponent("mine.json")
        try Data(
            #"{"name":"mine","calibration":{"slope":5,"offset":-1,"reference_length":100},"labels":[{"id":"weather","terms":{"天气":1}}]}"#
                .utf8
        ).write(to: file)
        let result = try ShippedPlugin.instance("classify", ["taxonomy": file.path])
            .process(Article(source: "x", index: 0, paragraphs: ["今天天气很好。"]), annotations: Annotations())
        #expect(result.labels.map(\.name) == ["weather"])
    }

    @Test func summarizeUsesTheBodyAloneAndHonoursOptions() throws {
        let article = Article(
            source: "x", index: 0, titles: ["标题不会进入摘要"], headline: "标题不会进入摘要",
            paragraphs: ["区里召开会议。", "会议讨论了预算。", "会议结束后大家回家。"])
        let result = try ShippedPlugin.instance("summarize", ["sentences": "1", "method": "lead", "keywords": "3"])
            .process(article, annotations: Annotations())
        #expect(result.summaries.map(\.text) == ["区里召开会议。"])
        #expect(result.keywords.count <= 3)
        #expect(result.keywords.first?.term == "会议")
    }
}
