import Foundation
import NewsHostConformance
import NewsHostRuntime
import OutputFiles

/// `newshost conformance`: checks plugins against the rules of the ABI.
struct ConformanceCommand: Command {
    static let level = Flag("--level", value: "1|2|3", help: "how far to go (default 2)")
    static let format = Flag("--format", value: "text|junit|json", help: "report format (default text)")
    static let output = Flag(
        "--output", value: "FILE", help: "write the report to FILE (the table still goes to stdout for junit and json)")
    static let timeout = Flag(
        "--timeout", value: "SECONDS",
        help:
            "seconds a check may go without progress before it counts as hung (default 60); after a hang the remaining checks are skipped"
    )
    static let list = Flag("--list", help: "list every check: id, level, what it verifies")
    static let only = Flag(
        "--only", value: "CHECK[,CHECK]",
        help: "run only these checks (the load checks always run first, to know the plugin loads)")
    static let seeds = Flag(
        "--seeds", value: "DIR", help: "pages for the behaviour checks (default ./seeds, else two built-in articles)")

    static let configuration = CommandConfiguration(
        name: "conformance", abstract: "check plugins against the ABI's rules (for plugin CI)",
        arguments: "[options] PLUGIN...",
        discussion: """
            Checks each PLUGIN (a name or a .so path) against the rules of the plugin
            ABI and reports every check with a stable id. Each check runs in a child
            process, so a plugin that crashes, aborts, hangs, calls exit or writes to
            stdout fails that check (naming the signal, timeout or exit status) and
            the suite goes on.

            Levels:
              1  load: dlopen, entry symbol, ABI version, struct sizes, id, semantic
                 version, kind, description, hooks and signatures, option table,
                 defaults the plugin accepts
              2  behaviour (default): create/destroy, unknown option and bad values
                 refused with a message, destroy without process, finish with no
                 articles, every seed article, hostile articles (empty, 10 MB body,
                 invalid UTF-8, NULs, emoji, right-to-left), results valid for the
                 kind, exporters writing only their path, determinism, several
                 instances
              3  stress: 8 threads on one instance (if declared thread-safe);
                 10,000 articles without memory or descriptor growth, µs/article
            """,
        flags: [level, format, output, timeout, list, only, seeds, PluginSearchPath.flag],
        epilogue: """
            To run one check under a debugger:
              gdb --args newshost conformance-worker --plugin ./libx.so --check CHECK \\
                --result /tmp/r.json --scratch /tmp/s
            """,
        exitStatuses: """
            Exit status: 0 when every check passed (skipped checks do not fail),
            1 when any failed, 2 for a wrong command line.
            """)

    let listOnly: Bool
    let paths: [String]
    let runner: ConformanceRunner
    let reportFormat: ReportFormat
    let outputPath: String?

    init(_ arguments: inout Arguments) throws {
        let searchPath = try PluginSearchPath.from(&arguments)
        let levelText = try arguments.value(Self.level) ?? "2"
        guard let level = Int(levelText), (1...3).contains(level) else {
            throw UsageError(description: "--level \(levelText): expected 1, 2 or 3")
        }
        let formatText = try arguments.value(Self.format) ?? "text"
        guard let format = ReportFormat(rawValue: formatText) else {
            throw UsageError(description: "--format \(formatText): expected text, junit or json")
        }
        let timeoutText = try arguments.value(Self.timeout) ?? "60"
        guard let timeout = Double(timeoutText), timeout > 0 else {
            throw UsageError(description: "--timeout \(timeoutText): expected a number of seconds")
        }
        reportFormat = format
        outputPath = try arguments.value(Self.output)
        listOnly = arguments.flag(Self.list)
        let only = try arguments.values(Self.only).flatMap { $0.split(separator: ",").map(String.init) }
        let selected = try only.map { id in
            guard let check = Check(rawValue: id) else {
                throw UsageError(description: "--only \(id): no such check; `newshost conformance --list` lists them")
            }
            return check
        }
        // Checks run in a scratch directory, so the seeds path must be absolute.
        let seeds =
            (try arguments.value(Self.seeds) ?? (FileManager.default.fileExists(atPath: "seeds") ? "seeds" : nil))
            .map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        let plugins = try arguments.operands(command: Self.configuration.name)
        guard let executable = PluginSearchPath.executablePath() else {
            throw UsageError(description: "cannot find the newshost executable to run checks in (no /proc/self/exe)")
        }
        var runner = ConformanceRunner(
            workerExecutable: executable, level: level, timeout: timeout, seedsDirectory: seeds)
        if !selected.isEmpty { runner.only = Set(selected) }
        self.runner = runner
        guard listOnly || !plugins.isEmpty else {
            throw UsageError(description: "newshost conformance needs at least one plugin name or .so path")
        }
        // Checks run in a scratch directory, so plugin paths must be absolute too.
        paths = try plugins.map { URL(fileURLWithPath: try searchPath.resolve($0)).standardizedFileURL.path }
    }

