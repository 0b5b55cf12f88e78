import Foundation
import NewsHostCore
import NewsHostTestSupport
import PluginHost
import Testing

@testable import NewsHostRuntime

@Suite struct ChainTests {
    let searchPath = PluginSearchPath(
        explicit: [TestPaths.buildDirectory.path], environment: [:], executableDirectory: nil)

    private func seedArticles() throws -> [Article] {
        try InputSource.expand([TestPaths.seeds.path]).flatMap { try PageReader().read($0).articles }
    }

    @Test func seedsThroughClassifyAndExportCSV() throws {
        let output = try TestPaths.temporaryDirectory().appendingPathComponent("seeds.csv")
        let chain = try Chain.load(
            plugins: ["classify", "export-csv"], searchPath: searchPath,
            options: [try OptionAssignment(parsing: "export-csv.path=\(output.path)")], logHandler: { _ in })
        var problems: [String] = []
        let report = Runner(onProblem: { problems.append($0) }).run(
            try InputSource.expand([TestPaths.seeds.path]), through: chain)
        chain.destroy()
        #expect(problems.isEmpty)
        #expect(report.inputsRead == 5)
        let articles = try seedArticles()
        #expect(report.articlesCompleted == articles.count)

        let rows = try CSVReader.parse(try String(contentsOf: output, encoding: .utf8))
        #expect(
            rows.first == ["id", "source", "headline", "bylines", "dateline", "labels", "summary", "keywords", "body"])
        #expect(rows.count == articles.count + 1)
        for (row, article) in zip(rows.dropFirst(), articles) {
            #expect(row.count == 9)
            #expect(row[0] == article.id)
            #expect(row[2] == (article.headline ?? ""))
            #expect(row[8] == article.body, "the body round-trips through CSV quoting")
            #expect(!row[5].isEmpty, "\(article.id) has labels")
        }
    }

    /// A chain of a fixture that fails on its third article, then export-csv
    /// writing to a file, run over the seeds with `policy`.
    private func runWithFailingThirdArticle(
        _ policy: ErrorPolicy
    ) throws -> (RunReport, problems: [String], rows: [[String]]) {
        let directory = try TestPaths.temporaryDirectory()
        try PluginCompiler.fixture("failing", defines: ["FAIL_PROCESS_AT=3"], into: directory)
        let output = directory.appendingPathComponent("out.csv")
        let path = PluginSearchPath(
            explicit: [directory.path, TestPaths.buildDirectory.path], environment: [:], executableDirectory: nil)
        let chain = try Chain.load(
            plugins: ["failing", "export-csv"], searchPath: path,
            options: [try OptionAssignment(parsing: "export-csv.path=\(output.path)")], logHandler: { _ in })
        var problems: [String] = []
        let report = Runner(policy: policy, onProblem: { problems.append($0) }).run(
            try InputSource.expand([TestPaths.seeds.path]), through: chain)
        return (report, problems, try CSVReader.parse(try String(contentsOf: output, encoding: .utf8)))
    }

    @Test func stopPolicyStopsButStillFinishesExporters() throws {
        let (report, problems, rows) = try runWithFailingThirdArticle(.stop)
        #expect(report.stoppedEarly)
        #expect(report.articlesCompleted == 2)
        #expect(report.pluginFailures.count == 1)
        #expect(problems.first?.contains("plugin failing: failed on article 000_90bab6fec0c8b54c.txt#2") == true)
        #expect(rows.count == 3, "the header and the two completed articles")
    }

    @Test func skipPolicyLeavesOutOnlyTheFailingArticle() throws {
        let (report, _, rows) = try runWithFailingThirdArticle(.skip)
        #expect(!report.stoppedEarly)
        #expect(report.articlesCompleted == report.articlesRead - 1)
        let ids = rows.dropFirst().map { $0[0] }
        #expect(!ids.contains("000_90bab6fec0c8b54c.txt#2"))
        #expect(ids.count == report.articlesCompleted)
    }

    @Test func laterPluginsSeeEarlierAnnotations() throws {
        let directory = try TestPaths.temporaryDirectory()
        try PluginCompiler.fixture("first", defines: ["PLUGIN_ID=\"first\""], into: directory)
        try PluginCompiler.fixture("second", defines: ["PLUGIN_ID=\"second\""], into: directory)
        let path = PluginSearchPath(explicit: [directory.path], environment: [:], executableDirectory: nil)
        let chain = try Chain.load(plugins: ["first", "second"], searchPath: path, options: [], logHandler: { _ in })
        let result = try chain.process(Article(source: "x", index: 0, paragraphs: ["正文。"]))
        #expect(result.annotations.fields.map(\.value) == ["0", "1"])
        #expect(result.annotations.labels.map(\.plugin) == ["first", "second"])
    }

    @Test func duplicatePluginAndOptionForAbsentPluginAreRefused() throws {
        #expect(throws: RuntimeError.duplicatePlugin(id: "classify")) {
            try Chain.load(
                plugins: ["classify", "classify"], searchPath: searchPath, options: [], logHandler: { _ in })
        }
        #expect(throws: RuntimeError.self) {
            try Chain.load(
                plugins: ["classify"], searchPath: searchPath,
                options: [try OptionAssignment(parsing: "export-csv.path=x")], logHandler: { _ in })
        }
    }

    @Test func unwritableExportPathFailsAtStartLeavingNothing() throws {
        let directory = try TestPaths.temporaryDirectory()
        #expect(throws: PluginHost.PluginCallError.self) {
            try Chain.load(
                plugins: ["export-csv"], searchPath: searchPath,
                options: [try OptionAssignment(parsing: "export-csv.path=\(directory.path)/missing/dir/out.csv")],
                logHandler: { _ in })
        }
    }
}
