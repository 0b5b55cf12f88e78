import Foundation
import NewsHostCore
import NewsHostRuntime
import PluginHost

/// Runs the command named by the first argument and returns its exit status.
func runCommandLine(_ commandLine: [String]) -> ExitStatus {
    guard let name = commandLine.first else {
        Console.err(CommandRegistry.mainHelp)
        return .usage
    }
    switch name {
    case "-h", "--help", "help":
        Console.out(CommandRegistry.mainHelp)
        return .success
    case "--version", "version":
        Console.out(CommandRegistry.version)
        return .success
    default: break
    }
    do {
        guard let command = CommandRegistry.command(named: name) else { throw CommandRegistry.unknownCommand(name) }
        var arguments = Arguments(Array(commandLine.dropFirst()))
        if arguments.flag(Flag.help) {
            Console.out(command.configuration.help)
            return .success
        }
        return try command.init(&arguments).run()
    } catch {
        Console.err("newshost: \(error)")
        return ExitStatus(failure: error)
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
