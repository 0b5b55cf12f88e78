import Foundation
import NewsHostTestSupport
import Testing

@testable import NewsHostCore

@Suite struct LineChunksTests {
    /// Random lines, blank ones and some longer than a read among them:
    /// the pieces, read back to back, are the input byte for byte, each
    /// ends a line, and each knows its first line and the records before
    /// it. Pieces cut after a full read hand out the read buffer itself,
    /// the others a copy; both must give the same.
    @Test func piecesAreTheInputCutAtLineEnds() throws {
        var random = SplitMix64(seed: 31)
        var input: [UInt8] = []
        var lineStarts: [Int] = []
        while input.count < 6 << 20 {
            lineStarts.append(input.count)
            let length =
                switch random.next() % 10 {
                case 0: 0
                case 1: Int(random.next() % 3_000_000)
                default: Int(random.next() % 3_000)
                }
            input += (0..<length).map { _ in UInt8(ascii: "a") + UInt8(random.next() % 26) }
            input.append(0x0A)
        }
        input += Array("no newline at the end".utf8)
        lineStarts.append(input.count - 21)
        let path = try TestPaths.temporaryDirectory().appendingPathComponent("lines.jsonl").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(input)))

        let chunks = try LineChunks(.file(path), maximumLineBytes: 4 << 20)
        var read: [UInt8] = []
        var records = 0
        while let chunk = try chunks.next(shouldStop: { false }) {
            #expect(chunk.position.firstLine == lineStarts.firstIndex(of: read.count).map { $0 + 1 })
            #expect(chunk.position.recordsBefore == records)
            read += chunk.bytes
            #expect(read.count == input.count || chunk.bytes.last == 0x0A)
            let lines = chunk.bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            records += lines.dropLast(chunk.bytes.last == 0x0A ? 1 : 0).filter { !$0.isEmpty }.count
            #expect(chunk.records == records - chunk.position.recordsBefore)
        }
        #expect(read == input)
        #expect(chunks.records == records)
    }
}
