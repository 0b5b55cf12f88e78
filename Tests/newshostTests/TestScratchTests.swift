import Foundation
import Glibc
import NewsHostTestSupport
import Testing

/// The tests' own temporary directories do not pile up: a scratch root is
/// removed once its process is gone, and a running process keeps its own.
@Suite struct TestScratchTests {
    @Test func theRootOfAProcessThatEndedIsRemovedAndALiveOneKept() throws {
        let base = try TestPaths.temporaryDirectory()
        let ended = try Command.run("/bin/sh", ["-c", "echo $$"])
        let endedID = try #require(pid_t(ended.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        let names = [
            "\(TestPaths.scratchPrefix)\(endedID)", "\(TestPaths.scratchPrefix)\(getpid())", "other-\(endedID)",
        ]
        for name in names {
            try FileManager.default.createDirectory(
                at: base.appendingPathComponent("\(name)/inside"), withIntermediateDirectories: true)
        }
        TestPaths.removeAbandonedRoots(in: base)
        let left = try FileManager.default.contentsOfDirectory(atPath: base.path).sorted()
        #expect(left == Array(names.dropFirst()).sorted())
    }

    @Test func temporaryDirectoriesAreMadeInsideTheProcessRoot() throws {
        let directory = try TestPaths.temporaryDirectory()
        #expect(directory.deletingLastPathComponent().lastPathComponent == "\(TestPaths.scratchPrefix)\(getpid())")
    }
}
