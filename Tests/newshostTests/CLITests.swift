import Foundation
import NewsHostTestSupport
import Testing

/// The `newshost` executable, run as a user would.
@Suite struct CLITests {
    @Test(arguments: [
        ["--help"], ["run", "--help"], ["parse", "--help"], ["plugins", "--help"], ["inspect", "--help"],
    ])
    func everyCommandHasHelp(arguments: [String]) throws {
        let result = try Command.newshost(arguments)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Usage: newshost"))
        #expect(result.stdout.contains("Exit status:"))
    }

    /// The command table, the unknown-command message and the commands
    /// that answer `--help` come from one list, so they agree.
    @Test func theCommandTableTheUnknownCommandMessageAndTheHelpsAgree() throws {
        let main = try Command.newshost(["--help"]).stdout
        let table = main.components(separatedBy: "Commands:\n")[1].components(separatedBy: "\n\n")[0]
        let names = table.split(separator: "\n").map { String($0.split(separator: " ")[0]) }
        #expect(names == ["run", "parse", "pack", "plugins", "inspect", "conformance", "new-plugin"])
        let unknown = try Command.newshost(["frobnicate"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("commands are \(names.joined(separator: ", ")) (see"), "\(unknown.stderr)")
        for name in names {
            let help = try Command.newshost([name, "--help"])
            #expect(help.status == 0)
            #expect(help.stdout.hasPrefix("Usage: newshost \(name) "), "\(name)")
            #expect(help.stdout.contains("  -h, --help"), "\(name)")
            #expect(help.stdout.contains("Exit status:"), "\(name)")
            // No line runs past the width the help is laid out for.
            #expect(help.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(name)")
        }
    }

    /// A flag that one command declares is not taken by another.
    @Test func aFlagOfAnotherCommandIsRefusedByName() throws {
        let result = try Command.newshost(["parse", "--jobs", "2"], directory: TestPaths.root)
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown flag --jobs for `newshost parse`"), "\(result.stderr)")
    }

    @Test func versionNamesTheABI() throws {
        let result = try Command.newshost(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("plugin ABI 1.2"))
    }

    @Test func mainJobOnTheSeedsWritesACSVAndASummary() throws {
        let result = try Command.newshost(["run", "--plugins", "classify,export-csv"], directory: TestPaths.root)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try CSVReader.parse(result.stdout)
        #expect(rows.count > 20)
        #expect(
            result.stderr.contains(
                "newshost: \(rows.count - 1) of \(rows.count - 1) articles from 5 inputs through 2 plugins"))
    }

    @Test func pluginsTableListsTheShippedPlugins() throws {
        let result = try Command.newshost(["plugins"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("ID") == true)
        #expect(lines.contains { $0.hasPrefix("classify") && $0.contains("classifier") })
        #expect(lines.contains { $0.hasPrefix("export-csv") && $0.contains("exporter") })
    }

    @Test func inspectShowsOptionsAndHooks() throws {
        let result = try Command.newshost(["inspect", "export-csv"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("export-csv.bom (bool, default false)"))
        #expect(result.stdout.contains("process    i32(ptr,ptr,ptr)"))
    }

    @Test func unknownPluginIsAUsageErrorListingWhatWasFound() throws {
        let result = try Command.newshost(["run", "--plugins", "clasify", "seeds"], directory: TestPaths.root)
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown plugin `clasify`"))
        #expect(result.stderr.contains("plugins found: classify, export-csv"))
    }

    @Test func unknownOptionKeyIsAUsageError() throws {
        let result = try Command.newshost(
            ["run", "--plugins", "classify", "--option", "classify.colour=red", "seeds"], directory: TestPaths.root)
        #expect(result.status == 2)
        #expect(
            result.stderr.contains("plugin classify has no option `colour`; it takes taxonomy, threshold, max-labels"))
    }

    @Test func badOptionValueIsAUsageError() throws {
        let result = try Command.newshost(
            ["run", "--plugins", "classify", "--option", "classify.max-labels=many"], directory: TestPaths.root)
        #expect(result.status == 2)
        #expect(result.stderr.contains("option classify.max-labels=many: expected an integer"))
    }

    @Test func missingInputIsNamed() throws {
        let result = try Command.newshost(["run", "--plugins", "classify", "no-such-page.txt"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("no-such-page.txt: no such file or directory"))
    }

    @Test func emptyInputIsReportedAndTheOthersStillRun() throws {
        let directory = try TestPaths.temporaryDirectory()
        let empty = directory.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let seed = TestPaths.seeds.appendingPathComponent("002_67aee3b59f0a252d.txt").path
        let result = try Command.newshost(["run", "--plugins", "classify,export-csv", empty.path, seed])
        #expect(result.status == 3)
        #expect(result.stderr.contains("empty.txt: the file is empty"))
        #expect(try CSVReader.parse(result.stdout).count > 1, "the seed was still processed")
    }

    @Test func binaryInputIsRefused() throws {
        let file = try TestPaths.temporaryDirectory().appendingPathComponent("image.txt")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]).write(to: file)
        let result = try Command.newshost(["parse", file.path])
        #expect(result.status == 3)
        #expect(result.stderr.contains("image.txt: not a text page"))
    }

