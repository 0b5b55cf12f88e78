import Foundation
import NewsHostCore
import NewsHostRuntime

/// `newshost run`.
enum RunCommand {
    static func main(_ arguments: inout Arguments) throws -> ExitStatus {
        let pluginList = try arguments.values("--plugins").flatMap { $0.split(separator: ",").map(String.init) }
        let searchPath = PluginSearchPath(explicit: try arguments.values("--plugin-path"))
        let options = try arguments.values("--option").map { try OptionAssignment(parsing: $0) }
        let policyText = try arguments.value("--on-error") ?? "stop"
        guard let policy = ErrorPolicy(rawValue: policyText) else {
            throw UsageError(description: "--on-error \(policyText): expected stop or skip")
        }
        let verbose = arguments.flag("--verbose")
        let jobsText = try arguments.value("--jobs") ?? "\(ProcessInfo.processInfo.activeProcessorCount)"
        guard let jobs = Int(jobsText), (1...256).contains(jobs) else {
            throw UsageError(description: "--jobs \(jobsText): expected a number of worker threads from 1 to 256")
        }
        let inputs = try InputSelection.resolve(try arguments.operands(command: "run"))
        guard !pluginList.isEmpty else {
            throw UsageError(description: "newshost run needs --plugins, e.g. --plugins classify,export-csv (see `newshost plugins`)")
        }

        let chain = try Chain.load(plugins: pluginList, searchPath: searchPath, options: options,
                                   logHandler: Console.pluginLog(verbose: verbose), workers: jobs)
        defer { chain.destroy() }
        let progress = Progress(total: inputs.count, enabled: Console.isTerminal(FileHandle.standardError))
        let interrupts = Interrupts()
        interrupts.install()
        let runner = Runner(policy: policy, onProblem: { progress.clear(); Console.err("newshost: " + $0) },
                            onProgress: progress.update, shouldStop: { interrupts.signal != nil })
        let report = runner.run(inputs, through: chain)
        progress.clear()
        Console.err(report.summary(pluginCount: chain.pluginCount) + " (\(jobs) job\(jobs == 1 ? "" : "s"), peak memory \(MemoryUsage.peakMegabytes()) MB)")
        if let signal = interrupts.signal { return signal == SIGINT ? .interrupted : .terminated }
        if !report.pluginFailures.isEmpty { return .pluginFailed }
        if !report.inputProblems.isEmpty { return .input }
        return .success
    }
}

/// The inputs of `run` and `parse`: the operands, or `./seeds` when there are none.
enum InputSelection {
    static func resolve(_ operands: [String]) throws -> [InputSource] {
        if operands.isEmpty {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: "seeds", isDirectory: &isDirectory), isDirectory.boolValue else {
                throw InputError.noInput
            }
            return try InputSource.expand(["seeds"])
        }
        return try InputSource.expand(operands)
    }
}

/// The progress line on stderr: shown only when stderr is a terminal, at
/// most a few times a second.
final class Progress {
    private let total: Int
    private let enabled: Bool
    private var lastUpdate = Date.distantPast
    private var shown = false

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled
    }

    func update(_ progress: RunProgress) {
        guard enabled, Date().timeIntervalSince(lastUpdate) > 0.2 else { return }
        lastUpdate = Date()
        let rate = progress.seconds > 0 ? Double(progress.bytes) / 1_048_576 / progress.seconds : 0
        FileHandle.standardError.write(Data(String(format: "\r\u{1B}[Knewshost: %d/%d files, %d articles, %.1f MB/s",
                                                    progress.inputs, total, progress.articles, rate).utf8))
        shown = true
    }

    func clear() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        shown = false
    }
}

/// The process's peak resident memory, from /proc.
enum MemoryUsage {
    static func peakMegabytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kilobytes / 1024
    }
}
