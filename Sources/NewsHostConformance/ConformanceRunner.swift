import CNewsHostPlugin
import Foundation
import PluginHost
import ProcessPlumbing

/// All check results for one plugin: the JSON report's element, described
/// by `schemas/conformance-report.schema.json`.
public struct PluginReport: Sendable, Codable {
    /// Always "newshost conformance".
    public var suite = "newshost conformance"
    /// The version of newshost that ran the suite.
    public var hostVersion = ConformanceRunner.hostVersion
    /// The plugin ABI of the host ("1.2").
    public var hostABI = ConformanceRunner.abiVersion
    /// The plugin file.
    public var plugin: String
    /// Who the plugin says it is (absent when it does not load).
    public var identity: PluginIdentity?
    /// The results, in check order.
    public var results: [CheckResult]

    /// Whether no check failed (skipped checks do not fail a plugin).
    public var passed: Bool { !results.contains { $0.outcome == .failed } }
}

/// Runs the checks on plugins, each check (the level-1 checks as one
/// group) in a child process spawned from the `newshost` executable, so a
/// plugin that crashes, aborts, hangs, calls `exit` or writes to stdout
/// fails that check and the suite goes on.
public struct ConformanceRunner: Sendable {
    /// The version of newshost.
    public static let hostVersion = "0.2.0"
    /// The plugin ABI this host speaks, "MAJOR.MINOR".
    public static let abiVersion = "\(NH_ABI_VERSION_MAJOR).\(NH_ABI_VERSION_MINOR)"

    /// The executable that understands `conformance-worker`.
    public var workerExecutable: String
    /// Highest level to run (1 to 3).
    public var level: Int
    /// Seconds a check may go without progress (a new hook call or a new
    /// batch of articles) before it is killed as hung. Progress, not the
    /// check's total time, so a slow, busy machine does not fail a plugin.
    public var timeout: Double
    /// Directory of seed pages for the behaviour checks.
    public var seedsDirectory: String?
    /// When set, only these checks are reported (the load group still runs,
    /// whatever ``level`` says, to know the plugin loads).
    public var only: Set<Check>?

    /// Creates a runner.
    public init(workerExecutable: String, level: Int = 2, timeout: Double = 60, seedsDirectory: String? = nil) {
        self.workerExecutable = workerExecutable
        self.level = level
        self.timeout = timeout
        self.seedsDirectory = seedsDirectory
    }

    /// Runs every check up to ``level`` on the plugin at `path`.
    public func run(plugin path: String) -> PluginReport {
        let load = runWorker("load", checks: Check.upTo(level: 1), plugin: path)
        var results = load.results
        let loads = !results.contains { $0.outcome == .failed }
        var hung: String?
        let behaviour =
            only.map { only in Check.allCases.filter { $0.level > 1 && only.contains($0) } }
            ?? Check.upTo(level: level).filter { $0.level > 1 }
        for check in behaviour {
            if !loads {
                results.append(
                    CheckResult(check: check, outcome: .skipped, message: "not run: the plugin does not load"))
            } else if let hung {
                // A hang costs one timeout, not one per check.
                results.append(
                    CheckResult(check: check, outcome: .skipped, message: "not run: the plugin hung in \(hung)"))
            } else {
                let result = runWorker(check.rawValue, checks: [check], plugin: path).results
                if result.contains(where: { $0.message.hasPrefix(Self.hangMessage) }) { hung = check.rawValue }
                results += result
            }
        }
        if let only { results.removeAll { !only.contains(Check(rawValue: $0.id) ?? .open) && $0.outcome != .failed } }
        return PluginReport(plugin: path, identity: load.identity, results: results)
    }

    /// Spawns one worker for `group` and turns what happened into results.
    func runWorker(_ group: String, checks: [Check], plugin: String) -> WorkerReport {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "newshost-conformance-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let resultFile = scratch.appendingPathComponent("result.json")
        let outFile = scratch.appendingPathComponent("stdout")
        let errFile = scratch.appendingPathComponent("stderr")
        let work = scratch.appendingPathComponent("work")
        try? FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)

        let breadcrumb = scratch.appendingPathComponent("breadcrumb")
        var arguments = [
            "conformance-worker", "--plugin", plugin, "--check", group, "--result", resultFile.path,
            "--scratch", work.path, "--breadcrumb", breadcrumb.path,
        ]
        if let seedsDirectory { arguments += ["--seeds", seedsDirectory] }
        let start = Date()
        let failure: String?
        let ended: Termination
        do {
            // The Swift runtime's crash reporter would print a backtrace of
            // the worker into the report; the signal is all the check needs.
            let process = try Subprocess(
                executable: workerExecutable, arguments: arguments, environment: ["SWIFT_BACKTRACE": "enable=no"],
                standardInput: .nullDevice, standardOutput: .file(outFile.path), standardError: .file(errFile.path),
                workingDirectory: work.path)
            (ended, failure) = wait(for: process, progress: breadcrumb)
        } catch {
            let results = checks.map {
                CheckResult(
                    check: $0, outcome: .failed, message: "could not start the check's worker process: \(error)")
            }
            return WorkerReport(results: results, identity: nil)
        }
        let seconds = Date().timeIntervalSince(start)
        let stderrTail = Self.excerpt(errFile)
        let written = (try? Data(contentsOf: outFile)) ?? Data()

