import Foundation
import NewsHostCore
import NewsHostRuntime

/// `newshost run`.
enum RunCommand {
    static func main(_ arguments: inout Arguments) throws -> ExitStatus {
        if arguments.flag("-h", "--help") {
            Console.out(Help.run)
            return .success
        }
        let pluginList = try arguments.values("--plugins").flatMap { $0.split(separator: ",").map(String.init) }
        let searchPath = PluginSearchPath(explicit: try arguments.values("--plugin-path"))
        let options = try arguments.values("--option").map { try OptionAssignment(parsing: $0) }
        let policyText = try arguments.value("--on-error") ?? "stop"
        guard let policy = ErrorPolicy(rawValue: policyText) else {
            throw UsageError(description: "--on-error \(policyText): expected stop or skip")
        }
        let verbose = arguments.flag("--verbose")
        let inputs = try InputSelection.resolve(try arguments.operands(command: "run"))
        guard !pluginList.isEmpty else {
            throw UsageError(description: "newshost run needs --plugins, e.g. --plugins classify,export-csv (see `newshost plugins`)")
        }

        let chain = try Chain.load(plugins: pluginList, searchPath: searchPath, options: options,
                                   logHandler: Console.pluginLog(verbose: verbose))
        defer { chain.destroy() }
        let runner = Runner(policy: policy, onProblem: { Console.err("newshost: " + $0) })
        let report = runner.run(inputs, through: chain)
        Console.err(report.summary(pluginCount: chain.instances.count))
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
