import Foundation
import NewsHostConformance
import NewsHostRuntime
import OutputFiles

/// `newshost conformance` and the hidden `newshost conformance-worker`.
enum ConformanceCommand {
    static func main(_ arguments: inout Arguments) throws -> ExitStatus {
        let searchPath = PluginSearchPath(explicit: try arguments.values("--plugin-path"))
        let levelText = try arguments.value("--level") ?? "2"
        guard let level = Int(levelText), (1...3).contains(level) else {
            throw UsageError(description: "--level \(levelText): expected 1, 2 or 3")
        }
        let formatText = try arguments.value("--format") ?? "text"
        guard let format = ReportFormat(rawValue: formatText) else {
            throw UsageError(description: "--format \(formatText): expected text, junit or json")
        }
        let timeoutText = try arguments.value("--timeout") ?? "60"
        guard let timeout = Double(timeoutText), timeout > 0 else {
            throw UsageError(description: "--timeout \(timeoutText): expected a number of seconds")
        }
        let output = try arguments.value("--output")
        if arguments.flag("--list") {
            for check in Check.allCases {
                Console.out(
                    "\(check.rawValue.padding(toLength: 40, withPad: " ", startingAt: 0)) level \(check.level)  \(check.summary)"
                )
            }
            return .success
        }
        let only = try arguments.values("--only").flatMap { $0.split(separator: ",").map(String.init) }
        let selected = try only.map { id in
            guard let check = Check(rawValue: id) else {
                throw UsageError(description: "--only \(id): no such check; `newshost conformance --list` lists them")
            }
            return check
        }
        // Checks run in a scratch directory, so the seeds path must be absolute.
        let seeds =
            (try arguments.value("--seeds") ?? (FileManager.default.fileExists(atPath: "seeds") ? "seeds" : nil))
            .map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        let plugins = try arguments.operands(command: "conformance")
        guard !plugins.isEmpty else {
            throw UsageError(description: "newshost conformance needs at least one plugin name or .so path")
        }
        guard let executable = PluginSearchPath.executablePath() else {
            throw UsageError(description: "cannot find the newshost executable to run checks in (no /proc/self/exe)")
        }
        // Checks run in a scratch directory, so plugin paths must be absolute too.
        let paths = try plugins.map { URL(fileURLWithPath: try searchPath.resolve($0)).standardizedFileURL.path }
        var runner = ConformanceRunner(
            workerExecutable: executable, level: level, timeout: timeout, seedsDirectory: seeds)
        if !selected.isEmpty { runner.only = Set(selected) }
        var reports: [PluginReport] = []
        for path in paths {
            if Console.isTerminal(FileHandle.standardError) { Console.err("checking \(path) at level \(level)…") }
            reports.append(runner.run(plugin: path))
        }
        let rendered = format.render(reports)
        if let output {
            try OutputFile.write(rendered, to: output)
            if format != .text { Console.out(ReportFormat.text.render(reports)) }
        } else {
            Console.out(rendered)
        }
        return reports.allSatisfy(\.passed) ? .success : .pluginFailed
    }

    /// Runs one check group in this process and writes the results as JSON.
    static func worker(_ arguments: inout Arguments) throws -> ExitStatus {
        guard let plugin = try arguments.value("--plugin"), let group = try arguments.value("--check"),
            let result = try arguments.value("--result"), let scratch = try arguments.value("--scratch")
        else { throw UsageError(description: "conformance-worker is run by `newshost conformance`, not by hand") }
        let seeds = try arguments.value("--seeds")
        let breadcrumb = try arguments.value("--breadcrumb")
        let report = Worker(
            pluginPath: plugin, seedsDirectory: seeds, scratchDirectory: scratch, breadcrumbPath: breadcrumb
        ).run(group)
        try JSONEncoder().encode(report).write(to: URL(fileURLWithPath: result))
        return .success
    }
}