        let doing = Breadcrumb(decoding: try? Data(contentsOf: breadcrumb))
        let at = doing.map { " \($0)" } ?? ""
        if let failure {
            return WorkerReport(
                results: Self.attribute(failure + at + stderrTail, doing: doing, to: checks, seconds: seconds),
                identity: nil)
        }
        guard let data = try? Data(contentsOf: resultFile),
            let report = try? JSONDecoder().decode(WorkerReport.self, from: data)
        else {
            let message =
                "the process ended with \(ended)\(at) before the check reported; a plugin must never call exit"
            return WorkerReport(
                results: Self.attribute(message + stderrTail, doing: doing, to: checks, seconds: seconds), identity: nil
            )
        }
        var results = report.results
        if !written.isEmpty {
            let sample = String(decoding: written.prefix(80), as: UTF8.self).debugDescription
            for index in results.indices where results[index].outcome != .skipped {
                results[index].outcome = .failed
                results[index].message =
                    "the plugin wrote \(written.count) bytes to stdout (\(sample)); stdout belongs to the host, log through host->log"
            }
        }
        if results.count == 1 { results[0].seconds = seconds }
        for index in results.indices where results[index].outcome == .failed { results[index].locate(doing) }
        return WorkerReport(results: results, identity: report.identity)
    }

    /// How a failure by hang begins.
    static let hangMessage = "no progress for"

    /// Waits for the worker; a message when it was killed by a signal or made
    /// no progress (its breadcrumb file did not change) for ``timeout`` seconds.
    private func wait(for process: Subprocess, progress breadcrumb: URL) -> (Termination, failure: String?) {
        let (termination, stalled) = process.wait(orKillWhenStalledFor: timeout) { Self.stamp(breadcrumb) }
        if stalled {
            return (
                termination,
                "\(Self.hangMessage) \(Int(timeout)) s, the plugin hangs (or is far too slow) and was killed"
            )
        }
        if case .signaled = termination { return (termination, "the plugin crashed the process with \(termination)") }
        return (termination, nil)
    }

    /// When the breadcrumb file last changed, to the nanosecond (0 when absent).
    private static func stamp(_ file: URL) -> Int {
        var status = stat()
        guard stat(file.path, &status) == 0 else { return 0 }
        return status.st_mtim.tv_sec &* 1_000_000_000 &+ status.st_mtim.tv_nsec &+ Int(status.st_size)
    }

    /// The worker died before reporting: in a group of several checks, the
    /// one it was running takes the failure and the others are skipped
    /// (never passed: they did not report).
    static func attribute(_ message: String, doing: Breadcrumb?, to checks: [Check], seconds: Double) -> [CheckResult] {
        guard
            let culprit = checks.first(where: { doing?.check == $0.rawValue })
                ?? (doing == nil || doing == .loading ? checks.first : checks.last)
        else { return [] }
        return checks.map { check in
            guard check == culprit else {
                return CheckResult(
                    check: check, outcome: .skipped,
                    message: "not reported: the check's process died during \(culprit.rawValue)")
            }
            var result = CheckResult(check: check, outcome: .failed, seconds: seconds, message: message)
            result.locate(doing)
            return result
        }
    }

    /// Lines that say what went wrong, wherever they are in the worker's
    /// stderr: sanitizer reports, Rust panics, C++ terminate and assertion
    /// messages; then the last lines.
    static func excerpt(_ file: URL) -> String {
        guard let data = try? Data(contentsOf: file), !data.isEmpty else { return "" }
        let lines = String(decoding: data.prefix(1 << 20), as: UTF8.self).split(separator: "\n").map(String.init)
        let telling = lines.filter { line in
            keyPhrases.contains { line.contains($0) }
        }.prefix(6)
        let tail = String(decoding: data.suffix(300), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = Array(telling) + (tail.isEmpty || telling.contains(where: { tail.contains($0) }) ? [] : [tail])
        return parts.isEmpty ? "" : "; stderr: " + parts.joined(separator: " | ")
    }

    /// What marks a line of a crash report worth showing.
    static let keyPhrases = [
        "ERROR: AddressSanitizer", "SUMMARY: ", "WARNING: ThreadSanitizer", "runtime error:", "panicked at",
        "terminate called", "what():", "Assertion", "Fatal error", "fatal error", "READ of size", "WRITE of size",
    ]
}