    @Test func directoryWithoutTextFilesIsNamed() throws {
        let directory = try TestPaths.temporaryDirectory()
        let result = try Command.newshost(["run", "--plugins", "classify", directory.path])
        #expect(result.status == 3)
        #expect(result.stderr.contains("the directory holds no .txt or .jsonl files"))
    }

    @Test func noInputAndNoSeedsSaysWhatToPass() throws {
        let result = try Command.newshost(
            ["run", "--plugins", "classify"], directory: try TestPaths.temporaryDirectory())
        #expect(result.status == 3)
        #expect(result.stderr.contains("no input given and no ./seeds directory here"))
    }

    @Test func unknownFlagAndCommandAreUsageErrors() throws {
        #expect(try Command.newshost(["run", "--plugns", "x"]).status == 2)
        let result = try Command.newshost(["frobnicate"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown command `frobnicate`"))
    }

    @Test func misbuiltPluginExitsFourWithItsReason() throws {
        let directory = try TestPaths.temporaryDirectory()
        let path = try PluginCompiler.fixture("old", defines: ["WRONG_MAJOR"], into: directory)
        let result = try Command.newshost(["run", "--plugins", path, "seeds"], directory: TestPaths.root)
        #expect(result.status == 4)
        #expect(result.stderr.contains("\(path): built for plugin ABI v99, this host speaks ABI v1"))
    }

    @Test func failingPluginNamesPluginArticleAndMessage() throws {
        let directory = try TestPaths.temporaryDirectory()
        try PluginCompiler.fixture("flaky", defines: ["FAIL_PROCESS_AT=2"], into: directory)
        let result = try Command.newshost(
            ["run", "--plugin-path", directory.path, "--plugins", "flaky", "seeds"], directory: TestPaths.root)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "plugin flaky: failed on article 000_90bab6fec0c8b54c.txt#1 (NH_ERR_INVALID_INPUT): fixture fails here on purpose"
            ))
        let skipped = try Command.newshost(
            ["run", "--plugin-path", directory.path, "--plugins", "flaky", "--on-error", "skip", "seeds"],
            directory: TestPaths.root)
        #expect(skipped.status == 0, "skipping was asked for, so it is no failure")
        #expect(skipped.stderr.contains("article skipped"))
        #expect(!skipped.stderr.contains("stopped early"))
    }

    @Test func failingCreateExitsFour() throws {
        let directory = try TestPaths.temporaryDirectory()
        try PluginCompiler.fixture("grumpy", defines: ["FAIL_CREATE"], into: directory)
        let result = try Command.newshost(
            ["run", "--plugin-path", directory.path, "--plugins", "grumpy", "seeds"], directory: TestPaths.root)
        #expect(result.status == 4)
        #expect(result.stderr.contains("plugin grumpy: could not start (NH_ERR_BAD_CONFIG): fixture refuses to start"))
    }

    @Test func csvToAFileAppearsOnlyComplete() throws {
        let directory = try TestPaths.temporaryDirectory()
        let output = directory.appendingPathComponent("out.csv")
        let result = try Command.newshost(
            [
                "run", "--plugins", "classify,export-csv", "--option", "export-csv.path=\(output.path)",
                "--option", "export-csv.bom=true",
            ], directory: TestPaths.root)
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let bytes = try Data(contentsOf: output)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.csv"],
            "no temporary file is left behind")
    }

    @Test func parseJSONLinesHasTheDocumentedKeys() throws {
        let result = try Command.newshost(["parse", "seeds/001_911cc9f572ef2ec7.txt"], directory: TestPaths.root)
        #expect(result.status == 0)
        let first = try #require(result.stdout.split(separator: "\n").first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        #expect(
            Set(object.keys) == [
                "id", "source", "index", "headline", "titles", "bylines", "dateline",
                "paragraphs", "body", "captions", "subheadings", "notes",
            ])
    }
}

