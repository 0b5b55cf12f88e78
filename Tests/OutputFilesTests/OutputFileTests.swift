import COutputFileSupport
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

    /// A temporary file is written in whole blocks of 4 MiB, from behind:
    /// nothing reaches it while less than a block is pending, and pieces of
    /// every size, larger than a block too, arrive whole and in order across
    /// more blocks than the writer has (so the writer waits for the disk).
    @Test func aTemporaryFileIsWrittenInBlocksAndArrivesWhole() throws {
        let directory = try TestPaths.temporaryDirectory()
        let target = directory.appendingPathComponent("big.jsonl").path
        let output = try OutputFile(path: target)
        var expected: [UInt8] = []
        func write(_ piece: [UInt8]) throws {
            try piece.withUnsafeBytes { try output.write(bytes: $0) }
            expected += piece
        }
        for _ in 0..<100 { try write((0..<1000).map { UInt8(truncatingIfNeeded: expected.count + $0) }) }
        let temporary = try #require(try FileManager.default.contentsOfDirectory(atPath: directory.path).first)
        let pending = try FileManager.default.attributesOfItem(atPath: directory.path + "/" + temporary)
        #expect((pending[.size] as? Int) == 0, "100,000 bytes are still in the first block")
        let block = Int(NH_WRITE_BEHIND_BLOCK_BYTES)
        // Each piece repeats its own byte, and no piece ends where a block
        // does but one: a block written twice, lost or out of order changes the file.
        let sizes = [1, 300_000, 7, block, 4095, block + block / 2, 12, 2 * block + 1, 3, block - 5]
        for (index, size) in sizes.enumerated() {
            try write([UInt8](repeating: UInt8(truncatingIfNeeded: index + 1), count: size))
        }
        #expect(expected.count > 5 * block)
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
