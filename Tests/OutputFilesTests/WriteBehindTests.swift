import COutputFileSupport
import Foundation
import Glibc
import NewsHostTestSupport
import Testing

/// The write-behind writer under `OutputFile`: a write that fails on its
/// thread is reported to the caller, and a writer can be stopped half way.
@Suite struct WriteBehindTests {
    private let block = Int(NH_WRITE_BEHIND_BLOCK_BYTES)

    /// A file in a new directory, opened with `flags`.
    private func open(_ flags: Int32) throws -> (path: String, descriptor: Int32) {
        let path = try TestPaths.temporaryDirectory().appendingPathComponent("out").path
        let created = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        try #require(created >= 0)
        close(created)
        let descriptor = Glibc.open(path, flags)
        try #require(descriptor >= 0)
        return (path, descriptor)
    }

    private func size(_ path: String) -> Int {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : -1
    }

    /// The first block goes to a descriptor that cannot be written (read
    /// only): the thread's failure comes back from an append at the latest
    /// once every block has been handed over, and again from close.
    @Test func aFailedWriteComesBackFromALaterAppendAndFromClose() throws {
        let (_, descriptor) = try open(O_RDONLY)
        defer { close(descriptor) }
        let writer = try #require(nh_write_behind_open(descriptor))
        let piece = [UInt8](repeating: 7, count: block)
        var failure: Int32 = 0
        var appended = 0
        // One block fills, the thread fails on it; two more blocks fill while
        // it does, and the fourth must wait for a free one, which the failure ends.
        while failure == 0 && appended < 4 {
            failure = piece.withUnsafeBytes { nh_write_behind_append(writer, $0.baseAddress, $0.count) }
            appended += 1
        }
        #expect(failure == EBADF, "appended \(appended) blocks")
        #expect(nh_write_behind_close(writer) == EBADF)
    }

    /// Abandoning a writer with blocks waiting returns once the block being
    /// written is done, and writes nothing more after it: the file holds
    /// whole blocks only, never more than was handed over.
    @Test func abandoningStopsHalfWayWithWholeBlocksOnly() throws {
        let (path, descriptor) = try open(O_WRONLY)
        defer { close(descriptor) }
        let writer = try #require(nh_write_behind_open(descriptor))
        let piece = [UInt8](repeating: 1, count: 3 * block + 10)
        let appended = piece.withUnsafeBytes { nh_write_behind_append(writer, $0.baseAddress, $0.count) }
        #expect(appended == 0)
        nh_write_behind_abandon(writer)
        let written = size(path)
        #expect(written >= 0 && written <= 3 * block && written % block == 0, "\(written) bytes")
    }

    /// Less than a block never starts the thread and is written by close;
    /// more arrives in order, the last part's whole pages directly and the
    /// rest through the page cache (none, some or only pages).
    @Test func whatIsLeftIsWrittenByClose() throws {
        let (path, descriptor) = try open(O_WRONLY)
        defer { close(descriptor) }
        for count in [0, 1, 511, 4097, block + 513, block + 3 * 4096 + 5, 2 * block + 8192] {
            #expect(ftruncate(descriptor, 0) == 0)
            #expect(lseek(descriptor, 0, SEEK_SET) == 0)
            let writer = try #require(nh_write_behind_open(descriptor))
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 / 4096) }
            let appended = bytes.withUnsafeBytes { nh_write_behind_append(writer, $0.baseAddress, $0.count) }
            #expect(appended == 0)
            #expect(nh_write_behind_close(writer) == 0)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(bytes), "\(count) bytes")
        }
    }

    /// Appends of every small size land at every alignment in a block (the
    /// copy into a block takes 16-byte steps between a head and a tail),
    /// and across the end of one: each byte arrives where it was sent.
    @Test func appendsOfEverySizeArriveWholeAtEveryAlignment() throws {
        let (path, descriptor) = try open(O_WRONLY)
        defer { close(descriptor) }
        let writer = try #require(nh_write_behind_open(descriptor))
        // Every size up to 200 bytes, over and over, until past one block.
        let total = block + 70_001
        let bytes = (0..<total).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 8) }
        var start = 0
        var size = 1
        while start < total {
            let end = min(total, start + size)
            let appended = bytes[start..<end].withUnsafeBytes {
                nh_write_behind_append(writer, $0.baseAddress, $0.count)
            }
            #expect(appended == 0)
            start = end
            size = size % 200 + 1
        }
        #expect(nh_write_behind_close(writer) == 0)
        let written = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(written.count == total)
        let first = written.indices.first { written[$0] != bytes[$0] }
        #expect(first == nil, "first wrong byte at \(first ?? -1)")
    }
}
