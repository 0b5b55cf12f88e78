import CNewsHostPlugin
import Foundation
import NewsHostCore
import NewsHostTestSupport
import Synchronization
import Testing

@testable import PluginHost

/// Collects plugin log messages for assertions.
final class LogRecorder: Sendable {
    private let messages = Mutex<[PluginLogMessage]>([])
    var handler: PluginLogHandler { { message in self.messages.withLock { $0.append(message) } } }
    var all: [PluginLogMessage] { messages.withLock { $0 } }
}

@Suite struct PluginInstanceTests {
    let article = Article(
        source: "t.txt", index: 3, titles: ["区里召开会议"], headline: "区里召开会议",
        bylines: ["张三"], paragraphs: ["知识产权和专利保护。", "企业融资。"])

    @Test func classifyLabelsAnArticleAndExplainsWhy() throws {
        let library = try PluginLibrary(path: TestPaths.plugin("classify"))
        let instance = try PluginInstance(
            library: library, options: [("threshold", "0.01"), ("max-labels", "3")], logHandler: { _ in })
        let result = try instance.process(article, annotations: Annotations())
        #expect(result.labels.first?.name == "intellectual-property")
        #expect(result.labels.allSatisfy { $0.plugin == "classify" && (0...1).contains($0.score) })
        #expect(result.fields.first { $0.key == "matched_terms" }?.value.contains("专利") == true)
        try instance.finish()
        instance.destroy()
    }

    @Test func earlierAnnotationsAreVisibleToTheNextPlugin() throws {
        let library = try PluginLibrary(path: try Fixtures.plugin("fixture"))
        let log = LogRecorder()
        let instance = try PluginInstance(library: library, options: [("label", "x")], logHandler: log.handler)
        var earlier = Annotations()
        earlier.labels = [Label(plugin: "a", name: "one", score: 0.1), Label(plugin: "a", name: "two", score: 0.2)]
        let result = try instance.process(article, annotations: earlier)
        #expect(result.labels == [Label(plugin: "fixture", name: "x", score: 0.5)])
        #expect(result.fields == [Field(plugin: "fixture", key: "seen", value: "2")])
        #expect(log.all.contains(PluginLogMessage(pluginID: "fixture", level: .debug, message: "fixture created")))
    }

