import Foundation

/// A benchmark's command line: `--flag value` pairs and bare `--flag`s,
/// with the usage line printed for anything it does not know.
public struct BenchmarkArguments {
    private var values: [String: String] = [:]
    private var switches: Set<String> = []
    private let usage: String

    /// Reads `arguments`; `valued` are the flags that take a value,
    /// `bare` those that do not. Exits with the usage line on any other.
    public init(
        usage: String, valued: Set<String>, bare: Set<String> = [],
        _ arguments: [String] = Array(CommandLine.arguments.dropFirst())
    ) {
        self.usage = usage
        var iterator = arguments.makeIterator()
        while let flag = iterator.next() {
            if bare.contains(flag) {
                switches.insert(flag)
            } else if valued.contains(flag), let value = iterator.next() {
                values[flag] = value
            } else {
                Self.fail("\(flag) is not a flag of this benchmark (or lacks its value)", usage: usage)
            }
        }
    }

    /// The value of `flag`, or `fallback`; without either, exits with the usage line.
    public func string(_ flag: String, default fallback: String? = nil) -> String {
        guard let value = values[flag] ?? fallback else { Self.fail("\(flag) is required", usage: usage) }
        return value
    }

    /// The whole-number value of `flag`, or `fallback`.
    public func int(_ flag: String, default fallback: Int) -> Int {
        guard let text = values[flag] else { return fallback }
        guard let value = Int(text), value > 0 else {
            Self.fail("\(flag) \(text): expected a positive whole number", usage: usage)
        }
        return value
    }

    /// The value of `flag`, if given.
    public func optional(_ flag: String) -> String? { values[flag] }

    /// Whether the bare `flag` was given.
    public func has(_ flag: String) -> Bool { switches.contains(flag) }

    private static func fail(_ problem: String, usage: String) -> Never {
        FileHandle.standardError.write(Data("\(problem)\nusage: \(usage)\n".utf8))
        exit(2)
    }
}
