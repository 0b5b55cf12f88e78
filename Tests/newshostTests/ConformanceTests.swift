import Foundation
import FoundationXML
import NewsHostTestSupport
import Testing

/// `newshost conformance` against a zoo of broken plugins, all in one run.
@Suite struct ConformanceTests {
    struct Report: Decodable {
        struct Result: Decodable {
            var id: String
            var outcome: String
            var message: String
            var hook: String?
            var article: String?
            var metrics: [String: Double]?
        }
        struct Identity: Decodable {
            var id: String
        }
        var plugin: String
        var identity: Identity?
        var results: [Result]
    }

    /// Variant name, -D defines, the check that must fail and a word its message must contain.
    static let zoo: [(name: String, defines: [String], check: String, says: String)] = [
        ("crash", ["CRASH_AT=1"], "process.seed-articles", "SIGSEGV"),
        ("abort", ["ABORT_AT=1"], "process.seed-articles", "SIGABRT"),
        ("hang", ["HANG_AT=1"], "process.seed-articles", "no progress for"),
        ("exits", ["EXIT_AT=1"], "process.seed-articles", "exit status 3"),
        ("chatty", ["STDOUT_AT=1"], "process.seed-articles", "to stdout"),
        ("leaky", ["LEAK_FD"], "stress.10000-articles", "file descriptors"),
        ("leaks512", ["LEAK_BYTES=512"], "stress.10000-articles", "bytes per article"),
        ("nan", ["NAN_SCORE"], "output.valid-for-kind", "host refused add_label"),
        ("badutf8", ["INVALID_UTF8"], "output.valid-for-kind", "host refused add_label"),
        ("racy", ["RACY"], "stress.threads-on-one-instance", "NH_FLAG_THREAD_SAFE"),
        ("badsig", ["WRONG_SIGNATURE"], "load.hooks", "ABI v1 requires `i32(ptr,ptr,ptr)`"),
        ("oldabi", ["WRONG_MAJOR"], "load.abi-version", "ABI v99"),
        ("nodestroy", ["MISSING_HOOK"], "load.hooks", "`destroy` is missing"),
        ("lenient", ["ACCEPT_UNKNOWN"], "lifecycle.unknown-option", "accepted the unknown option"),
        ("nullhooks", ["NULL_HOOK_TABLE"], "load.hooks", "hook table pointer is NULL"),
        ("errorok", ["ERROR_THEN_OK"], "output.valid-for-kind", "called set_error and then returned NH_OK"),
        ("summarizing", ["SETS_SUMMARY"], "output.valid-for-kind", "a classifier set a summary"),
        ("wanderer", ["CHANGES_CWD"], "process.global-state", "the working directory"),
        (
            "trapper", ["SIGNAL_HANDLER"], "process.global-state",
            "create changed process-wide state that the host and every other plugin share: signal handlers (SIGUSR1)"
        ),
        ("globals", ["GLOBAL_LABEL"], "lifecycle.several-instances", "keep options in the instance"),
        ("remembers", ["REMEMBERS"], "process.deterministic", "never on earlier calls"),
        ("scribbler", ["WRITES_VIEW"], "process.guarded-view", "SIGSEGV"),
        ("strlen", ["USES_STRLEN"], "process.guarded-view", "strings are not NUL-terminated"),
        ("keeper", ["KEEPS_VIEW"], "process.guarded-view", "a read of an earlier article's view"),
        ("threaded", ["THREAD_CALLBACK"], "output.valid-for-kind", "called outside a hook call"),
        ("late", ["KEEPS_RESULT"], "output.valid-for-kind", "host refused add_label called outside a hook call"),
    ]