    @Test func failingCreateReportsStatusAndMessage() throws {
        let library = try PluginLibrary(path: try Fixtures.plugin("fail-create", ["FAIL_CREATE"]))
        #expect(
            throws: PluginCallError.createFailed(
                plugin: "fail-create", status: -2, message: "fixture refuses to start: FAIL_CREATE was set")
        ) {
            try PluginInstance(library: library, options: [("label", "fixture")], logHandler: { _ in })
        }
    }

    @Test func unknownOptionIsRefusedByThePlugin() throws {
        let library = try PluginLibrary(path: try Fixtures.plugin("fixture"))
        #expect(throws: PluginCallError.self) {
            try PluginInstance(library: library, options: [("colour", "red")], logHandler: { _ in })
        }
    }

    @Test func failingProcessNamesTheArticle() throws {
        let library = try PluginLibrary(path: try Fixtures.plugin("fail-second", ["FAIL_PROCESS_AT=2"]))
        let instance = try PluginInstance(library: library, options: [("label", "fixture")], logHandler: { _ in })
        _ = try instance.process(article, annotations: Annotations())
        #expect(
            throws: PluginCallError.processFailed(
                plugin: "fail-second", articleID: "t.txt#3", status: -1, message: "fixture fails here on purpose")
        ) {
            try instance.process(article, annotations: Annotations())
        }
        _ = try instance.process(article, annotations: Annotations())
    }

    @Test func hostRefusesANaNScoreAndWarns() throws {
        let library = try PluginLibrary(path: try Fixtures.plugin("nan", ["NAN_SCORE"]))
        let log = LogRecorder()
        let instance = try PluginInstance(library: library, options: [("label", "fixture")], logHandler: log.handler)
        let result = try instance.process(article, annotations: Annotations())
        #expect(!result.labels.contains { $0.name == "nan" })
        #expect(log.all.contains { $0.level == .warn && $0.message.contains("add_label") })
    }

    @Test func articleViewCarriesEveryField() throws {
        // export-csv writes what it sees, so its output shows what crossed the boundary.
        let directory = try TestPaths.temporaryDirectory()
        let path = directory.appendingPathComponent("out.csv").path
        let library = try PluginLibrary(path: TestPaths.plugin("export-csv"))
        let instance = try PluginInstance(
            library: library, options: [("path", path), ("bom", "false")], logHandler: { _ in })
        var annotations = Annotations()
        annotations.labels = [Label(plugin: "p", name: "economy", score: 0.25)]
        annotations.summaries = [Summary(plugin: "s", text: "摘要")]
        annotations.keywords = [Keyword(plugin: "s", term: "专利", weight: 2)]
        var full = article
        full.dateline = "3月5日"
        _ = try instance.process(full, annotations: annotations)
        #expect(!FileManagerProbe.exists(path), "nothing is visible before finish")
        try instance.finish()
        #expect(!FileManagerProbe.exists(path), "nothing is visible before commit")
        try instance.commit()
        let csv = try String(contentsOfFile: path, encoding: .utf8)
        #expect(
            csv == "id,source,headline,bylines,dateline,labels,summary,keywords,body\r\n"
                + "t.txt#3,t.txt,区里召开会议,张三,3月5日,economy:0.25,摘要,专利,\"知识产权和专利保护。\n企业融资。\"\r\n")
    }

    /// The views of the plugins an article goes through point into one
    /// layout of its text, each with the annotations of its own place in
    /// the chain.
    @Test func oneLayoutOfTheArticleServesEveryView() throws {
        let layout = ArticleLayout(article)
        var earlier = Annotations()
        earlier.labels = [Label(plugin: "classify", name: "economy", score: 0.5)]
        let first = ArticleView(layout: layout, annotations: Annotations())
        let second = ArticleView(layout: layout, annotations: earlier, record: Array("行".utf8))
        let (a, b) = (first.pointer.pointee, second.pointer.pointee)
        #expect(a.body.data == b.body.data && a.id.data == b.id.data && a.titles.items == b.titles.items)
        let body = String(decoding: UnsafeRawBufferPointer(start: b.body.data, count: b.body.len), as: UTF8.self)
        #expect(body == "知识产权和专利保护。\n企业融资。")
        #expect(b.paragraphs.count == 2 && b.paragraphs.items![1].data == b.body.data! + "知识产权和专利保护。\n".utf8.count)
        #expect(a.label_count == 0 && b.label_count == 1 && a.record.len == 0 && b.record.len == 3)
        let label = b.labels![0]!.pointee.name
        #expect(
            String(decoding: UnsafeRawBufferPointer(start: label.data, count: label.len), as: UTF8.self) == "economy")
        // The layout outlives a view that is gone.
        _ = ArticleView(layout: layout, annotations: earlier)
        #expect(first.pointer.pointee.body.len == b.body.len)
    }

    /// An article the host parsed is vouched valid UTF-8 (ABI 1.2); raw
    /// bytes, the conformance suite's, never are, even when they happen to
    /// be valid, and whatever the annotations.
    @Test func onlyParsedArticlesAreVouchedValidUTF8() throws {
        let instance = try PluginInstance(
            library: try PluginLibrary(path: try Fixtures.plugin("reports-flags", ["REPORTS_FLAGS"])),
            options: [("label", "x")], logHandler: { _ in })
        func flags(_ result: Annotations) -> String? { result.fields.first { $0.key == "flags" }?.value }
        var earlier = Annotations()
        earlier.labels = [Label(plugin: "a", name: "一", score: 0.1)]
        #expect(flags(try instance.process(article, annotations: earlier)) == "1")
        #expect(flags(try instance.process(raw: RawArticle(article), annotations: earlier)) == "0")
        let invalid = RawArticle(id: Array("bad#0".utf8), paragraphs: [[0xE4, 0xB8], [0xFF, 0x41]])
        #expect(flags(try instance.process(raw: invalid)) == "0")
        #expect(flags(try instance.process(guarded: invalid)) == "0")
    }

    /// A run of one plugin's annotations shares one copy of its id; a
    /// different id gets its own, even one of the same length.
    @Test func annotationsOfOnePluginShareItsId() {
        var annotations = Annotations()
        annotations.labels = [
            Label(plugin: "classify", name: "a", score: 0.5), Label(plugin: "classify", name: "b", score: 0.4),
        ]
        annotations.keywords = [Keyword(plugin: "summarize", term: "词", weight: 1)]
        // As long as "summarize", differing in its last byte only.
        annotations.fields = [Field(plugin: "summarizf", key: "k", value: "v")]
        let owner = ArticleView(layout: ArticleLayout(article), annotations: annotations)
        defer { withExtendedLifetime(owner) {} }
        let view = owner.pointer.pointee
        func text(_ value: nh_str) -> String {
            String(decoding: UnsafeRawBufferPointer(start: value.data, count: value.len), as: UTF8.self)
        }
        let (first, second) = (view.labels![0]!.pointee.plugin, view.labels![1]!.pointee.plugin)
        let keyword = view.keywords![0]!.pointee.plugin
        #expect(first.data == second.data && text(first) == "classify" && text(second) == "classify")
        #expect(keyword.data != first.data && text(keyword) == "summarize")
        let field = view.fields![0]!.pointee.plugin
        #expect(field.data != keyword.data && text(field) == "summarizf")
        #expect(text(view.labels![1]!.pointee.name) == "b" && text(view.keywords![0]!.pointee.term) == "词")
    }

    /// The ordered stage's path for an exporter with `prepare`: `process`
    /// gets the view `prepare` saw, with the record, and writes it; the
    /// view's record is empty again afterwards.
    @Test func theOrderedProcessReusesThePreparedView() throws {
        let directory = try TestPaths.temporaryDirectory()
        let path = directory.appendingPathComponent("out.jsonl").path
        let exporter = try PluginInstance(
            library: try PluginLibrary(path: TestPaths.plugin("export-jsonl")), options: [("path", path)],
            logHandler: { _ in })
        var annotations = Annotations()
        annotations.keywords = [Keyword(plugin: "s", term: "专利", weight: 2)]
        let prepared = try exporter.prepareExport(
            for: article, layout: ArticleLayout(article), annotations: annotations)
        let line = try #require(prepared.bytes)
        #expect(String(decoding: line, as: UTF8.self).contains("\"term\":\"专利\""))
        _ = try exporter.process(article, prepared: prepared)
        #expect(prepared.view.pointer.pointee.record.len == 0 && prepared.view.pointer.pointee.record.data == nil)
        try exporter.finish()
        try exporter.commit()
        exporter.destroy()
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: path))) == line)
    }

    /// A run's path: the in-process stages process one layout in turn.
    @Test func pluginsProcessOneLayoutInTurn() throws {
        let layout = ArticleLayout(article)
        let classify = try PluginInstance(
            library: try PluginLibrary(path: TestPaths.plugin("classify")),
            options: [("threshold", "0.01"), ("max-labels", "3")], logHandler: { _ in })
        let fixture = try PluginInstance(
            library: try PluginLibrary(path: try Fixtures.plugin("fixture")), options: [("label", "x")],
            logHandler: { _ in })
        let labels = try classify.process(article, layout: layout, annotations: Annotations())
        #expect(labels.labels.first?.name == "intellectual-property")
        let seen = try fixture.process(article, layout: layout, annotations: labels)
        #expect(seen.fields == [Field(plugin: "fixture", key: "seen", value: "\(labels.labels.count)")])
    }
}

enum FileManagerProbe {
    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }
}
