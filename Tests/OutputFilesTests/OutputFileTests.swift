import Foundation
import Glibc
import NewsHostTestSupport
import Testing

@testable import OutputFiles

/// What an output path is decides how it is written; nothing already there
/// is ever damaged.
@Suite struct OutputFileTests {
    private func mode(_ path: String) -> mode_t {
        var status = stat()
        return stat(path, &status) == 0 ? status.st_mode : 0
    }

    private func type(_ path: String) -> mode_t {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & S_IFMT : 0
    }

    @Test func aNewFileAppearsOnlyOnCommitAndTheTemporaryNameSaysWhoMadeIt() throws {
        let directory = try TestPaths.temporaryDirectory()
        let target = directory.appendingPathComponent("out.txt").path
        let output = try OutputFile(path: target)
        try output.write("hello\n")
        #expect(!FileManager.default.fileExists(atPath: target))
        let pending = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(pending.count == 1)
        #expect(pending.first?.hasPrefix(".out.txt.newshost-\(getpid())-") == true)
        #expect(pending.first?.hasSuffix(".tmp") == true)
        try output.commit()
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "hello\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.txt"])
    }

    /// A temporary file is written in large pieces (256 KiB), not one
    /// `write` per 4 KiB: nothing reaches it while less than that is
    /// pending, and pieces of every size, larger than the buffer too,
    /// arrive whole and in order.
    @Test func aTemporaryFileIsWrittenInLargePiecesAndArrivesWhole() throws {
        let directory = try TestPaths.temporaryDirectory()
        let target = directory.appendingPathComponent("big.jsonl").path
        let output = try OutputFile(path: target)
        var expected: [UInt8] = []
        func write(_ count: Int) throws {
            let piece = (0..<count).map { UInt8(truncatingIfNeeded: expected.count + $0) }
            try piece.withUnsafeBytes { try output.write(bytes: $0) }
            expected += piece
        }
        for _ in 0..<100 { try write(1000) }
        let temporary = try #require(try FileManager.default.contentsOfDirectory(atPath: directory.path).first)
        let pending = try FileManager.default.attributesOfItem(atPath: directory.path + "/" + temporary)
        #expect((pending[.size] as? Int) == 0, "100,000 bytes are still in the buffer")
        for size in [1, 300_000, 7, 262_144, 4095, 1_000_000, 12] { try write(size) }
        try output.commit()
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == Data(expected))
    }

    /// The temporary file grows by whole buffers only (256 KiB), also
    /// across the writeback started every 8 MB: a flush there would write
    /// part of a buffer, and every write after it would start off the
    /// buffer's alignment, which costs the kernel more (see
    /// `startWriteback`). What is written arrives whole and in order on
    /// commit.
    @Test func theFileGrowsByWholeBuffersAcrossWriteback() throws {
        let directory = try TestPaths.temporaryDirectory()
        let target = directory.appendingPathComponent("large.jsonl").path
        let output = try OutputFile(path: target)
        let temporary = { () throws -> String in
            directory.path + "/" + (try FileManager.default.contentsOfDirectory(atPath: directory.path).first ?? "")
        }
        var expected: [UInt8] = []
        var sizes: Set<Int> = []
        for index in 0..<9 {
            let piece = [UInt8](repeating: UInt8(truncatingIfNeeded: index), count: 1_000_003)
            try piece.withUnsafeBytes { try output.write(bytes: $0) }
            expected += piece
            let size = try #require(try FileManager.default.attributesOfItem(atPath: try temporary())[.size] as? Int)
            #expect(size % OutputFile.fileBufferBytes == 0, "\(size) bytes after \(expected.count) written")
            sizes.insert(size)
        }
        #expect(expected.count > OutputFile.writebackBytes)
        #expect(sizes.count > 1, "the file grew while it was written")
        try output.commit()
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == Data(expected))
    }

    @Test func aReplacedFileKeepsItsMode() throws {
        let directory = try TestPaths.temporaryDirectory()
        let target = directory.appendingPathComponent("secret.jsonl").path
        #expect(FileManager.default.createFile(atPath: target, contents: Data("old".utf8)))
        #expect(chmod(target, 0o600) == 0)
        try OutputFile.write("new", to: target)
        #expect(mode(target) & 0o777 == 0o600)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
    }

    @Test func aSymbolicLinkIsFollowedAndStaysALink() throws {
        let directory = try TestPaths.temporaryDirectory()
        let real = directory.appendingPathComponent("real.txt").path
        let link = directory.appendingPathComponent("link.txt").path
        #expect(FileManager.default.createFile(atPath: real, contents: Data("old".utf8)))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.txt")
        try OutputFile.write("new", to: link)
        #expect(type(link) == S_IFLNK)
        #expect(try String(contentsOfFile: real, encoding: .utf8) == "new")
        // A dangling link creates its target.
        let dangling = directory.appendingPathComponent("dangling.txt").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "made.txt")
        try OutputFile.write("made", to: dangling)
        #expect(type(dangling) == S_IFLNK)
        #expect(
            try String(contentsOfFile: directory.appendingPathComponent("made.txt").path, encoding: .utf8) == "made")
    }

    @Test func aFIFOIsWrittenThroughAndStaysAFIFO() throws {
        let directory = try TestPaths.temporaryDirectory()
        let fifo = directory.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // A reader is there first, so opening for writing does not wait.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        try OutputFile.write("through the pipe\n", to: fifo)
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(reader, &buffer, buffer.count)
        #expect(String(decoding: buffer.prefix(max(0, count)), as: UTF8.self) == "through the pipe\n")
        #expect(type(fifo) == S_IFIFO)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["pipe"])
    }

    @Test func aCharacterDeviceIsWrittenThroughNeverReplaced() throws {
        // As root, a null device of our own (the same device numbers as
        // /dev/null), so a regression cannot break the machine; otherwise
        // /dev/null itself, which an ordinary user could not replace anyway.
        let directory = try TestPaths.temporaryDirectory()
        var device = directory.appendingPathComponent("null").path
        let nullDevice = dev_t(1 << 8 | 3)  // makedev(1, 3), a C macro Swift cannot call
        if getuid() != 0 || mknod(device, S_IFCHR | 0o666, nullDevice) != 0 { device = "/dev/null" }
        #expect(type(device) == S_IFCHR)
        try OutputFile.write("discarded\n", to: device)
        #expect(type(device) == S_IFCHR)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).allSatisfy { $0 == "null" })
    }

    @Test func directoriesAreRefusedByName() throws {
        let directory = try TestPaths.temporaryDirectory()
        #expect {
            try OutputFile(path: directory.path)
        } throws: { error in
            "\(error)".contains("\(directory.path) is a directory")
        }
    }

    @Test func aFailedWriteNeverReplacesTheTarget() throws {
        let directory = try TestPaths.temporaryDirectory()
        let target = directory.appendingPathComponent("kept.txt").path
        #expect(FileManager.default.createFile(atPath: target, contents: Data("keep me".utf8)))
        let output = try OutputFile(path: target)
        try output.write("partial")
        output.discard()
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["kept.txt"])
    }

    @Test func leftoversOfDeadRunsAreFoundAndLiveOnesAreNot() throws {
        let directory = try TestPaths.temporaryDirectory()
        let target = directory.appendingPathComponent("out.csv").path
        // A pid that no process has: above the kernel's pid_max.
        let dead = directory.appendingPathComponent(".out.csv.newshost-99999999-abc.tmp").path
        let live = directory.appendingPathComponent(".out.csv.newshost-\(getppid())-def.tmp").path
        #expect(FileManager.default.createFile(atPath: dead, contents: nil))
        #expect(FileManager.default.createFile(atPath: live, contents: nil))
        let output = try OutputFile(path: target)
        #expect(output.leftovers == [dead])
        output.discard()
    }
}