/// Memory stays flat however large the input: the pipeline streams.
@Suite struct StreamingMemoryTests {
    private func peakMemory(_ result: CommandResult) -> Int? {
        guard let range = result.stderr.range(of: "peak memory ") else { return nil }
        return Int(result.stderr[range.upperBound...].prefix { $0.isNumber })
    }

    @Test func peakMemoryDoesNotGrowWithTheInput() throws {
        let small = try TestPaths.temporaryDirectory()
        let large = try TestPaths.temporaryDirectory()
        for (directory, size) in [(small, "200KB"), (large, "12MB")] {
            let generated = try Command.run(
                "/usr/bin/python3",
                [
                    TestPaths.root.appendingPathComponent("scripts/gen-corpus").path,
                    "--size", size, "--out", directory.path, "--newshost", TestPaths.newshost,
                ])
            #expect(generated.status == 0, "\(generated.stderr)")
        }
        let sink = try TestPaths.temporaryDirectory()
        func run(_ input: URL) throws -> CommandResult {
            try Command.newshost([
                "run", "--plugins", "classify,export-jsonl", "--jobs", "2",
                "--option", "export-jsonl.path=\(sink.appendingPathComponent(UUID().uuidString).path)", input.path,
            ])
        }
        let smallRun = try run(small)
        let largeRun = try run(large)
        #expect(smallRun.status == 0 && largeRun.status == 0, "\(largeRun.stderr)")
        let smallPeak = try #require(peakMemory(smallRun))
        let largePeak = try #require(peakMemory(largeRun))
        // 60 times the input; the bound allows for allocator slack, not for holding the corpus.
        #expect(largePeak < smallPeak + 40, "peak \(largePeak) MB for 12 MB of input vs \(smallPeak) MB for 200 KB")
    }
}

