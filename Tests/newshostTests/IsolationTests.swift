import Foundation
import NewsHostTestSupport
import Testing

/// `run --isolate`: misbehaving plugins in worker processes, through real
/// `.so` fixtures and the real executable.
@Suite struct IsolationTests {
    /// A chain of a fixture built with `defines` and export-csv on the seeds.
    private func run(
        _ defines: [String], _ flags: [String]
    ) throws -> (result: CommandResult, csv: [[String]]?, report: URL, out: URL) {
        let directory = try TestPaths.temporaryDirectory()
        let plugin = try PluginCompiler.fixture("bad", defines: defines + ["PLUGIN_ID=\"bad\""], into: directory)
        let out = directory.appendingPathComponent("out.csv")
        let report = directory.appendingPathComponent("failures.json")
        let result = try Command.newshost(
            [
                "run", "--plugins", "\(plugin),export-csv", "--option", "export-csv.path=\(out.path)",
                "--failure-report", report.path,
            ] + flags + [TestPaths.seeds.path])
        let csv = try? CSVReader.parse(String(decoding: try Data(contentsOf: out), as: UTF8.self))
        return (result, csv, report, out)
    }

    /// The ids of every seed article, in input order.
    private func allIDs() throws -> [String] {
        let result = try Command.newshost(["run", "--plugins", "export-csv", TestPaths.seeds.path])
        return try CSVReader.parse(result.stdout).dropFirst().map { $0[0] }
    }

