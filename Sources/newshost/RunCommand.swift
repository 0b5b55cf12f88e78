import Foundation
import NewsHostCore
import NewsHostRuntime
import OutputFiles
import PluginHost

/// `newshost run`: the main job.
struct RunCommand: Command {
    static let plugins = Flag(
        "--plugins", value: "LIST", help: "comma-separated plugin names or .so paths, in chain order (required)")
    static let option = Flag(
        "--option", value: "P.KEY=VALUE",
        help: "set option KEY of plugin P (repeatable); see `newshost inspect P` for the keys")
    static let onError = Flag(
        "--on-error", value: "stop|skip",
        help: "when a plugin fails on an article: stop the run (default) or leave the article out and go on")
    static let jobs = Flag(
        "--jobs", value: "N",
        help:
            "worker threads for parsing, classifiers and summarizers, 1 to 256 (default: the CPUs this process may use, by affinity and cgroup quota, less one from four up for the ordered stage); exporters always get articles in input order"
    )
    static let isolate = Flag(
        "--isolate", value: "[LIST]",
        help:
            "run the classifiers and summarizers in LIST (comma-separated names or ids; all of them when LIST is left out) in worker processes"
    )
    static let pluginTimeout = Flag(
        "--plugin-timeout", value: "SECS",
        help: "with --isolate: kill a worker that takes longer than SECS on one article (default 60)")
    static let badInput = Flag(
        "--bad-input", value: "stop|skip",
        help:
            "a bad line of a JSON Lines or page-records input: end that input there (default; the lines before it go through) or skip the line; with skip, refused inputs and skipped lines are counted, not failed (exit 0)"
    )
    static let summaryJSON = Flag(
        "--summary-json", value: "FILE",
        help: "also write the summary as JSON to FILE (- for stderr): counts, time, jobs, peak memory")
    static let errorsTo = Flag(
        "--errors-to", value: "FILE",
        help:
            "write each refused input, skipped line and failed article to FILE as a JSON line, as it happens (kind, input, line, id, plugin, reason)"
    )
    static let workerMemory = Flag(
        "--worker-memory", value: "MB",
        help:
            "with --isolate: let each worker's heap grow by at most MB megabytes (RLIMIT_DATA); a plugin that needs more fails on that article, the run goes on. Workers start as needed, at most min(jobs, CPUs) per plugin"
    )
    static let failureReport = Flag(
        "--failure-report", value: "FILE",
        help:
            "write what failed (plugin, article, status, signal, exit status or timeout) and the refused inputs to FILE as JSON"
    )
    static let verbose = Flag("--verbose", help: "show plugins' debug messages")

    static let configuration = CommandConfiguration(
        name: "run", abstract: "parse inputs and send every article through --plugins",
        arguments: "--plugins LIST [options] [INPUT...]",
        discussion: """
            Parses every INPUT into articles and sends each article through the
            plugins in LIST, in order; each plugin sees what the plugins before it
            produced. INPUT is \(InputSelection.inputsHelp).
            """,
        flags: [
            plugins, PluginSearchPath.flag, option, onError, jobs, isolate, pluginTimeout, InputSelection.inputFormat,
            InputSelection.sourceName, badInput, summaryJSON, errorsTo, InputSelection.maximumPageSize, workerMemory,
            failureReport, verbose,
        ],
        epilogue: """
            Plugins run inside newshost by default: the fastest way, but a plugin
            that crashes takes the whole run with it (newshost names the plugin and
            the article before it dies). Run plugins you do not trust with --isolate:
            each runs in its own worker process (the same .so, the same ABI); when a
            worker crashes, exits or hangs, the failure is recorded, a fresh worker
            is started, and --on-error decides whether the run goes on. Either way
            the exporters finish, so their output is complete for every article that
            went through. Exporters always run inside newshost (a restarted exporter
            would lose what it had written). Isolation costs a copy of each article
            and a round trip per plugin (see docs/performance.md).

            A plugin name is looked up as lib<name>.so or <name>.so; a value with a
            / or ending in .so is a path. Exporters are finished even when the run
            stops early, so their output is complete for the articles processed.
            A summary line (articles, plugins, time, peak memory) goes to stderr at
            the end; a progress line is shown while it runs when stderr is a terminal.
            """)

    let pluginList: [String]
    let searchPath: PluginSearchPath
    let options: [OptionAssignment]
    let policy: ErrorPolicy
    let badInputPolicy: ErrorPolicy
    let verboseLogging: Bool
    let jobCount: Int
    let isolation: IsolationSelection
    let settings: IsolationSettings?
    let failureReportPath: String?
    let errorLog: ErrorLog?
    let summaryJSONPath: String?
    let reader: PageReader
    let inputs: [InputSource]

