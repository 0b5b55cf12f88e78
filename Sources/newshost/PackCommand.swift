import Foundation
import NewsHostCore

/// `newshost pack`: page files to page records, one per line on stdout, so
/// that pages can go through line-oriented pipes (Spark, Hadoop Streaming)
/// whole and with their original bytes (GB18030 pages stay GB18030).
enum PackCommand {
    static func main(_ arguments: inout Arguments) throws -> ExitStatus {
        let inputs = try InputSelection.resolve(&arguments, command: "pack")
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
