import Foundation
import NewsHostCore

/// The inputs of `run` and `parse`: the operands, or `./seeds` when there are none.
enum InputSelection {
    /// What an INPUT operand may be, for the help texts.
    static let inputsHelp =
        "a page file, a JSON Lines file, a directory (its *.txt and *.jsonl files) or - for standard input; with none, ./seeds is read"

    static let inputFormat = Flag(
        "--input-format", value: "F",
        help:
            "auto (default: .txt pages, .jsonl articles, by content otherwise), pages, jsonl or page-records (one {\"source\",\"text\"|\"bytes\"} page per line); an explicit format never guesses"
    )
    static let sourceName = Flag(
        "--source-name", value: "NAME",
        help: "the name of stdin in ids (NAME#0…), e.g. the Spark partition, so ids stay unique")
    static let maximumPageSize = Flag(
        "--max-page-mb", value: "MB",
        help:
            "refuse a page larger than MB megabytes (default 16; real pages are tens of kilobytes), stdin as soon as it passes the limit"
    )
    /// The flags ``reader(_:)`` and ``resolve(_:command:)`` take.
    static let flags = [inputFormat, sourceName, maximumPageSize]

    /// The page reader `--max-page-mb` and `--input-format` ask for.
    static func reader(_ arguments: inout Arguments) throws -> PageReader {
        var reader = PageReader()
        if let text = try arguments.value(inputFormat), text != "auto" {
            guard let format = InputFormat(rawValue: text) else {
                throw UsageError(description: "--input-format \(text): expected auto, pages, jsonl or page-records")
            }
            reader.format = format
        }
        if let text = try arguments.value(maximumPageSize) {
            guard let megabytes = Int(text), (1...4096).contains(megabytes) else {
                throw UsageError(description: "--max-page-mb \(text): expected megabytes from 1 to 4096 (default 16)")
            }
            reader.maximumPageBytes = megabytes << 20
        }
        return reader
    }

    /// The inputs, with stdin named `--source-name` when given.
    static func resolve(_ arguments: inout Arguments, command: String) throws -> [InputSource] {
        let sourceName = try arguments.value(Self.sourceName)
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
