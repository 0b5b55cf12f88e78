import Foundation
import NewsHostCore
import NewsHostTestSupport
import PluginHost
import Testing

@Suite struct ExporterTests {
    /// How far a run gets before the exporter is destroyed.
    private enum Ending {
        /// Stopped before `finish`.
        case stopped
        /// `finish` ran but not `commit` (another plugin's `finish` crashed or failed).
        case finishedOnly
        /// `finish`, then `commit`, as the host ends every run.
        case committed
    }

    /// Runs the seeds through classify, summarize and `exporter` into `directory`.
    private func export(_ exporter: String, into directory: URL, ending: Ending = .committed) throws -> Int {
        let classify = try ShippedPlugin.instance("classify")
        let summarize = try ShippedPlugin.instance("summarize")
        let sink = try ShippedPlugin.instance(exporter, ShippedPlugin.outputOptions(exporter, in: directory))
        let articles = try ShippedPlugin.seedArticles()
        for article in articles {
            var annotations = try classify.process(article, annotations: Annotations())
            annotations.merge(try summarize.process(article, annotations: annotations))
            _ = try sink.process(article, annotations: annotations)
        }
        if ending != .stopped { try sink.finish() }
        #expect(sink.commitsSeparately, "every shipped exporter commits in two phases")
        if ending == .committed { try sink.commit() }
        sink.destroy()
        return articles.count
    }

    @Test func jsonLinesValidateAgainstTheSchema() throws {
        let directory = try TestPaths.temporaryDirectory()
        let count = try export("export-jsonl", into: directory)
        let output = directory.appendingPathComponent("out.jsonl")
        let lines = try String(contentsOf: output, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == count)
        let check = try Command.run(
            "/usr/bin/python3",
            [
                "-c",
                """
                import json, sys, jsonschema
                schema = json.load(open(sys.argv[1]))
                validator = jsonschema.Draft202012Validator(schema)
                for number, line in enumerate(open(sys.argv[2]), 1):
                    errors = list(validator.iter_errors(json.loads(line)))
                    if errors:
                        sys.exit(f"line {number}: {errors[0].message}")
                """, TestPaths.root.appendingPathComponent("schemas/export-jsonl.schema.json").path, output.path,
            ])
        #expect(check.status == 0, "\(check.stderr)")
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect((first["labels"] as? [[String: Any]])?.first?["plugin"] as? String == "classify")
        #expect((first["summaries"] as? [[String: Any]])?.first?["plugin"] as? String == "summarize")
    }

    @Test func sqliteDatabaseHasTheRowsAndASecondRunUpdatesInPlace() throws {
        let directory = try TestPaths.temporaryDirectory()
        let count = try export("export-sqlite", into: directory)
        let database = directory.appendingPathComponent("out.sqlite").path
        func query(_ sql: String) throws -> String {
            let result = try Command.run("/usr/bin/sqlite3", [database, sql])
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(try query("SELECT count(*) FROM articles") == "\(count)")
        let labels = try query("SELECT count(*) FROM labels")
        let keywords = try query("SELECT count(*) FROM keywords")
        #expect(Int(labels)! >= count)
        #expect(Int(keywords)! > count)
        #expect(try query("PRAGMA foreign_key_check") == "")
        #expect(try query("SELECT count(*) FROM articles WHERE summary_plugin = 'summarize'") != "0")

        _ = try export("export-sqlite", into: directory)
        #expect(try query("SELECT count(*) FROM articles") == "\(count)")
        #expect(try query("SELECT count(*) FROM labels") == labels)
        #expect(try query("SELECT count(*) FROM keywords") == keywords)
    }

    @Test func sqliteRunThatDoesNotFinishLeavesTheDatabaseAsItWas() throws {
        let directory = try TestPaths.temporaryDirectory()
        let database = directory.appendingPathComponent("out.sqlite")
        _ = try export("export-sqlite", into: directory, ending: .stopped)
        #expect(!FileManager.default.fileExists(atPath: database.path), "a database this run created is removed")

        _ = try export("export-sqlite", into: directory)
        let before = try Data(contentsOf: database)
        let sink = try ShippedPlugin.instance(
            "export-sqlite", ShippedPlugin.outputOptions("export-sqlite", in: directory))
        _ = try sink.process(Article(source: "new.txt", index: 0, paragraphs: ["不该留下。"]), annotations: Annotations())
        sink.destroy()
        #expect(try Data(contentsOf: database) == before)
    }

    @Test(arguments: ["export-csv", "export-jsonl"])
    func fileExportersLeaveNothingWhenTheRunDoesNotFinish(id: String) throws {
        let directory = try TestPaths.temporaryDirectory()
        _ = try export(id, into: directory, ending: .stopped)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    /// Finished but never committed: what `finish` prepared is discarded
    /// and an existing target keeps its contents.
    @Test(arguments: ["export-csv", "export-jsonl", "export-sqlite"])
    func exportersFinishedButNotCommittedLeaveTheTargetAsItWas(id: String) throws {
        let directory = try TestPaths.temporaryDirectory()
        _ = try export(id, into: directory, ending: .finishedOnly)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)

        _ = try export(id, into: directory)
        let target = URL(fileURLWithPath: ShippedPlugin.outputOptions(id, in: directory)["path"]!)
        let before = try Data(contentsOf: target)
        _ = try export(id, into: directory, ending: .finishedOnly)
        #expect(try Data(contentsOf: target) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [target.lastPathComponent])
    }

    @Test(arguments: ["export-csv", "export-jsonl", "export-sqlite"])
    func exportersWriteOnlyThePathTheyWereGiven(id: String) throws {
        let directory = try TestPaths.temporaryDirectory()
        _ = try export(id, into: directory)
        let name = URL(fileURLWithPath: ShippedPlugin.outputOptions(id, in: directory)["path"]!).lastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [name])
    }

    /// export-jsonl writes its lines from the host's bytes in place; bytes
    /// that are not UTF-8 (which the host never sends, but the header's
    /// promise is all a plugin has) come out replaced by U+FFFD, as a copied
    /// article's strings would, so every line stays valid UTF-8 and JSON.
    @Test func jsonLinesFromInvalidUTF8AreRepairedNotCopied() throws {
        let directory = try TestPaths.temporaryDirectory()
        let sink = try ShippedPlugin.instance(
            "export-jsonl", ShippedPlugin.outputOptions("export-jsonl", in: directory))
        let headline: [UInt8] = [0xFF, 0xFE, 0x41]
        let paragraphs: [[UInt8]] = [[0xE4, 0xBD], Array("正文。".utf8) + [0x80, 0xBF], Array("\"引号\"\n".utf8)]
        let article = RawArticle(
            id: Array("bad#0".utf8), headline: headline, titles: [[0xC3, 0x28]], paragraphs: paragraphs)
        _ = try sink.process(raw: article)
        try sink.finish()
        try sink.commit()
        sink.destroy()
        let bytes = try Data(contentsOf: directory.appendingPathComponent("out.jsonl"))
        #expect(String(validating: Array(bytes), as: UTF8.self) != nil, "the line is valid UTF-8")
        let line = try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
        func repaired(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
        #expect(line["headline"] as? String == repaired(headline))
        #expect(line["titles"] as? [String] == [repaired([0xC3, 0x28])])
        #expect(line["paragraphs"] as? [String] == paragraphs.map(repaired))
        #expect(line["body"] as? String == repaired(article.body))
    }

}
