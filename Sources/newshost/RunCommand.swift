import Foundation
import NewsHostCore
import NewsHostRuntime
import OutputFiles
import PluginHost

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
        let jobsText = try arguments.value("--jobs") ?? "\(CPUBudget.defaultJobs())"
        guard let jobs = Int(jobsText), (1...256).contains(jobs) else {
            throw UsageError(description: "--jobs \(jobsText): expected a number of worker threads from 1 to 256")
        }
        let isolate = try Self.isolation(&arguments, plugins: pluginList)
        let timeoutText = try arguments.value("--plugin-timeout")
        let timeout =
            try timeoutText.map { text in
                guard let seconds = Double(text), seconds > 0, seconds <= 86_400 else {
                    throw UsageError(
                        description: "--plugin-timeout \(text): expected seconds, more than 0 (e.g. 30 or 0.5)")
                }
                guard isolate != .none else {
                    throw UsageError(
                        description:
                            "--plugin-timeout applies to isolated plugins only; add --isolate (a plugin in the host process cannot be stopped safely)"
                    )
                }
                return seconds
            } ?? 60
        let memoryText = try arguments.value("--worker-memory")
        let workerMemory = try memoryText.map { text in
            guard let megabytes = Int(text), (16...1_048_576).contains(megabytes) else {
                throw UsageError(description: "--worker-memory \(text): expected megabytes from 16, e.g. 512")
            }
            guard isolate != .none else {
                throw UsageError(description: "--worker-memory applies to isolated plugins only; add --isolate")
            }
            return megabytes
        }
        let failureReport = try arguments.value("--failure-report")
        let badInputText = try arguments.value("--bad-input") ?? "stop"
        guard let badInput = ErrorPolicy(rawValue: badInputText) else {
            throw UsageError(description: "--bad-input \(badInputText): expected stop or skip")
        }
        let errorsTo = try arguments.value("--errors-to").map(ErrorLog.init(path:))
        let summaryJSON = try arguments.value("--summary-json")
        var reader = try InputSelection.reader(&arguments)
        reader.skipsBadRecords = badInput == .skip
        let inputs = try InputSelection.resolve(&arguments, command: "run")
        guard !pluginList.isEmpty else {
            throw UsageError(
                description: "newshost run needs --plugins, e.g. --plugins classify,export-csv (see `newshost plugins`)"
            )
        }
        var settings: IsolationSettings?
        if isolate != .none {
            guard let executable = PluginSearchPath.executablePath() else {
                throw UsageError(
                    description:
                        "--isolate: cannot find the newshost executable (/proc/self/exe) to start plugin workers")
            }
            settings = IsolationSettings(
                workerExecutable: executable, timeout: timeout, verbose: verbose, memoryLimitMegabytes: workerMemory)
        }

        CrashNotice.install(
            advice:
                "the run is lost (finished output files are only written at the end). Plugins run inside newshost unless isolated: run untrusted plugins with --isolate (or --isolate NAME) and --on-error skip to record the crash and go on"
        )
        let chain = try Chain.load(
            plugins: pluginList, searchPath: searchPath, options: options,
            logHandler: Console.pluginLog(verbose: verbose), workers: jobs,
            isolate: isolate, isolation: settings, protectStandardOutput: true)
        defer { chain.destroy() }
        let progress = Progress(total: inputs.count, enabled: Console.isTerminal(FileHandle.standardError))
        let interrupts = Interrupts()
        interrupts.install()
        var runner = Runner(
            reader: reader, policy: policy,
            onProblem: {
                progress.clear()
                Console.err("newshost: " + $0)
            },
            onProgress: progress.update, shouldStop: { interrupts.signal != nil })
        runner.onError = errorsTo.map { log in { log.write($0) } }
        let report = runner.run(inputs, through: chain)
        progress.clear()
        if !chain.hasExporter && report.articlesCompleted > 0 {
            Console.err(
                "newshost: no exporter in --plugins, so the results were not written anywhere; add one, e.g. --plugins \(pluginList.joined(separator: ",")),export-jsonl"
            )
        }
        // Workers are reaped by destroy, so their peak memory is known after it.
        let workers = chain.workerProcesses
        chain.destroy()
        let peakMemory = MemoryUsage.peakMegabytes()
        let largestWorkerPeak = workers > 0 ? MemoryUsage.largestChildPeakMegabytes() : 0
        var resources = "\(jobs) job\(jobs == 1 ? "" : "s"), peak memory \(peakMemory) MB"
        if workers > 0 {
            resources +=
                ", \(workers) isolated worker process\(workers == 1 ? "" : "es") (largest peak \(largestWorkerPeak) MB)"
        }
        Console.err(report.summary(pluginCount: chain.pluginCount) + " (\(resources))")
        if let summaryJSON {
            let summary = RunSummary(
                report, plugins: chain.pluginCount, jobs: jobs, peakMemoryMB: peakMemory,
                workerProcesses: workers, largestWorkerPeakMB: largestWorkerPeak)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let text = String(decoding: (try? encoder.encode(summary)) ?? Data(), as: UTF8.self) + "\n"
            if summaryJSON == "-" {
                FileHandle.standardError.write(Data(text.utf8))
            } else {
                do {
                    try OutputFile.write(text, to: summaryJSON)
                } catch {
                    Console.err("newshost: could not write the summary: \(error)")
                    return .pluginFailed
                }
            }
        }
        if let failureReport {
            do {
                try FailureReport(report).write(to: failureReport)
            } catch {
                Console.err("newshost: could not write the failure report: \(error)")
                return .pluginFailed
            }
        }
        if let signal = interrupts.signal { return signal == SIGINT ? .interrupted : .terminated }
        // Articles skipped because the user asked to skip them are counted
        // in the summary, not in the exit status; any other failure is.
        if report.pluginFailures.contains(where: { policy == .stop || $0.articleID == nil }) { return .pluginFailed }
        // Refused inputs and skipped records fail the run unless skipping was asked for.
        if !report.inputProblems.isEmpty && badInput == .stop { return .input }
        return .success
    }
}

