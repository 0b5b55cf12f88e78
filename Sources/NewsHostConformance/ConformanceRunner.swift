import Foundation
import PluginHost

/// All check results for one plugin.
public struct PluginReport: Sendable, Codable {
    /// The plugin file.
    public var plugin: String
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
    /// The executable that understands `conformance-worker`.
    public var workerExecutable: String
    /// Highest level to run (1 to 3).
    public var level: Int
    /// Seconds a check may take before it is killed.
    public var timeout: Double
    /// Directory of seed pages for the behaviour checks.
    public var seedsDirectory: String?

    /// Creates a runner.
    public init(workerExecutable: String, level: Int = 2, timeout: Double = 60, seedsDirectory: String? = nil) {
        self.workerExecutable = workerExecutable
        self.level = level
        self.timeout = timeout
        self.seedsDirectory = seedsDirectory
    }

    /// Runs every check up to ``level`` on the plugin at `path`.
    public func run(plugin path: String) -> PluginReport {
        var results = runGroup("load", checks: Check.upTo(level: 1), plugin: path)
        let loads = !results.contains { $0.outcome == .failed }
        for check in Check.upTo(level: level) where check.level > 1 {
            if loads {
                results += runGroup(check.rawValue, checks: [check], plugin: path)
            } else {
                results.append(CheckResult(check: check, outcome: .skipped, message: "not run: the plugin does not load"))
            }
        }
        return PluginReport(plugin: path, results: results)
    }

    /// Spawns one worker for `group` and turns what happened into results.
    func runGroup(_ group: String, checks: [Check], plugin: String) -> [CheckResult] {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("newshost-conformance-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let resultFile = scratch.appendingPathComponent("result.json"), outFile = scratch.appendingPathComponent("stdout")
        let errFile = scratch.appendingPathComponent("stderr"), work = scratch.appendingPathComponent("work")
        try? FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        // Opening them for the worker below reports a file that could not be made.
        _ = FileManager.default.createFile(atPath: outFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)

        let breadcrumb = scratch.appendingPathComponent("breadcrumb")
        var arguments = ["conformance-worker", "--plugin", plugin, "--check", group, "--result", resultFile.path,
                         "--scratch", work.path, "--breadcrumb", breadcrumb.path]
        if let seedsDirectory { arguments += ["--seeds", seedsDirectory] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: workerExecutable)
        process.arguments = arguments
        process.currentDirectoryURL = work
        // The Swift runtime's crash reporter would print a backtrace of the
        // worker into the report; the signal is all the check needs.
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let start = Date()
        let failure: String?
        do {
            let out = try FileHandle(forWritingTo: outFile), err = try FileHandle(forWritingTo: errFile)
            defer { try? out.close(); try? err.close() }
            process.standardOutput = out
            process.standardError = err
            process.standardInput = FileHandle.nullDevice
            try process.run()
            failure = wait(for: process)
        } catch {
            return checks.map { CheckResult(check: $0, outcome: .failed, message: "could not start the check's worker process: \(error)") }
        }
        let seconds = Date().timeIntervalSince(start)
        let stderrTail = Self.tail(errFile)
        let written = (try? Data(contentsOf: outFile)) ?? Data()

        let at = (try? String(contentsOf: breadcrumb, encoding: .utf8)).map { " while processing \($0)" } ?? ""
        if let failure {
            return checks.map { CheckResult(check: $0, outcome: .failed, seconds: seconds, message: failure + at + stderrTail) }
        }
        guard let data = try? Data(contentsOf: resultFile), var results = try? JSONDecoder().decode([CheckResult].self, from: data) else {
            let status = process.terminationStatus
            let message = "the process ended with exit status \(status)\(at) before the check reported; a plugin must never call exit"
            return checks.map { CheckResult(check: $0, outcome: .failed, seconds: seconds, message: message + stderrTail) }
        }
        if !written.isEmpty {
            let sample = String(decoding: written.prefix(80), as: UTF8.self).debugDescription
            for index in results.indices where results[index].outcome != .skipped {
                results[index].outcome = .failed
                results[index].message = "the plugin wrote \(written.count) bytes to stdout (\(sample)); stdout belongs to the host, log through host->log"
            }
        }
        if results.count == 1 { results[0].seconds = seconds }
        return results
    }

    /// Waits for the worker; a message when it was killed by a signal or timed out.
    private func wait(for process: Process) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                return "no answer within \(Int(timeout)) s, the plugin hangs (or is far too slow) and was killed"
            }
            usleep(2000)
        }
        if process.terminationReason == .uncaughtSignal {
            let signal = process.terminationStatus
            return "the plugin crashed the process with \(Signals.name(signal)) (signal \(signal))"
        }
        return nil
    }

    private static func tail(_ file: URL) -> String {
        guard let data = try? Data(contentsOf: file), !data.isEmpty else { return "" }
        let text = String(decoding: data.suffix(300), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "" : "; stderr: \(text)"
    }
}
