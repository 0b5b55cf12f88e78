import Foundation
import NewsHostTestSupport
import Testing

/// Inputs that are not what they seem, end to end: each is named and
/// refused, the rest is processed, and the exit status says so.
@Suite struct HostileInputTests {
    @Test func vanishedFilesDirectoriesAndFIFOsAreRefusedByName() throws {
        let directory = try TestPaths.temporaryDirectory()
        let seed = "000_90bab6fec0c8b54c.txt"
        try FileManager.default.copyItem(
            at: TestPaths.seeds.appendingPathComponent(seed), to: directory.appendingPathComponent(seed))
        // A path listed in the directory that is gone when it is read.
        try FileManager.default.createSymbolicLink(
            atPath: directory.appendingPathComponent("a-vanished.txt").path,
            withDestinationPath: directory.appendingPathComponent("gone.txt").path)
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("b-directory.txt"), withIntermediateDirectories: false)
        #expect(mkfifo(directory.appendingPathComponent("c-fifo.txt").path, 0o644) == 0)

        let result = try Command.newshost(["run", "--plugins", "export-csv", directory.path])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("a-vanished.txt: no such file or directory"))
        #expect(result.stderr.contains("b-directory.txt: cannot be read"))
        #expect(result.stderr.contains("c-fifo.txt: cannot be read"))
        #expect(result.stderr.contains("3 inputs refused"))
        #expect(try CSVReader.parse(result.stdout).dropFirst().allSatisfy { $0[0].hasPrefix(seed) })
        #expect(try CSVReader.parse(result.stdout).count > 1)
    }

    @Test func eachProblemIsNamedForWhatItIs() throws {
        let directory = try TestPaths.temporaryDirectory()
        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
        try FileManager.default.createSymbolicLink(atPath: path("loop-a.txt"), withDestinationPath: "loop-b.txt")
        try FileManager.default.createSymbolicLink(atPath: path("loop-b.txt"), withDestinationPath: "loop-a.txt")
        try Data("  \n\t\n   ".utf8).write(to: URL(fileURLWithPath: path("blank.txt")))
        try Data("本报讯（记者 王明）今天上午召开会议。".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            .write(to: URL(fileURLWithPath: path("utf16.txt")))
        try Data("{\"body\": \"x\", \"id\": }\n".utf8).write(to: URL(fileURLWithPath: path("broken.jsonl")))
        try Data("{\"body\": \"x\", \"index\": \"zero\"}\n".utf8).write(to: URL(fileURLWithPath: path("index.jsonl")))
        let cases: [(input: String, says: String)] = [
            (path("loop-a.txt"), "its symbolic links form a loop"),
            (path(String(repeating: "a", count: 300) + ".txt"), "the path is too long"),
            (path("blank.txt"), "holds only white space"),
            (path("utf16.txt"), "looks like UTF-16 without a byte-order mark"),
            (
                path("broken.jsonl"),
                "broken.jsonl:1: not a newshost article in JSON (not valid JSON: Invalid value around character"
            ),
            (path("index.jsonl"), "`index` must be a whole number"),
        ]
        for (input, says) in cases {
            let result = try Command.newshost(["parse", input])
            #expect(result.status == 3, "\(input): \(result.stderr)")
            #expect(result.stderr.contains(says), "\(result.stderr)")
        }
    }

    @Test func aMissingInputIsReportedAndTheOthersAreProcessed() throws {
        let result = try Command.newshost(["run", "--plugins", "export-csv", "/no/such/page.txt", TestPaths.seeds.path])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("/no/such/page.txt: no such file or directory"))
        #expect(
            try CSVReader.parse(result.stdout).count == 1 + TestPaths.seedArticleCount,
            "the header and the seed articles")
    }

    @Test func pagesWithTheSameNameInTwoDirectoriesKeepDistinctIds() throws {
        let directory = try TestPaths.temporaryDirectory()
        let seed = TestPaths.seeds.appendingPathComponent("000_90bab6fec0c8b54c.txt")
        for folder in ["a", "b"] {
            try FileManager.default.createDirectory(
                at: directory.appendingPathComponent(folder), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: seed, to: directory.appendingPathComponent("\(folder)/page.txt"))
        }
        let database = directory.appendingPathComponent("out.sqlite")
        let result = try Command.newshost([
            "run", "--plugins", "export-sqlite", "--option", "export-sqlite.path=\(database.path)",
            directory.appendingPathComponent("a").path, directory.appendingPathComponent("b").path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try Command.run(
            "/usr/bin/sqlite3", [database.path, "SELECT count(*), count(DISTINCT id) FROM articles"])
        #expect(rows.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "10|10", "\(rows.stdout) \(rows.stderr)")
    }

    @Test func pagesAboveTheSizeLimitAreRefusedStdinWithoutReadingItAll() throws {
        let directory = try TestPaths.temporaryDirectory()
        let big = directory.appendingPathComponent("big.txt")
        try Data(String(repeating: "本报讯今天上午召开会议。\n", count: 60_000).utf8).write(to: big)  // about 2 MB
        let file = try Command.newshost(["parse", "--max-page-mb", "1", big.path])
        #expect(file.status == 3)
        #expect(file.stderr.contains("big.txt: larger than 1 MB"), "\(file.stderr)")
        #expect(try Command.newshost(["parse", "--max-page-mb", "4", big.path]).status == 0)
        // An endless stdin stops at the limit: the producer is cut off, not drained.
        let endless = try Command.run(
            "/bin/sh", ["-c", "head -c 100000000 /dev/zero | \"$0\" parse --max-page-mb 1 -", TestPaths.newshost])
        #expect(endless.status == 3)
        #expect(endless.stderr.contains("-: larger than 1 MB"), "\(endless.stderr)")
    }
}

/// Blank lines in a JSON Lines input: each input is counted once, as read or
/// as refused, wherever the blank lines are.
@Suite struct BlankLineCountingTests {
    @Test func aFileOfBlankLinesIsRefusedAndNotAlsoRead() throws {
        let file = try TestPaths.temporaryDirectory().appendingPathComponent("blank.jsonl")
        try Data("\n  \n\n".utf8).write(to: file)
        let result = try Command.newshost(["run", "--plugins", "export-csv", "--input-format", "jsonl", file.path])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("from 0 inputs"), "\(result.stderr)")
        #expect(result.stderr.contains("1 input refused"), "\(result.stderr)")
    }

    @Test(arguments: ["\n\n", "\n\n{\"body\": \"今天开会。\"}\n\n"])
    func standardInputIsOneInputWhateverItsBlankLines(input: String) throws {
        let result = try Command.newshost(
            ["run", "--plugins", "export-csv", "--input-format", "jsonl", "-"], stdin: Data(input.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("from 1 input "), "\(result.stderr)")
    }
}