    private func failures(_ report: URL) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any]
        return object?["failures"] as? [[String: Any]] ?? []
    }

    @Test func aSegfaultingPluginCostsOnlyItsArticlesWithSkip() throws {
        let (result, csv, report, _) = try run(["CRASH_ON_INDEX=2"], ["--isolate", "--on-error", "skip"])
        #expect(result.status == 0, "the user asked to skip: \(result.stderr)")
        let expected = try allIDs().filter { !$0.hasSuffix("#2") }
        #expect(csv?.dropFirst().map { $0[0] } == expected, "every other article, in input order")
        let failed = try failures(report)
        #expect(failed.count == 5, "one article #2 per seed page")
        #expect(failed.allSatisfy { $0["signalName"] as? String == "SIGSEGV" && $0["plugin"] as? String == "bad" })
        #expect(failed.compactMap { $0["article"] as? String }.allSatisfy { $0.hasSuffix("#2") })
        #expect(
            result.stderr.contains(
                "plugin bad: its isolated worker process crashed with SIGSEGV (signal 11) on article 000_90bab6fec0c8b54c.txt#2; article skipped"
            ))
    }

    @Test func withoutIsolationTheCrashIsNamedAndNoOutputIsLeftHalfWritten() throws {
        // One job, so the first article #2 is the one that crashes.
        let (result, _, report, out) = try run(["CRASH_ON_INDEX=2"], ["--on-error", "skip", "--jobs", "1"])
        #expect(result.status == 128 + SIGSEGV)
        let notices = result.stderr.split(separator: "\n").filter { $0.contains("crashed the host process") }
        #expect(
            notices == [
                "newshost: plugin bad crashed the host process with SIGSEGV on article 000_90bab6fec0c8b54c.txt#2; "
                    + "the run is lost (finished output files are only written at the end). Plugins run inside newshost unless isolated: "
                    + "run untrusted plugins with --isolate (or --isolate NAME) and --on-error skip to record the crash and go on"
            ])
        #expect(result.stderr.contains("--isolate"))
        #expect(!FileManager.default.fileExists(atPath: out.path), "no CSV at the output path")
        #expect(!FileManager.default.fileExists(atPath: report.path))
    }

    /// Every seed page's article #2 crashes, on many threads at once: one
    /// notice, naming one of them, and the process still dies by the signal.
    @Test func manyThreadsCrashingAtOnceGiveOneNotice() throws {
        let (result, _, _, _) = try run(["CRASH_ON_INDEX=2"], ["--on-error", "skip", "--jobs", "64"])
        #expect(result.status == 128 + SIGSEGV, "\(result.stderr)")
        let notices = result.stderr.split(separator: "\n").filter { $0.contains("crashed the host process") }
        #expect(notices.count == 1, "\(notices)")
        #expect(notices.first?.contains(".txt#2; the run is lost") == true, "\(notices)")
    }

    @Test func stopKeepsEveryArticleBeforeTheCrashInOrder() throws {
        let (result, csv, report, _) = try run(["CRASH_ON_INDEX=2"], ["--isolate", "bad", "--jobs", "2"])
        #expect(result.status == 1)
        #expect(csv?.dropFirst().map { $0[0] } == ["000_90bab6fec0c8b54c.txt#0", "000_90bab6fec0c8b54c.txt#1"])
        #expect(try failures(report).count == 1)
        #expect(result.stderr.contains("stopping (use --on-error skip to go on)"))
    }

    @Test func aHangIsKilledAtTheTimeLimit() throws {
        let (result, csv, report, _) = try run(
            ["HANG_ON_INDEX=1"], ["--isolate", "--plugin-timeout", "0.5", "--on-error", "skip"])
        #expect(result.status == 0)
        let failed = try failures(report)
        #expect(failed.count == 5)
        #expect(failed.allSatisfy { $0["kind"] as? String == "timeout" && $0["timeoutSeconds"] as? Double == 0.5 })
        #expect(csv?.count == (try allIDs().count) - 5 + 1)
    }

    @Test(arguments: [("EXIT_AT=2", "exit"), ("ABORT_AT=2", "signal")])
    func exitAndAbortAreRecorded(define: String, kind: String) throws {
        let (result, csv, report, _) = try run([define], ["--isolate", "--on-error", "skip", "--jobs", "1"])
        #expect(result.status == 0)
        let failed = try failures(report)
        // The counter restarts with each new worker: every second article fails.
        #expect(failed.count > 5)
        #expect(failed.allSatisfy { $0["kind"] as? String == kind })
        #expect((csv?.count ?? 0) - 1 + failed.count == (try allIDs().count))
    }

    @Test func isolatedPluginsGiveTheSameResultsAsInProcess() throws {
        let inProcess = try Command.newshost([
            "run", "--plugins", "classify,summarize,export-jsonl", TestPaths.seeds.path,
        ])
        let isolated = try Command.newshost([
            "run", "--plugins", "classify,summarize,export-jsonl", "--isolate", TestPaths.seeds.path,
        ])
        #expect(inProcess.status == 0 && isolated.status == 0, "\(isolated.stderr)")
        #expect(!isolated.stdout.isEmpty)
        #expect(isolated.stdout == inProcess.stdout)
    }

    @Test func exportersAreNotIsolated() throws {
        let result = try Command.newshost([
            "run", "--plugins", "classify,export-csv", "--isolate", "export-csv", TestPaths.seeds.path,
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--isolate export-csv: export-csv is an exporter"))
    }

    @Test func aTimeLimitNeedsIsolation() throws {
        let result = try Command.newshost([
            "run", "--plugins", "classify", "--plugin-timeout", "5", TestPaths.seeds.path,
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--plugin-timeout applies to isolated plugins only"))
    }

    @Test func anInputAfterIsolateIsNotTakenForAPluginName() throws {
        let result = try Command.newshost([
            "run", "--plugins", "classify,export-csv", "--isolate", TestPaths.seeds.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("from 5 inputs"))
    }

    @Test func workersStartAsNeededAndAreBoundedByTheCPUs() throws {
        let result = try Command.newshost([
            "run", "--plugins", "classify,summarize,export-csv", "--isolate", "--jobs", "64",
            TestPaths.seeds.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let count = try #require(result.stderr.firstMatch(of: /(\d+) isolated worker process/).flatMap { Int($0.1) })
        #expect(count >= 2 && count <= 2 * ProcessInfo.processInfo.activeProcessorCount, "\(result.stderr)")
    }

    @Test func workersDoNotOutliveAKilledHost() throws {
        let directory = try TestPaths.temporaryDirectory()
        let plugin = try PluginCompiler.fixture("sleeper", defines: ["HANG_AT=1"], into: directory)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.newshost)
        process.arguments = [
            "run", "--plugins", "\(plugin),export-csv", "--option", "export-csv.path=\(directory.path)/o.csv",
            "--isolate", "--plugin-timeout", "600", "--jobs", "1", TestPaths.seeds.path,
        ]
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait (generously) for the worker to be running, then kill the host outright.
        var workers: [Int32] = []
        for _ in 0..<600 where workers.isEmpty {
            usleep(100_000)
            workers = Self.children(of: process.processIdentifier)
        }
        #expect(!workers.isEmpty, "a worker was started")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        var alive = workers
        for _ in 0..<300 where !alive.isEmpty {
            usleep(100_000)
            alive = alive.filter { kill($0, 0) == 0 && !Self.isZombie($0) }
        }
        #expect(alive.isEmpty, "workers \(alive) outlived their host")
    }

    private static func children(of parent: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return false }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && Int32(fields[1]) == parent
        }
    }

    private static func isZombie(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return true }
        return stat[stat.index(after: close)...].split(separator: " ").first == "Z"
    }
}
