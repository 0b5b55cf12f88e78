import Foundation
import NewsHostTestSupport
import Testing

/// Output to a disk that fills up: simulated with a file-size limit
/// (`ulimit -f`, SIGXFSZ ignored), so writes fail as on a full disk
/// without needing a small file system.
@Suite struct FullDiskTests {
    @Test(arguments: [
        ("export-jsonl", "out.jsonl", "stop"), ("export-csv", "out.csv", "skip"), ("export-sqlite", "out.db", "stop"),
    ])
    func aFailedWriteLeavesNoFileAtAll(plugin: String, file: String, policy: String) throws {
        let directory = try TestPaths.temporaryDirectory()
        let out = directory.appendingPathComponent(file)
        let script = "trap '' XFSZ; ulimit -f 16; exec \"$@\""
        let result = try Command.run(
            "/bin/bash",
            [
                "-c", script, "bash", TestPaths.newshost, "run", "--plugins", plugin,
                "--option", "\(plugin).path=\(out.path)", "--on-error", policy, TestPaths.seeds.path,
            ])
        #expect(result.status == 1, "\(result.stderr)")
        // A file exporter fails writing; SQLite writes its pages at COMMIT.
        #expect(
            result.stderr.contains("plugin \(plugin): failed")
                || result.stderr.contains("plugin \(plugin): finished but could not commit"),
            "\(result.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(left.isEmpty, "neither \(file) nor a temporary file may remain: \(left)")
        // The summary's article count is not taken for what was written.
        #expect(result.stderr.contains("\(plugin) did not finish, so its output was not written"), "\(result.stderr)")
    }

    /// An export larger than the writer's block (4 MiB) is written by a
    /// thread of its own: a write that fails there (past 3,000 KiB) still
    /// fails the run with the reason, and leaves no file.
    @Test func aWriteThatFailsBehindTheRunLeavesNoFileAtAll() throws {
        let directory = try TestPaths.temporaryDirectory()
        let parsed = try Command.newshost(["parse", TestPaths.seeds.path])
        #expect(parsed.status == 0, "\(parsed.stderr)")
        var input = ""
        for copy in 0..<100 {
            for line in parsed.stdout.split(separator: "\n") {
                var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                object["source"] = "copy-\(copy)-\(object["source"] as? String ?? "")"
                object.removeValue(forKey: "id")
                input += String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self) + "\n"
            }
        }
        let articles = directory.appendingPathComponent("articles.jsonl")
        try Data(input.utf8).write(to: articles)
        let out = directory.appendingPathComponent("out.jsonl")
        let result = try Command.run(
            "/bin/bash",
            [
                "-c", "trap '' XFSZ; ulimit -f 3000; exec \"$@\"", "bash", TestPaths.newshost, "run", "--plugins",
                "export-jsonl", "--option", "export-jsonl.path=\(out.path)", articles.path,
            ])
        #expect(input.utf8.count > 8 << 20, "more than two blocks")
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("File too large"), "\(result.stderr)")
        #expect(
            result.stderr.contains("export-jsonl did not finish, so its output was not written"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["articles.jsonl"])
    }

    /// Without the `trap` above: newshost ignores SIGXFSZ itself, so a
    /// size limit is an error message, never a silent death.
    @Test func aFileSizeLimitIsAnErrorMessageNotASilentDeath() throws {
        let directory = try TestPaths.temporaryDirectory()
        let out = directory.appendingPathComponent("out.jsonl")
        let result = try Command.run(
            "/bin/sh",
            [
                "-c", "ulimit -f 8; exec \"$0\" run --plugins export-jsonl --option export-jsonl.path=\"$1\" \"$2\"",
                TestPaths.newshost, out.path, TestPaths.seeds.path,
            ])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("File too large"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty, "no output, no temporary file")
    }
}