    init(_ arguments: inout Arguments) throws {
        pluginList = try arguments.values(Self.plugins).flatMap { $0.split(separator: ",").map(String.init) }
        searchPath = try PluginSearchPath.from(&arguments)
        options = try arguments.values(Self.option).map { try OptionAssignment(parsing: $0) }
        policy = try Self.policy(arguments.value(Self.onError), flag: Self.onError)
        verboseLogging = arguments.flag(Self.verbose)
        let jobsText = try arguments.value(Self.jobs) ?? "\(CPUBudget.defaultJobs())"
        guard let jobs = Int(jobsText), (1...256).contains(jobs) else {
            throw UsageError(description: "--jobs \(jobsText): expected a number of worker threads from 1 to 256")
        }
        jobCount = jobs
        let isolate = try Self.isolation(&arguments, plugins: pluginList)
        isolation = isolate
        let timeoutText = try arguments.value(Self.pluginTimeout)
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
        let memoryText = try arguments.value(Self.workerMemory)
        let workerMemory = try memoryText.map { text in
            guard let megabytes = Int(text), (16...1_048_576).contains(megabytes) else {
                throw UsageError(description: "--worker-memory \(text): expected megabytes from 16, e.g. 512")
            }
            guard isolate != .none else {
                throw UsageError(description: "--worker-memory applies to isolated plugins only; add --isolate")
            }
            return megabytes
        }
        failureReportPath = try arguments.value(Self.failureReport)
        badInputPolicy = try Self.policy(arguments.value(Self.badInput), flag: Self.badInput)
        errorLog = try arguments.value(Self.errorsTo).map(ErrorLog.init(path:))
        summaryJSONPath = try arguments.value(Self.summaryJSON)
        var reader = try InputSelection.reader(&arguments)
        reader.skipsBadRecords = badInputPolicy == .skip
        self.reader = reader
        inputs = try InputSelection.resolve(&arguments, command: Self.configuration.name)
        guard !pluginList.isEmpty else {
            throw UsageError(
                description: "newshost run needs --plugins, e.g. --plugins classify,export-csv (see `newshost plugins`)"
            )
        }
        if isolate != .none {
            guard let executable = PluginSearchPath.executablePath() else {
                throw UsageError(
                    description:
                        "--isolate: cannot find the newshost executable (/proc/self/exe) to start plugin workers")
            }
            settings = IsolationSettings(
                workerExecutable: executable, timeout: timeout, verbose: verboseLogging,
                memoryLimitMegabytes: workerMemory)
        } else {
            settings = nil
        }
    }

    /// `stop` (the default) or `skip`, the values of --on-error and --bad-input.
    private static func policy(_ text: String?, flag: Flag) throws -> ErrorPolicy {
        guard let policy = ErrorPolicy(rawValue: text ?? "stop") else {
            throw UsageError(description: "\(flag.name) \(text ?? ""): expected stop or skip")
        }
        return policy
    }

    func run() throws -> ExitStatus {
        CrashNotice.install(
            advice:
                "the run is lost (finished output files are only written at the end). Plugins run inside newshost unless isolated: run untrusted plugins with --isolate (or --isolate NAME) and --on-error skip to record the crash and go on"
        )
        let chain = try Chain.load(
            plugins: pluginList, searchPath: searchPath, options: options,
            logHandler: Console.pluginLog(verbose: verboseLogging), workers: jobCount,
            isolate: isolation, isolation: settings, protectStandardOutput: true)
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
        runner.onError = errorLog.map { log in { log.write($0) } }
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
        var resources = "\(jobCount) job\(jobCount == 1 ? "" : "s"), peak memory \(peakMemory) MB"
        if workers > 0 {
            resources +=
                ", \(workers) isolated worker process\(workers == 1 ? "" : "es") (largest peak \(largestWorkerPeak) MB)"
        }
        Console.err(report.summary(pluginCount: chain.pluginCount) + " (\(resources))")
        if let summaryJSONPath {
            let summary = RunSummary(
                report, plugins: chain.pluginCount, jobs: jobCount, peakMemoryMB: peakMemory,
                workerProcesses: workers, largestWorkerPeakMB: largestWorkerPeak)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let text = String(decoding: (try? encoder.encode(summary)) ?? Data(), as: UTF8.self) + "\n"
            if summaryJSONPath == "-" {
                FileHandle.standardError.write(Data(text.utf8))
            } else {
                do {
                    try OutputFile.write(text, to: summaryJSONPath)
                } catch {
                    Console.err("newshost: could not write the summary: \(error)")
                    return .pluginFailed
                }
            }
        }
        if let failureReportPath {
            do {
                try FailureReport(report).write(to: failureReportPath)
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
        if !report.inputProblems.isEmpty && badInputPolicy == .stop { return .input }
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
            isolate,
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
