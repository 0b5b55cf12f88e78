import Foundation
import NewsHostTestSupport
import Testing

/// Inputs that are not what they seem, end to end: each is named and
/// refused, the rest is processed, and the exit status says so.
@Suite struct HostileInputTests {
    @Test func vanishedFilesDirectoriesAndFIFOsAreRefusedByName() throws {
        let directory = try TestPaths.temporaryDirectory()
        let seed = "000_90bab6fec0c8b54c.txt"
        try FileManager.default.copyItem(at: TestPaths.seeds.appendingPathComponent(seed), to: directory.appendingPathComponent(seed))
        // A path listed in the directory that is gone when it is read.
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("a-vanished.txt").path,
                                                   withDestinationPath: directory.appendingPathComponent("gone.txt").path)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("b-directory.txt"), withIntermediateDirectories: false)
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
}
