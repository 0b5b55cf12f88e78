import Foundation
import NewsHostCore

/// `newshost pack`: page files to page records, one per line on stdout, so
/// that pages can go through line-oriented pipes (Spark, Hadoop Streaming)
/// whole and with their original bytes (GB18030 pages stay GB18030).
struct PackCommand: Command {
    static let configuration = CommandConfiguration(
        name: "pack", abstract: "page files as page records, one per line (for Spark)",
        arguments: "[--source-name NAME] [INPUT...]",
        discussion: """
            Writes each page file (or directory of them, or - for stdin) as one page
            record per line on stdout: {"bytes":"<base64>","source":"<name>"}. Pages
            keep their bytes (GB18030 stays GB18030), so a line-oriented pipe such as
            Spark's rdd.pipe carries them whole; `newshost run --input-format
            page-records` parses each record exactly as the file.
            """,
        flags: [InputSelection.sourceName])

    let inputs: [InputSource]

    init(_ arguments: inout Arguments) throws {
        inputs = try InputSelection.resolve(&arguments, command: Self.configuration.name)
    }

    func run() throws -> ExitStatus {
        var refused = false
        for input in inputs {
            do {
                let bytes = try input.readBytes()
                Console.out(PageRecords.record(source: input.name, bytes: bytes))
            } catch {
                refused = true
                Console.err("newshost: \(error)")
            }
        }
        return refused ? .input : .success
    }
}