    func run() throws -> ExitStatus {
        if listOnly {
            for check in Check.allCases {
                Console.out(
                    "\(check.rawValue.padding(toLength: 40, withPad: " ", startingAt: 0)) level \(check.level)  \(check.summary)"
                )
            }
            return .success
        }
        var reports: [PluginReport] = []
        for path in paths {
            if Console.isTerminal(FileHandle.standardError) {
                Console.err("checking \(path) at level \(runner.level)…")
            }
            reports.append(runner.run(plugin: path))
        }
        let rendered = reportFormat.render(reports)
        if let outputPath {
            try OutputFile.write(rendered, to: outputPath)
            if reportFormat != .text { Console.out(ReportFormat.text.render(reports)) }
        } else {
            Console.out(rendered)
        }
        return reports.allSatisfy(\.passed) ? .success : .pluginFailed
    }
}

/// `newshost conformance-worker`: runs one check group in this process and
/// writes the results as JSON. Started by `newshost conformance`.
struct ConformanceWorkerCommand: Command {
    static let plugin = Flag("--plugin", value: "PATH", help: "the plugin's .so")
    static let check = Flag("--check", value: "CHECK", help: "the check (group) to run")
    static let result = Flag("--result", value: "FILE", help: "where the results go, as JSON")
    static let scratch = Flag("--scratch", value: "DIR", help: "a directory the checks may write in")
    static let breadcrumb = Flag(
        "--breadcrumb", value: "FILE", help: "where the check in progress is noted, for a crash report")

    static let configuration = CommandConfiguration(
        name: "conformance-worker", abstract: "run one conformance check (started by `newshost conformance`)",
        arguments: "--plugin PATH --check CHECK --result FILE --scratch DIR [--seeds DIR] [--breadcrumb FILE]",
        discussion: "Runs one check group of `newshost conformance` in this process and writes the results as JSON.",
        flags: [plugin, check, result, scratch, ConformanceCommand.seeds, breadcrumb], isHidden: true)

    let worker: Worker
    let group: String
    let resultPath: String

    init(_ arguments: inout Arguments) throws {
        guard let plugin = try arguments.value(Self.plugin), let group = try arguments.value(Self.check),
            let result = try arguments.value(Self.result), let scratch = try arguments.value(Self.scratch)
        else { throw UsageError(description: "conformance-worker is run by `newshost conformance`, not by hand") }
        let seeds = try arguments.value(ConformanceCommand.seeds)
        let breadcrumb = try arguments.value(Self.breadcrumb)
        worker = Worker(
            pluginPath: plugin, seedsDirectory: seeds, scratchDirectory: scratch, breadcrumbPath: breadcrumb)
        self.group = group
        resultPath = result
    }

    func run() throws -> ExitStatus {
        try JSONEncoder().encode(worker.run(group)).write(to: URL(fileURLWithPath: resultPath))
        return .success
    }
}
