import Foundation
import NewsHostCore
import NewsHostRuntime
import PluginHost

/// Runs the command named by the first argument and returns its exit status.
func runCommandLine(_ commandLine: [String]) -> ExitStatus {
    guard let command = commandLine.first else {
        Console.err(Help.main)
        return .usage
    }
    var arguments = Arguments(Array(commandLine.dropFirst()))
    let helpTexts = [
        "run": Help.run, "parse": Help.parse, "pack": Help.pack, "plugins": Help.plugins, "inspect": Help.inspect,
        "conformance": Help.conformance, "new-plugin": Help.newPlugin,
    ]
    if let help = helpTexts[command], arguments.flag("-h", "--help") {
        Console.out(help)
        return .success
    }
    do {
        switch command {
        case "run": return try RunCommand.main(&arguments)
        case "parse": return try ParseCommand.main(&arguments)
        case "pack": return try PackCommand.main(&arguments)
        case "plugins": return try PluginsCommand.list(&arguments)
        case "inspect": return try PluginsCommand.inspect(&arguments)
        case "conformance": return try ConformanceCommand.main(&arguments)
        case "conformance-worker": return try ConformanceCommand.worker(&arguments)
        case "plugin-worker": return try PluginWorkerCommand.main(&arguments)
        case "new-plugin": return try NewPluginCommand.main(&arguments)
        case "-h", "--help", "help":
            Console.out(Help.main)
            return .success
        case "--version", "version":
            Console.out(Help.version)
            return .success
        default:
            throw UsageError(
                description:
                    "unknown command `\(command)`; commands are run, parse, pack, plugins, inspect, conformance, new-plugin (see `newshost --help`)"
            )
        }
    } catch {
        Console.err("newshost: \(error)")
        switch error {
        case is UsageError, is RuntimeError: return .usage
        case is InputError: return .input
        case is PluginLoadError, is PluginCallError: return .pluginUnusable
        default: return .pluginFailed
        }
    }
}

/// The first command-line argument that is not valid UTF-8, if any: Swift
/// would hand it over with U+FFFD in place of the bad bytes, and a path
/// would silently name another file.
func firstNonUTF8Argument() -> (position: Int, shown: String)? {
    for position in 1..<Int(CommandLine.argc) {
        guard let argument = CommandLine.unsafeArgv[position] else { continue }
        let bytes = UnsafeBufferPointer(
            start: UnsafeRawPointer(argument).assumingMemoryBound(to: UInt8.self), count: strlen(argument))
        if String(validating: bytes, as: UTF8.self) == nil {
            return (position, String(decoding: bytes, as: UTF8.self))
        }
    }
    return nil
}

if let (position, shown) = firstNonUTF8Argument() {
    Console.err(
        "newshost: argument \(position) (\(shown.debugDescription)) is not valid UTF-8; newshost takes UTF-8 arguments and paths: give the file a UTF-8 name"
    )
    exit(ExitStatus.usage.rawValue)
}

// A file size limit (`ulimit -f`) makes writes past it fail with EFBIG,
// reported like a full disk, instead of killing the process without a word.
signal(SIGXFSZ, SIG_IGN)
exit(runCommandLine(Array(CommandLine.arguments.dropFirst())).rawValue)
