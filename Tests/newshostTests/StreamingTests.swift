import Foundation
import NewsHostTestSupport
import Testing

/// JSON Lines (and page records) are streamed: read in pieces that every
/// worker takes, exported in order as soon as they are ready, with memory
/// that does not grow with the input.
@Suite struct StreamingTests {
    /// The seeds' articles as JSON Lines, `copies` times over, each copy
    /// under its own source so that ids stay unique.
    private static func articles(copies: Int) throws -> [String] {
        let parsed = try Command.newshost(["parse", TestPaths.seeds.path])
        #expect(parsed.status == 0, "\(parsed.stderr)")
        var lines: [String] = []
        for copy in 0..<copies {
            for line in parsed.stdout.split(separator: "\n") {
                var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                object["source"] = "copy-\(copy)-\(object["source"] as? String ?? "")"
                object.removeValue(forKey: "id")
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                lines.append(String(decoding: data, as: UTF8.self))
            }
        }
        return lines
    }

    private static func peakMemory(_ result: CommandResult) -> Int? {
        guard let range = result.stderr.range(of: "peak memory ") else { return nil }
        return Int(result.stderr[range.upperBound...].prefix { $0.isNumber })
    }

    /// A producer that writes some lines and then waits gets their results
    /// before it writes more; Ctrl-C then ends the run while the input is
    /// still open, with what went through committed.
    @Test func outputArrivesBeforeTheInputEndsAndAnInterruptStopsInsideIt() throws {
        let lines = try Self.articles(copies: 1)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.newshost)
        process.arguments = ["run", "--plugins", "classify,export-jsonl", "--jobs", "2", "-"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // A watchdog, so that a run that waits for the end of its input
        // fails this test instead of hanging it (generous: CI machines are busy).
        let watchdog = DispatchWorkItem { kill(process.processIdentifier, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 300, execute: watchdog)
        defer { watchdog.cancel() }

        input.fileHandleForWriting.write(Data((lines.prefix(5).joined(separator: "\n") + "\n").utf8))
        var received = Data()
        while received.split(separator: UInt8(ascii: "\n")).count < 5 {
            let more = output.fileHandleForReading.availableData
            if more.isEmpty { break }
            received += more
        }
        #expect(
            received.split(separator: UInt8(ascii: "\n")).count == 5,
            "the first five results came while the input was open")
        #expect(process.isRunning)

        kill(process.processIdentifier, SIGINT)
        let rest = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
        #expect(
            process.terminationReason == .exit && process.terminationStatus == 130,
            "ended by Ctrl-C, not by the watchdog")
        let exported = (received + rest).split(separator: UInt8(ascii: "\n"))
        #expect(exported.count == 5)
        #expect(
            exported.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0))) != nil }, "every line is whole")
    }

    /// A stream of several pieces comes out in input order, the same with
    /// one job as with three.
    @Test func thePiecesOfOneStreamKeepTheirOrderWithSeveralJobs() throws {
        let directory = try TestPaths.temporaryDirectory()
        let file = directory.appendingPathComponent("many.jsonl")
        let lines = try Self.articles(copies: 40)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        #expect(
            try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int ?? 0 > 3 << 20,
            "several 1 MB pieces")
        func run(jobs: Int) throws -> [Substring] {
            let result = try Command.newshost(["run", "--plugins", "export-csv", "--jobs", "\(jobs)", file.path])
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout.split(separator: "\r\n")
        }
        let one = try run(jobs: 1)
        let three = try run(jobs: 3)
        #expect(one.count == lines.count + 1)
        #expect(one == three)
        let sources = one.dropFirst().map { $0.split(separator: ",")[1] }
        let expected = lines.map { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["source"] as? String ?? ""
        }
        #expect(sources.map(String.init) == expected)
    }

    /// Peak memory for a stream 40 times larger stays within a bound that
    /// holding the input would exceed.
    @Test func memoryDoesNotGrowWithTheStream() throws {
        let lines = try Self.articles(copies: 120)
        let sink = try TestPaths.temporaryDirectory()
        func run(_ count: Int) throws -> Int? {
            let input = Data((lines.prefix(count).joined(separator: "\n") + "\n").utf8)
            let result = try Command.newshost(
                [
                    "run", "--plugins", "export-csv", "--option",
                    "export-csv.path=\(sink.appendingPathComponent("out.csv").path)", "-",
                ], stdin: input)
            #expect(result.status == 0, "\(result.stderr)")
            return Self.peakMemory(result)
        }
        let small = try #require(try run(60))
        let large = try #require(try run(lines.count))
        // The large stream is about 12 MB; the bound allows for allocator slack, not for holding it.
        #expect(large < small + 40, "peak \(large) MB for \(lines.count) articles vs \(small) MB for 60")
    }

    /// UTF-16 cannot be cut at line-feed bytes: such an input is read whole,
    /// so a file of several pieces' size still gives every article.
    @Test func aUTF16StreamIsReadWholeNotCutAtLineFeedBytes() throws {
        let directory = try TestPaths.temporaryDirectory()
        let lines = try Self.articles(copies: 40)
        let file = directory.appendingPathComponent("wide.jsonl")
        var data = Data([0xFF, 0xFE])
        data.append((lines.joined(separator: "\n") + "\n").data(using: .utf16LittleEndian)!)
        try data.write(to: file)
        #expect(data.count > 2 << 20, "more than two 1 MB pieces")
        let result = try Command.newshost(["run", "--plugins", "export-csv", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("\(lines.count) of \(lines.count) articles"), "\(result.stderr)")
    }

    /// A line beyond the limit is refused by its number before it is read
    /// whole; the lines before it went through.
    @Test func anOverlongLineIsRefusedByItsNumber() throws {
        let line = try #require(try Self.articles(copies: 1).first)
        let huge = "{\"body\":\"" + String(repeating: "长", count: 1 << 20) + "\"}"
        let input = Data([line, huge, line].joined(separator: "\n").utf8)
        let result = try Command.newshost(
            ["run", "--plugins", "export-jsonl", "--max-page-mb", "1", "-"], stdin: input)
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("-:2: a line longer than 2 MB"), "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 1)
    }

    /// An exporter with a `prepare` hook gets each article's record made on
    /// a worker thread, never on the thread that writes (the fixture fails
    /// an article otherwise), for pages and for a stream alike.
    @Test(arguments: [false, true])
    func exportersPrepareTheirRecordsOnTheWorkers(stream: Bool) throws {
        let directory = try TestPaths.temporaryDirectory()
        let plugin = try PluginCompiler.fixture("preparer", defines: ["EXPORTER", "PREPARES"], into: directory)
        let input = stream ? ["-"] : [TestPaths.seeds.path]
        let lines = stream ? Data((try Self.articles(copies: 2).joined(separator: "\n")).utf8) : nil
        let result = try Command.newshost(
            ["run", "--plugins", "classify,\(plugin)", "--jobs", "2"] + input, stdin: lines)
        #expect(result.status == 0, "\(result.stderr)")
        let count = TestPaths.seedArticleCount * (stream ? 2 : 1)
        #expect(result.stderr.contains("\(count) of \(count) articles"), "\(result.stderr)")
    }
}
