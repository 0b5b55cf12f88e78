import Foundation
import Glibc
import PluginHost
import ProcessPlumbing

/// The process-wide state a plugin shares with the host and every other
/// plugin, and must leave as it found it: working directory, umask, locale,
/// environment and signal dispositions.
struct ProcessState: Equatable {
    var workingDirectory: String
    var umask: mode_t
    var locale: String
    var environment: [String]
    /// The handler (or SIG_DFL / SIG_IGN) of every classic signal.
    var signalHandlers: [Int32: UInt]

    /// The signals whose dispositions are compared (SIGKILL and SIGSTOP cannot change).
    static let signals: [Int32] = (1...31).map(Int32.init).filter { $0 != SIGKILL && $0 != SIGSTOP }

    /// The state now.
    static func capture() -> ProcessState {
        let mask = Glibc.umask(0o022)
        Glibc.umask(mask)
        var environment: [String] = []
        var index = 0
        while let entry = environ[index] {
            environment.append(String(cString: entry))
            index += 1
        }
        var handlers: [Int32: UInt] = [:]
        for number in signals {
            var action = sigaction()
            sigaction(number, nil, &action)
            handlers[number] = unsafeBitCast(action.__sigaction_handler.sa_handler, to: UInt.self)
        }
        return ProcessState(
            workingDirectory: FileManager.default.currentDirectoryPath, umask: mask,
            locale: setlocale(LC_ALL, nil).map { String(cString: $0) } ?? "",
            environment: environment.sorted(), signalHandlers: handlers)
    }

    /// What differs from `before`, in words, or nil.
    func differences(from before: ProcessState) -> String? {
        var changes: [String] = []
        if workingDirectory != before.workingDirectory {
            changes.append("the working directory (\(before.workingDirectory) → \(workingDirectory))")
        }
        if umask != before.umask {
            changes.append("the umask (\(String(before.umask, radix: 8)) → \(String(umask, radix: 8)))")
        }
        if locale != before.locale { changes.append("the locale (\(before.locale) → \(locale))") }
        if environment != before.environment {
            let added = Set(environment).subtracting(before.environment).map { String($0.prefix { $0 != "=" }) }
            let removed = Set(before.environment).subtracting(environment).map { String($0.prefix { $0 != "=" }) }
            changes.append("the environment (\(Set(added + removed).sorted().joined(separator: ", ")))")
        }
        let signals = Self.signals.filter { signalHandlers[$0] != before.signalHandlers[$0] }
        if !signals.isEmpty {
            changes.append("signal handlers (\(signals.map { Signals.name($0) }.joined(separator: ", ")))")
        }
        return changes.isEmpty ? nil : changes.joined(separator: "; ")
    }
}