    @Test func everyBrokenPluginFailsTheCheckThatNamesItsFault() throws {
        let directory = try TestPaths.temporaryDirectory()
        var paths = try Self.zoo.map { try PluginCompiler.fixture($0.name, defines: $0.defines, into: directory) }
        paths.append(try PluginCompiler.fixture("good", into: directory))
        let json = directory.appendingPathComponent("report.json")
        // The timeout counts seconds without progress, not a check's total
        // time, so 10 s holds on a busy machine; the hanging plugin costs it once.
        let result = try Command.newshost(
            ["conformance", "--level", "3", "--timeout", "10", "--format", "json", "--output", json.path] + paths,
            directory: TestPaths.root)
        #expect(result.status == 1, "some plugins fail, so the exit status is 1")
        let reports = try JSONDecoder().decode([Report].self, from: Data(contentsOf: json))
        #expect(reports.count == paths.count, "the runner survived every plugin")
        for (variant, report) in zip(Self.zoo, reports) {
            let failing = report.results.first { $0.id == variant.check }
            #expect(failing?.outcome == "failed", "\(variant.name): \(variant.check) should fail")
            #expect(
                failing?.message.contains(variant.says) == true, "\(variant.name): \(failing?.message ?? "no result")")
        }
        // A hang costs one timeout: the checks after it are skipped, not each timed out.
        let hang = try #require(zip(Self.zoo, reports).first { $0.0.name == "hang" }?.1)
        #expect(
            hang.results.contains {
                $0.outcome == "skipped" && $0.message.hasPrefix("not run: the plugin hung in process.seed-articles")
            })
        #expect(!hang.results.contains { $0.id != "process.seed-articles" && $0.message.contains("no progress") })
        // Crashes name the hook and the article.
        let crash = try #require(reports.first?.results.first { $0.id == "process.seed-articles" })
        #expect(crash.hook == "process")
        #expect(crash.article?.hasPrefix("000_90bab6fec0c8b54c.txt#0") == true, "\(crash.article ?? "no article")")
        // The report follows its published schema.
        let check = try Command.run(
            "/usr/bin/python3",
            [
                "-c",
                """
                import json, sys, jsonschema
                jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))
                """, TestPaths.root.appendingPathComponent("schemas/conformance-report.schema.json").path, json.path,
            ])
        #expect(check.status == 0, "\(check.stderr)")
        let good = try #require(reports.last)
        #expect(good.identity?.id == "good")
        #expect(good.results.first { $0.id == "stress.10000-articles" }?.metrics?["microsecondsPerArticle"] != nil)
        #expect(
            good.results.allSatisfy { $0.outcome != "failed" },
            "\(good.results.filter { $0.outcome == "failed" }.map(\.message))")
        #expect(result.stdout.contains("FAIL  process.seed-articles"), "the table for people goes to stdout")
    }

    @Test(arguments: ["classify", "summarize", "export-csv", "export-jsonl", "export-sqlite"])
    func shippedPluginsPassAtLevelThree(plugin: String) throws {
        // A generous limit: the 10,000-article check runs a debug build on a shared machine.
        let result = try Command.newshost(
            ["conformance", "--level", "3", "--timeout", "600", plugin], directory: TestPaths.root)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(!result.stdout.contains("FAIL"))
    }

    @Test func listNamesEveryCheckAndOnlyRunsTheChosenOnes() throws {
        let list = try Command.newshost(["conformance", "--list"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("stress.10000-articles") && list.stdout.contains("load.hooks"))
        let one = try Command.newshost(
            ["conformance", "--only", "process.deterministic", "--format", "json", "classify"],
            directory: TestPaths.root)
        #expect(one.status == 0, "\(one.stdout)")
        let reports = try JSONDecoder().decode([Report].self, from: Data(one.stdout.utf8))
        #expect(reports.first?.results.map(\.id) == ["process.deterministic"])
        let unknown = try Command.newshost(["conformance", "--only", "process.nope", "classify"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("--list"))
    }

    @Test func junitReportIsWellFormedXML() throws {
        let output = try TestPaths.temporaryDirectory().appendingPathComponent("junit.xml")
        let result = try Command.newshost([
            "conformance", "--level", "1", "--format", "junit", "--output", output.path, "classify",
        ])
        #expect(result.status == 0)
        let parser = XMLParser(data: try Data(contentsOf: output))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        let text = try String(contentsOf: output, encoding: .utf8)
        #expect(text.contains("<testcase classname=\"newshost.conformance.level1\" name=\"load.hooks\""))
    }
}