/// SIGTERM and Ctrl-C stop reading, finish the exporters and exit 143 / 130.
@Suite struct InterruptTests {
    @Test(arguments: [(SIGTERM, Int32(143)), (SIGINT, Int32(130))])
    func signalLeavesCompleteOutput(signal: Int32, status: Int32) throws {
        let fixtures = try TestPaths.temporaryDirectory()
        let mark = fixtures.appendingPathComponent("paused").path
        // Pauses on the third article of each page, after saying so: the
        // signal comes while the run is surely under way, however fast the
        // machine (a fixed wait let a fast build finish before it).
        let pauser = try PluginCompiler.fixture(
            "pauser", defines: ["PAUSE_ON_INDEX=2", "PAUSE_MARK=\"\(mark)\""], into: fixtures)
        let out = try TestPaths.temporaryDirectory()
        let csv = out.appendingPathComponent("out.csv")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.newshost)
        process.arguments = [
            "run", "--plugins", "\(pauser),classify,export-csv", "--jobs", "2", "--option",
            "export-csv.path=\(csv.path)", TestPaths.seeds.path,
        ]
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<600 where !FileManager.default.fileExists(atPath: mark) { usleep(100_000) }
        #expect(FileManager.default.fileExists(atPath: mark))
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationStatus == status)
        let rows = try CSVReader.parse(try String(contentsOf: csv, encoding: .utf8))
        #expect(rows.count > 1, "some articles were exported")
        #expect(rows.allSatisfy { $0.count == 9 }, "every row is whole")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out.path) == ["out.csv"], "no temporary file is left")
    }

    /// The article a plugin is processing when Ctrl-C comes is finished and
    /// exported, with one job and with several: nothing in progress is lost.
    @Test(arguments: [1, 2])
    func anInterruptFinishesAndCommitsTheInputInProgress(jobs: Int) throws {
        let directory = try TestPaths.temporaryDirectory()
        let mark = directory.appendingPathComponent("paused").path
        // Pauses on the third article of each page, after saying so.
        let plugin = try PluginCompiler.fixture(
            "pauser", defines: ["PAUSE_ON_INDEX=2", "PAUSE_MARK=\"\(mark)\""], into: directory)
        let csv = directory.appendingPathComponent("out.csv")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.newshost)
        process.arguments = [
            "run", "--plugins", "\(plugin),export-csv", "--jobs", "\(jobs)", "--option", "export-csv.path=\(csv.path)",
            TestPaths.seeds.appendingPathComponent("000_90bab6fec0c8b54c.txt").path,
        ]
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Waits for the plugin to be inside article #2 (generously), then interrupts.
        for _ in 0..<600 where !FileManager.default.fileExists(atPath: mark) { usleep(100_000) }
        #expect(FileManager.default.fileExists(atPath: mark))
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        let ids = try CSVReader.parse(try String(contentsOf: csv, encoding: .utf8)).dropFirst().map { $0[0] }
        #expect(ids.contains("000_90bab6fec0c8b54c.txt#2"), "the article in progress was exported: \(ids)")
        #expect(ids == ids.sorted { $0.count < $1.count || ($0.count == $1.count && $0 < $1) }, "in input order")
    }

    @Test func anArgumentThatIsNotUTF8IsRefusedNotMangled() throws {
        let directory = try TestPaths.temporaryDirectory()
        let result = try Command.run(
            "/bin/sh",
            [
                "-c",
                "exec \"$0\" run --plugins export-csv --option \"export-csv.path=$1/$(printf '\\377').csv\" \"$2\"",
                TestPaths.newshost, directory.path, TestPaths.seeds.path,
            ])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("is not valid UTF-8"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty, "no file under a mangled name")
    }

    @Test func aMistypedNameAfterIsolateIsAUsageError() throws {
        let result = try Command.newshost([
            "run", "--plugins", "classify,export-csv", "--isolate", "clasify", TestPaths.seeds.path,
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--isolate clasify: no plugin `clasify` in --plugins"))
    }

    /// The keywords export-jsonl writes for the first seed article after
    /// the fixture plugin built with `define`.
    private func firstArticleKeywords(fixture name: String, define: String) throws -> [[String: Any]] {
        let directory = try TestPaths.temporaryDirectory()
        let plugin = try PluginCompiler.fixture(name, defines: [define], into: directory)
        let result = try Command.newshost(["run", "--plugins", "\(plugin),export-jsonl", TestPaths.seeds.path])
        #expect(result.status == 0, "\(result.stderr)")
        let first = try #require(result.stdout.split(separator: "\n").first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        return try #require(object["keywords"] as? [[String: Any]])
    }

    @Test func aKeywordAddedTwiceIsKeptOnceWithItsLastWeight() throws {
        let keywords = try firstArticleKeywords(fixture: "twice", define: "SAME_KEYWORD")
        #expect(keywords.count == 1)
        #expect(keywords.first?["weight"] as? Double == 2)
    }

    /// Past the few results a repeat is found among by comparison, one is
    /// found through an index: either way it keeps its place and takes its
    /// last weight.
    @Test func manyKeywordsKeepTheirPlacesAndTheirLastWeights() throws {
        let keywords = try firstArticleKeywords(fixture: "many", define: "MANY_KEYWORDS")
        #expect(keywords.compactMap { $0["term"] as? String } == (0..<40).map { "k\($0)" })
        let weights = keywords.compactMap { $0["weight"] as? Double }
        var expected: [Double] = (0..<40).map(Double.init)
        expected[2] = 100
        expected[30] = 200
        #expect(weights == expected)
    }

    @Test func exportJSONLinesKeepsEveryParseKeyNotesIncluded() throws {
        let parsed = try Command.newshost(["parse", TestPaths.seeds.path])
        let exported = try Command.newshost(["run", "--plugins", "export-jsonl", TestPaths.seeds.path])
        #expect(parsed.status == 0 && exported.status == 0)
        func notes(_ output: String) throws -> [[String]] {
            try output.split(separator: "\n").map { line in
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                return object?["notes"] as? [String] ?? ["(no notes key)"]
            }
        }
        let fromParse = try notes(parsed.stdout)
        #expect(fromParse.contains { !$0.isEmpty }, "the seeds have notes")
        #expect(try notes(exported.stdout) == fromParse)
    }

    @Test func anEmptyStandardInputIsNoArticlesAndSuccess() throws {
        let result = try Command.newshost(["run", "--plugins", "classify,export-jsonl", "-"], stdin: Data())
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("0 of 0 articles"))
    }

    @Test func theSummaryIsAlsoAvailableAsJSON() throws {
        let directory = try TestPaths.temporaryDirectory()
        let summary = directory.appendingPathComponent("summary.json")
        let result = try Command.newshost([
            "run", "--plugins", "classify,export-csv", "--summary-json", summary.path, TestPaths.seeds.path,
        ])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: summary)) as? [String: Any])
        #expect(object["articlesCompleted"] as? Int == TestPaths.seedArticleCount)
        #expect(object["inputsRead"] as? Int == 5)
        #expect(object["pluginFailures"] as? Int == 0)
        #expect((object["peakMemoryMB"] as? Int ?? 0) > 0)
    }
}
