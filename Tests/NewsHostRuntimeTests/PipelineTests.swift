import Foundation
import NewsHostCore
import NewsHostTestSupport
import Testing

@testable import NewsHostRuntime

/// The parallel pipeline: order, error policies and bounded memory.
@Suite struct PipelineTests {
    let searchPath = PluginSearchPath(
        explicit: [TestPaths.buildDirectory.path], environment: [:], executableDirectory: nil)

    /// A directory with `copies` copies of every seed page.
    private func manyPages(_ copies: Int) throws -> URL {
        let directory = try TestPaths.temporaryDirectory()
        let seeds = try FileManager.default.contentsOfDirectory(atPath: TestPaths.seeds.path).filter {
            $0.hasSuffix(".txt")
        }.sorted()
        for copy in 0..<copies {
            for seed in seeds {
                try FileManager.default.copyItem(
                    at: TestPaths.seeds.appendingPathComponent(seed),
                    to: directory.appendingPathComponent(String(format: "%03d-%@", copy, seed)))
            }
        }
        return directory
    }

    private func export(
        _ input: URL, jobs: Int, plugins: [String] = ["classify", "summarize", "export-jsonl"],
        policy: ErrorPolicy = .stop, path: PluginSearchPath? = nil
    ) throws -> (RunReport, String) {
        let output = try TestPaths.temporaryDirectory().appendingPathComponent("out.jsonl")
        let chain = try Chain.load(
            plugins: plugins, searchPath: path ?? searchPath,
            options: [try OptionAssignment(parsing: "export-jsonl.path=\(output.path)")],
            logHandler: { _ in }, workers: jobs)
        let report = Runner(policy: policy, onProblem: { _ in }).run(
            try InputSource.expand([input.path]), through: chain)
        chain.destroy()
        return (report, try String(contentsOf: output, encoding: .utf8))
    }

    @Test func manyJobsExportExactlyWhatOneJobDoesInTheSameOrder() throws {
        let input = try manyPages(8)
        let (one, sequential) = try export(input, jobs: 1)
        let (many, parallel) = try export(input, jobs: 6)
        #expect(one.articlesCompleted == 8 * TestPaths.seedArticleCount)
        #expect(many.articlesCompleted == one.articlesCompleted)
        #expect(parallel == sequential)
        let ids = parallel.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        .compactMap { $0["id"] as? String }
        #expect(ids.first == "000-000_90bab6fec0c8b54c.txt#0")
        #expect(ids.last?.hasPrefix("007-004_1e9f79c5fe325ef9.txt#") == true)
    }

    /// The ordered stage runs on the calling thread as batch work
    /// (SCHED_BATCH, so its wake-ups do not preempt a worker), and the
    /// thread has its own policy back once the run returns.
    @Test func theOrderedStageRunsAsBatchWorkAndGivesThePolicyBack() throws {
        let chain = try Chain.load(
            plugins: ["classify"], searchPath: searchPath, options: [], logHandler: { _ in }, workers: 2)
        defer { chain.destroy() }
        func policy() -> Int32 {
            var policy: Int32 = -1
            var parameters = sched_param()
            _ = pthread_getschedparam(pthread_self(), &policy, &parameters)
            return policy
        }
        let before = policy()
        var during: [Int32] = []
        var runner = Runner(onProblem: { _ in })
        runner.onProgress = { _ in during.append(policy()) }
        let report = runner.run(try InputSource.expand([TestPaths.seeds.path]), through: chain)
        #expect(report.articlesCompleted == TestPaths.seedArticleCount)
        #expect(before == SCHED_OTHER)
        // 3 is SCHED_BATCH (linux/sched.h), which Glibc's module does not export.
        #expect(!during.isEmpty && during.allSatisfy { $0 == 3 }, "\(during)")
        #expect(policy() == before)
    }

    @Test(arguments: [1, 4])
    func stoppingOnAFailureExportsOnlyWhatCameBeforeIt(jobs: Int) throws {
        let directory = try TestPaths.temporaryDirectory()
        try PluginCompiler.fixture("failing", defines: ["FAIL_PROCESS_AT=3"], into: directory)
        let path = PluginSearchPath(
            explicit: [directory.path, TestPaths.buildDirectory.path], environment: [:], executableDirectory: nil)
        // One instance per worker (the fixture is not thread-safe): with one
        // page the third article fails whichever worker takes it.
        let input = try TestPaths.temporaryDirectory()
        try FileManager.default.copyItem(
            at: TestPaths.seeds.appendingPathComponent("000_90bab6fec0c8b54c.txt"),
            to: input.appendingPathComponent("page.txt"))
        let (report, output) = try export(input, jobs: jobs, plugins: ["failing", "export-jsonl"], path: path)
        #expect(report.stoppedEarly)
        #expect(report.articlesCompleted == 2)
        #expect(output.split(separator: "\n").count == 2)
    }

    @Test func interruptStopsReadingAndFinishesTheExporters() throws {
        let input = try manyPages(4)
        let output = try TestPaths.temporaryDirectory().appendingPathComponent("out.jsonl")
        let chain = try Chain.load(
            plugins: ["classify", "export-jsonl"], searchPath: searchPath,
            options: [try OptionAssignment(parsing: "export-jsonl.path=\(output.path)")],
            logHandler: { _ in }, workers: 2)
        let pagesSeen = Counter()
        let runner = Runner(
            onProblem: { _ in }, onProgress: { _ in pagesSeen.increment() }, shouldStop: { pagesSeen.value >= 3 })
        let report = runner.run(try InputSource.expand([input.path]), through: chain)
        chain.destroy()
        #expect(report.interrupted)
        // Stopped after 3 pages; pages already parsed or in progress then
        // (at most the results queue, 2 x 2, and the 2 workers') still count.
        #expect(report.inputsRead >= 3 && report.inputsRead <= 3 + 2 * 2 + 2, "\(report.inputsRead) of the pages")
        let lines = try String(contentsOf: output, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == report.articlesCompleted, "the file is complete for what was processed")
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
    func increment() {
        lock.lock()
        count += 1
        lock.unlock()
    }
}