extension RunCommand {
    /// `--isolate` (every classifier and summarizer), `--isolate LIST` (a
    /// following word counts as LIST only when each of its names is in
    /// --plugins, so an input path is never swallowed) or `--isolate=LIST`.
    static func isolation(_ arguments: inout Arguments, plugins: [String]) throws -> IsolationSelection {
        let names = { (text: String) in text.split(separator: ",").map(String.init) }
        let known = Set(plugins.flatMap(IsolationSelection.aliases))
        var notPlugins: [String] = []
        let given = arguments.optionalValues(
            "--isolate",
            accepts: { value in
                let accepted = !names(value).isEmpty && names(value).allSatisfy(known.contains)
                if !accepted { notPlugins.append(value) }
                return accepted
            })
        // A word after --isolate that is neither a plugin of the chain nor a
        // path that exists is a mistyped plugin name, not a missing input.
        if let word = notPlugins.first(where: {
            !$0.hasPrefix("-") && !$0.contains("/") && !$0.contains(".")
                && !FileManager.default.fileExists(atPath: $0)
        }) {
            throw UsageError(
                description:
                    "--isolate \(word): no plugin `\(word)` in --plugins (\(plugins.joined(separator: ","))) and no input of that name; name a plugin of the chain, or leave the list out to isolate them all"
            )
        }
        guard let given else { return .none }
        if given.contains(where: { $0 == nil }) { return .all }
        return .plugins(given.compactMap { $0 }.flatMap(names))
    }
}

/// The inputs of `run` and `parse`: the operands, or `./seeds` when there are none.
enum InputSelection {
    /// The page reader `--max-page-mb` and `--input-format` ask for.
    static func reader(_ arguments: inout Arguments) throws -> PageReader {
        var reader = PageReader()
        if let text = try arguments.value("--input-format"), text != "auto" {
            guard let format = InputFormat(rawValue: text) else {
                throw UsageError(description: "--input-format \(text): expected auto, pages, jsonl or page-records")
            }
            reader.format = format
        }
        if let text = try arguments.value("--max-page-mb") {
            guard let megabytes = Int(text), (1...4096).contains(megabytes) else {
                throw UsageError(description: "--max-page-mb \(text): expected megabytes from 1 to 4096 (default 16)")
            }
            reader.maximumPageBytes = megabytes << 20
        }
        return reader
    }

    /// The inputs, with stdin named `--source-name` when given.
    static func resolve(_ arguments: inout Arguments, command: String) throws -> [InputSource] {
        let sourceName = try arguments.value("--source-name")
        if let sourceName, sourceName.isEmpty || sourceName.contains("#") {
            throw UsageError(
                description: "--source-name \(sourceName): expected a non-empty name without #, e.g. part-00003")
        }
        let inputs = try resolve(try arguments.operands(command: command))
        guard let sourceName else { return inputs }
        return inputs.map { input in
            if case .standardInput = input { return .namedStandardInput(sourceName) }
            return input
        }
    }

    static func resolve(_ operands: [String]) throws -> [InputSource] {
        if operands.isEmpty {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: "seeds", isDirectory: &isDirectory), isDirectory.boolValue
            else {
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
        FileHandle.standardError.write(
            Data(
                String(
                    format: "\r\u{1B}[Knewshost: %d/%d files, %d articles, %.1f MB/s",
                    progress.inputs, total, progress.articles, rate
                ).utf8))
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
    /// The largest peak resident memory of any child process reaped so far.
    static func largestChildPeakMegabytes() -> Int {
        var usage = rusage()
        guard getrusage(RUSAGE_CHILDREN.rawValue, &usage) == 0 else { return 0 }
        return usage.ru_maxrss / 1024
    }

    static func peakMegabytes() -> Int {
        (statusKilobytes("VmHWM") ?? 0) / 1024
    }

    /// A kilobyte figure of /proc/self/status (`VmHWM`, `VmData`, …).
    static func statusKilobytes(_ field: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") })
        else { return nil }
        return Int(line.split(separator: " ").dropFirst().first ?? "")
    }
}

/// `--errors-to FILE`: one JSON object per problem, written as it happens
/// (so a long run's problems can be followed with `tail -f`).
final class ErrorLog {
    private let handle: FileHandle
    private let encoder = JSONEncoder()

    /// Opens `path` for writing in place (truncating a regular file), so a
    /// device or FIFO such as /dev/null is written through, never replaced.
    init(path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOCTTY, 0o666)
        guard descriptor >= 0 else {
            throw UsageError(
                description:
                    "--errors-to \(path): cannot write there (\(String(cString: strerror(errno)))); give a writable file"
            )
        }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    func write(_ record: ErrorRecord) {
        guard let line = try? encoder.encode(record) else { return }
        handle.write(line + Data("\n".utf8))
    }
}
