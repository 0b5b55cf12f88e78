import Foundation
import NewsHostTestSupport
import Testing

/// `newshost run` never damages or mixes up a user's outputs, and a plugin
/// in the host process cannot end a run silently or write into its output.
@Suite struct OutputSafetyTests {
    @Test func twoExportersOnStdoutAreRefusedBeforeAnyWork() throws {
        let result = try Command.newshost([
            "run", "--plugins", "classify,export-csv,export-jsonl", TestPaths.seeds.path,
        ])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("exporters export-csv and export-jsonl would both write stdout"))
        #expect(result.stdout.isEmpty)
    }

    @Test func twoExportersOnOneFileAreRefusedWhateverTheSpelling() throws {
        let directory = try TestPaths.temporaryDirectory()
        let database = directory.appendingPathComponent("keep.sqlite")
        #expect(FileManager.default.createFile(atPath: database.path, contents: Data("precious".utf8)))
        try FileManager.default.createSymbolicLink(
            atPath: directory.appendingPathComponent("alias").path, withDestinationPath: "keep.sqlite")
        let result = try Command.newshost([
            "run", "--plugins", "export-sqlite,export-csv",
            "--option", "export-sqlite.path=\(database.path)",
            "--option", "export-csv.path=\(directory.path)/sub/../alias", TestPaths.seeds.path,
        ])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("exporters export-sqlite and export-csv would both write \(database.path)"))
        #expect(try String(contentsOf: database, encoding: .utf8) == "precious")
    }

    @Test func aLibraryWhoseIdIsNotTheRequestedNameIsRefused() throws {
        let directory = try TestPaths.temporaryDirectory()
        // A classifier dressed up as an exporter.
        try PluginCompiler.fixture("export-jsonl", defines: ["PLUGIN_ID=\"sneaky\""], into: directory)
        let result = try Command.newshost([
            "run", "--plugins", "export-jsonl", "--plugin-path", directory.path, TestPaths.seeds.path,
        ])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("is the plugin `sneaky`, not `export-jsonl`"))
        // Named by its path, the same file loads on purpose.
        let byPath = try Command.newshost([
            "run", "--plugins", directory.appendingPathComponent("libexport-jsonl.so").path + ",export-csv",
            TestPaths.seeds.path,
        ])
        #expect(byPath.status == 0, "\(byPath.stderr)")
    }

    @Test func aPluginsStrayPrintsGoToStderrNotIntoTheOutput() throws {
        let directory = try TestPaths.temporaryDirectory()
        let plugin = try PluginCompiler.fixture("chatty", defines: ["PRINT_EVERY"], into: directory)
        let result = try Command.newshost(["run", "--plugins", "\(plugin),export-jsonl", TestPaths.seeds.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("stray output"))
        #expect(result.stderr.contains("stray output from a plugin"))
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == TestPaths.seedArticleCount)
        #expect(lines.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) != nil })
    }

    /// Runs the fixture `name` built with `define` before export-csv, on one
    /// job; returns the result and whether the CSV was left behind.
    private func runInHost(_ name: String, _ define: String) throws -> (result: CommandResult, leftOutput: Bool) {
        let directory = try TestPaths.temporaryDirectory()
        let plugin = try PluginCompiler.fixture(name, defines: [define], into: directory)
        let out = directory.appendingPathComponent("out.csv")
        let result = try Command.newshost([
            "run", "--plugins", "\(plugin),export-csv", "--option", "export-csv.path=\(out.path)",
            "--jobs", "1", TestPaths.seeds.path,
        ])
        return (result, FileManager.default.fileExists(atPath: out.path))
    }

    @Test func aPluginThatRaisesSIGSEGVEndsTheRunBySIGSEGV() throws {
        let (result, leftOutput) = try runInHost("raiser", "RAISE_AT=2")
        #expect(result.status == 128 + SIGSEGV, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "plugin raiser crashed the host process with SIGSEGV on article 000_90bab6fec0c8b54c.txt#1"))
        #expect(!leftOutput)
    }

    @Test func aPluginThatCallsExitIsNamedAndTheRunDoesNotLookSuccessful() throws {
        let (result, leftOutput) = try runInHost("quitter", "EXIT_AT=2")
        #expect(result.status == 5, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "plugin quitter called exit() inside the host process on article 000_90bab6fec0c8b54c.txt#1"))
        #expect(!leftOutput)
    }

    /// One rule for every exporter: what went through before a run stopped on
    /// a plugin failure is committed, in the database as in the files.
    @Test func aRunStoppedByAFailureCommitsWhatWentThroughToSQLite() throws {
        let directory = try TestPaths.temporaryDirectory()
        let plugin = try PluginCompiler.fixture("third-fails", defines: ["FAIL_PROCESS_AT=3"], into: directory)
        let database = directory.appendingPathComponent("out.sqlite")
        let result = try Command.newshost([
            "run", "--plugins", "\(plugin),export-sqlite", "--option", "export-sqlite.path=\(database.path)",
            "--jobs", "1", TestPaths.seeds.path,
        ])
        #expect(result.status == 1, "\(result.stderr)")
        let rows = try Command.run("/usr/bin/sqlite3", [database.path, "SELECT id FROM articles ORDER BY source, idx"])
        #expect(
            rows.stdout.split(separator: "\n") == ["000_90bab6fec0c8b54c.txt#0", "000_90bab6fec0c8b54c.txt#1"],
            "\(rows.stdout)")
    }

    /// Exporters commit in two phases: a crash in any exporter's `finish`
    /// comes before every two-phase exporter has made its output visible,
    /// wherever the crashing one stands in the chain.
    @Test(arguments: [true, false])
    func aCrashInAnExportersFinishLeavesTheOtherExportersTargetsAsTheyWere(crasherLast: Bool) throws {
        let directory = try TestPaths.temporaryDirectory()
        let crasher = try PluginCompiler.fixture(
            "crash-finish", defines: ["EXPORTER", "CRASH_IN_FINISH"], into: directory)
        let jsonl = directory.appendingPathComponent("out.jsonl")
        let database = directory.appendingPathComponent("out.sqlite")
        #expect(FileManager.default.createFile(atPath: jsonl.path, contents: Data("previous run\n".utf8)))
        let exporters = crasherLast ? "export-jsonl,export-sqlite,\(crasher)" : "\(crasher),export-jsonl,export-sqlite"
        let result = try Command.newshost([
            "run", "--plugins", "classify,\(exporters)", "--option", "export-jsonl.path=\(jsonl.path)",
            "--option", "export-sqlite.path=\(database.path)", TestPaths.seeds.path,
        ])
        #expect(result.status == 128 + SIGSEGV, "\(result.stderr)")
        #expect(
            result.stderr.contains("plugin crash-finish crashed the host process with SIGSEGV in finish"),
            "\(result.stderr)")
        #expect(try String(contentsOf: jsonl, encoding: .utf8) == "previous run\n")
        let tables = try Command.run("/usr/bin/sqlite3", [database.path, "SELECT count(*) FROM sqlite_master"])
        #expect(
            !FileManager.default.fileExists(atPath: database.path)
                || tables.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0",
            "\(tables.stdout)")
        // The next run names what the crashed one left, and replaces it.
        let again = try Command.newshost([
            "run", "--plugins", "classify,export-jsonl", "--option", "export-jsonl.path=\(jsonl.path)",
            TestPaths.seeds.path,
        ])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(
            again.stderr.contains("was left by a newshost run that was killed before it finished"), "\(again.stderr)")
        #expect(
            try String(contentsOf: jsonl, encoding: .utf8).split(separator: "\n").count == TestPaths.seedArticleCount)
    }

    @Test func anEntryFunctionThatCrashesIsNamedByPlugins() throws {
        let directory = try TestPaths.temporaryDirectory()
        let plugin = try PluginCompiler.fixture("crashy", defines: ["CRASH_IN_ENTRY"], into: directory)
        let result = try Command.newshost(["plugins", "--plugin-path", directory.path])
        #expect(result.status == 128 + SIGSEGV)
        #expect(
            result.stderr.contains("plugin \(plugin) crashed the host process with SIGSEGV in newshost_plugin_entry"),
            "\(result.stderr)")
    }
}
