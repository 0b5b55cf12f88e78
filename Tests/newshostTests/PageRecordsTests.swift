import Foundation
import NewsHostTestSupport
import Testing

/// Pages as one JSON record per line (`pack`, `--input-format page-records`):
/// the path line-oriented engines such as Spark use.
@Suite struct PageRecordsTests {
    private func run(_ arguments: [String], stdin: Data) throws -> CommandResult {
        try Command.newshost(["run", "--plugins", "export-jsonl"] + arguments, stdin: stdin)
    }

    @Test func packedPagesGiveExactlyTheOutputOfTheFilesUTF8AndGB18030() throws {
        let directory = try TestPaths.temporaryDirectory()
        let name = "000_90bab6fec0c8b54c.txt"
        let gb = directory.appendingPathComponent(name)
        let converted = try Command.run(
            "/bin/sh",
            [
                "-c", "iconv -f UTF-8 -t GB18030 \"$0\" > \"$1\"",
                TestPaths.seeds.appendingPathComponent(name).path, gb.path,
            ])
        #expect(converted.status == 0, "\(converted.stderr)")
        let direct = try Command.newshost(["run", "--plugins", "export-jsonl", TestPaths.seeds.path])
        for input in [TestPaths.seeds.path, gb.path] {
            let packed = try Command.newshost(["pack", input])
            #expect(packed.status == 0, "\(packed.stderr)")
            let result = try run(["--input-format", "page-records", "-"], stdin: Data(packed.stdout.utf8))
            #expect(result.status == 0, "\(result.stderr)")
            let expected =
                input == gb.path
                ? direct.stdout.split(separator: "\n").filter { $0.contains("\"source\":\"\(name)\"") }.joined(
                    separator: "\n") + "\n"
                : direct.stdout
            #expect(result.stdout == expected, "\(input)")
        }
    }

    @Test func aTextRecordIsParsedAsThePageAndNamesItsIds() throws {
        let page = try String(
            contentsOf: TestPaths.seeds.appendingPathComponent("001_911cc9f572ef2ec7.txt"), encoding: .utf8)
        let record = try JSONSerialization.data(withJSONObject: ["source": "p-7", "text": page])
        let result = try run(["--input-format", "page-records", "-"], stdin: record + Data("\n".utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let ids = try result.stdout.split(separator: "\n").map { line in
            (try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String ?? ""
        }
        #expect(ids == (0..<ids.count).map { "p-7#\($0)" })
        #expect(ids.count == 4)
    }

    @Test func anExplicitFormatNeverGuessesAndStdinCanBeNamed() throws {
        let notJSON = try run(["--input-format", "jsonl", "-"], stdin: Data("本报讯 记者 一行文字。\n".utf8))
        #expect(notJSON.status == 3)
        #expect(notJSON.stderr.contains("-:1: not a newshost article in JSON"))
        let named = try run(
            ["--source-name", "part-00003", "-"], stdin: Data("{\"body\":\"一段。\"}\n{\"body\":\"二段。\"}\n".utf8))
        #expect(named.status == 0, "\(named.stderr)")
        #expect(named.stdout.contains("\"id\":\"part-00003#0\"") && named.stdout.contains("\"id\":\"part-00003#1\""))
        let badRecord = try run(
            ["--input-format", "page-records", "-"], stdin: Data("{\"text\":\"no source\"}\n".utf8))
        #expect(badRecord.status == 3)
        #expect(badRecord.stderr.contains("needs a non-empty `source`"))
    }

    @Test func badRecordsAreSkippedWhenAskedAndListedAsTheyHappen() throws {
        let directory = try TestPaths.temporaryDirectory()
        let errors = directory.appendingPathComponent("errors.jsonl")
        let input = Data("{\"body\":\"一段。\"}\nnot json\n{\"body\":\"二段。\"}\n".utf8)
        let refused = try run(["--input-format", "jsonl", "-"], stdin: input)
        // By default a bad line ends the (streamed) input there: the records
        // before it went through, the rest was not read, and the run fails.
        #expect(refused.status == 3)
        #expect(refused.stdout.split(separator: "\n").count == 1)
        #expect(refused.stderr.contains("-:2: not a newshost article in JSON"))
        #expect(refused.stderr.contains("the lines before it went through, the rest of the input was not read"))
        let skipped = try run(
            ["--input-format", "jsonl", "--bad-input", "skip", "--errors-to", errors.path, "-"], stdin: input)
        #expect(skipped.status == 0, "\(skipped.stderr)")
        #expect(skipped.stdout.split(separator: "\n").count == 2)
        #expect(skipped.stderr.contains("1 bad record skipped"))
        let records = try String(contentsOf: errors, encoding: .utf8).split(separator: "\n")
        #expect(records.count == 1)
        let record = try #require(try JSONSerialization.jsonObject(with: Data(records[0].utf8)) as? [String: Any])
        #expect(record["kind"] as? String == "record")
        #expect(record["line"] as? Int == 2)
        #expect(record["input"] as? String == "-")
    }

    @Test func unknownInputKeysAreCarriedThroughToJoinResultsBack() throws {
        let input = Data("{\"body\":\"一段。\",\"docId\":\"A-17\",\"meta\":{\"page\":3}}\n".utf8)
        let result = try run(["--input-format", "jsonl", "--isolate", "-"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let fields = try #require(object["fields"] as? [[String: String]])
        #expect(fields.contains(["key": "docId", "value": "\"A-17\"", "plugin": "input"]))
        #expect(fields.contains(["key": "meta", "value": "{\"page\":3}", "plugin": "input"]))
    }

    @Test func theErrorsLogWritesThroughADeviceWithoutReplacingIt() throws {
        // As root, a null device of our own (the numbers of /dev/null), so a
        // regression cannot break the machine; otherwise /dev/null itself.
        let directory = try TestPaths.temporaryDirectory()
        var device = directory.appendingPathComponent("null").path
        if getuid() != 0 || mknod(device, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) != 0 { device = "/dev/null" }
        let result = try run(
            ["--input-format", "jsonl", "--bad-input", "skip", "--errors-to", device, "-"],
            stdin: Data("not json\n".utf8))
        #expect(result.status == 0, "\(result.stderr)")
        var status = stat()
        #expect(
            stat(device, &status) == 0 && status.st_mode & S_IFMT == S_IFCHR, "\(device) is still a character device")
    }
}
