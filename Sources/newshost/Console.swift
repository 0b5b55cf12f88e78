import Foundation
import PluginHost

/// Writing to the terminal: stdout for results, stderr for everything else.
enum Console {
    /// Writes `text` and a newline to standard output.
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Writes `bytes` to standard output as they are.
    static func out(bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }

    /// Writes `text` and a newline to standard error.
    static func err(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Whether `handle` is a terminal (progress is shown only there).
    static func isTerminal(_ handle: FileHandle) -> Bool {
        isatty(handle.fileDescriptor) == 1
    }

    /// A log handler that writes plugin messages to stderr, leaving out
    /// debug messages unless `verbose`.
    static func pluginLog(verbose: Bool) -> PluginLogHandler {
        { message in
            guard verbose || message.level > .debug else { return }
            err("newshost: [\(message.pluginID)] \(message.level): \(message.message)")
        }
    }
}
