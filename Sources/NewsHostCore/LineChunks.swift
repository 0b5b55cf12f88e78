import Foundation
import JSONEscaping

/// A line-oriented input (JSON Lines, page records) read in pieces of whole
/// lines, so that a stream of any length is processed with flat memory, its
/// pieces by every worker, and its first records while the producer is
/// still writing.
///
/// A piece ends at a line end once ``targetBytes`` are gathered, or earlier
/// when the producer pauses (nothing more to read right now) — then what has
/// arrived goes on at once instead of waiting for more.
public final class LineChunks {
    /// Whole lines of an input.
    public struct Chunk: Sendable {
        /// The lines, each ending in a newline except perhaps the input's last.
        public var bytes: [UInt8]
        /// Where the lines sit in the input (for line numbers in messages
        /// and default article indexes).
        public var position: LinePosition
        /// How many of the lines are records (not blank).
        public var records = 0
    }

    /// The size a piece is cut at: large enough that handing it to a worker
    /// costs nothing in comparison, small enough that the few pieces in
    /// flight per worker stay a few megabytes.
    public static let targetBytes = 1 << 20
    /// How much one read asks for.
    static let readBytes = 1 << 20
    /// How long a read waits for a silent producer before asking whether to stop.
    static let pollMilliseconds: Int32 = 200

    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let path: String
    private let maximumLineBytes: Int
    /// Bytes read and not yet handed out; `start` is where they begin.
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    /// The index of the last newline not yet handed out, kept up to date by
    /// each read (which looks only at the bytes it added), so a long line
    /// is never scanned twice.
    private var lastNewline: Int?
    private var lastReadWasShort = false
    private var line = 1
    /// Non-blank lines handed out so far.
    public private(set) var records = 0

    /// Opens `source` (a file, or standard input, which is not closed).
    ///
    /// - Parameter maximumLineBytes: the longest line accepted.
    /// - Throws: ``InputError`` when the file cannot be opened or is not a file.
    public init(_ source: InputSource, maximumLineBytes: Int) throws(InputError) {
        path = source.displayPath
        self.maximumLineBytes = maximumLineBytes
        if path == "-" {
            descriptor = STDIN_FILENO
            ownsDescriptor = false
            return
        }
        try InputSource.checkReadableFile(path)
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw InputSource.problem(path: path, errno: errno) }
        ownsDescriptor = true
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Whether an input that starts with `head` can be cut at line-feed
    /// bytes: not UTF-16 (with or without a byte-order mark), whose line
    /// feeds are two bytes. Such an input is read whole instead.
    public static func canSplit(startingWith head: [UInt8]) -> Bool {
        guard !head.starts(with: [0xFF, 0xFE]), !head.starts(with: [0xFE, 0xFF]) else { return false }
        return !TextDecoding.looksLikeUTF16WithoutMark(head[...])
    }

    /// At least the first `count` bytes (fewer at the end of the input),
    /// without handing them out, so the format can be told from them.
    /// `nil` when `shouldStop` said to stop first.
    public func peek(_ count: Int, shouldStop: () -> Bool) throws(InputError) -> [UInt8]? {
        while buffer.count - start < count && !atEnd {
            guard try fill(shouldStop: shouldStop) else { return nil }
        }
        return Array(buffer[start..<min(buffer.count, start + count)])
    }

    /// Everything not yet handed out, for an input that turned out to be a
    /// page; refused as soon as it passes `limit` bytes, without reading on.
    public func rest(limit: Int, shouldStop: () -> Bool) throws(InputError) -> [UInt8]? {
        while true {
            guard buffer.count - start <= limit else { throw .tooLarge(path: path, limitBytes: limit) }
            if atEnd { return Array(buffer[start...]) }
            guard try fill(shouldStop: shouldStop) else { return nil }
        }
    }

    /// The next piece of whole lines; `nil` at the end of the input or when
    /// `shouldStop` said to stop while waiting for the producer.
    ///
    /// - Throws: ``InputError/lineTooLong(path:line:limitBytes:)`` for a
    ///   line beyond the limit, or the read error.
    public func next(shouldStop: () -> Bool) throws(InputError) -> Chunk? {
        while true {
            let pending = buffer.count - start
            // A producer that pauses (nothing more to read right now) gets its
            // complete lines processed at once.
            let enough = pending >= Self.targetBytes || (lastReadWasShort && lastNewline != nil && !moreIsReady())
            if atEnd || (enough && lastNewline != nil) {
                let end = atEnd ? buffer.count : lastNewline! + 1
                guard end > start else { return nil }
                return try cut(upTo: end)
            }
            // A line still open after the limit is refused before it is read whole.
            let openLine = lastNewline.map { $0 + 1 } ?? start
            if buffer.count - openLine > maximumLineBytes {
                throw .lineTooLong(
                    path: path, line: line + newlines(in: start..<openLine), limitBytes: maximumLineBytes)
            }
            guard try fill(shouldStop: shouldStop) else { return nil }
        }
    }

    /// Hands out `start..<end` as a chunk, counting its lines and records
    /// and checking each line's length.
    private func cut(upTo end: Int) throws(InputError) -> Chunk {
        var chunk = Chunk(bytes: [], position: LinePosition(firstLine: line, recordsBefore: records))
        var lineStart = start
        while lineStart < end {
            // The input's last line may have no newline. (`end` follows a
            // line feed or ends the input, so the search stops by `end`;
            // `min` keeps the line within the chunk whatever the search.)
            let found = SpecialBytes.first(0x0A, in: buffer.span, from: lineStart)
            let lineEnd = min(found, end)
            guard lineEnd - lineStart <= maximumLineBytes else {
                throw .lineTooLong(path: path, line: line, limitBytes: maximumLineBytes)
            }
            if buffer[lineStart..<lineEnd].contains(where: { !ArticleJSONReader.isASCIIWhitespace($0) }) {
                records += 1
            }
            if found < end { line += 1 }
            lineStart = lineEnd + 1
        }
        chunk.records = records - chunk.position.recordsBefore
        chunk.bytes = handOut(upTo: end)
        return chunk
    }

    /// `start..<end` of the buffer, no longer kept. When that is the
    /// front of the buffer and most of it (a piece cut after a full read),
    /// the buffer itself is handed out, shortened, and only what follows
    /// (the start of the next line) is copied to be kept: a megabyte
    /// less to copy per piece on the thread that reads the input, which
    /// every worker waits for.
    private func handOut(upTo end: Int) -> [UInt8] {
        if let newline = lastNewline, newline < end { lastNewline = nil }
        guard start == 0, 2 * end >= buffer.count else {
            defer { start = end }
            return Array(buffer[start..<end])
        }
        lastNewline = lastNewline.map { $0 - end }
        var handed = Array(buffer[end...])
        swap(&handed, &buffer)
        handed.removeLast(handed.count - end)
        return handed
    }

    private func newlines(in range: Range<Int>) -> Int {
        buffer[range].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// Whether a read would return at once (more bytes, or the end).
    private func moreIsReady() -> Bool {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&poller, 1, 0) > 0
    }

    /// Reads once more; `false` when `shouldStop` said to stop while the
    /// producer was silent.
    private func fill(shouldStop: () -> Bool) throws(InputError) -> Bool {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while poll(&poller, 1, Self.pollMilliseconds) == 0 {
            if shouldStop() { return false }
        }
        if shouldStop() { return false }
        // The pending bytes move to the front of a new buffer with room for one read.
        let pending = buffer.count - start
        var count = 0
        var failure: Int32 = 0
        buffer = [UInt8](unsafeUninitializedCapacity: pending + Self.readBytes) { storage, initialized in
            let base = storage.baseAddress!
            buffer.withUnsafeBytes { old in
                if pending > 0 { memcpy(base, old.baseAddress! + start, pending) }
            }
            repeat {
                count = read(descriptor, base + pending, Self.readBytes)
            } while count < 0 && errno == EINTR
            failure = errno
            initialized = pending + max(count, 0)
        }
        lastNewline = lastNewline.map { $0 - start }
        start = 0
        if count > 0 {
            buffer.withUnsafeBytes { bytes in
                var index = pending + count
                while index > pending {
                    index -= 1
                    if bytes[index] == 0x0A {
                        lastNewline = index
                        return
                    }
                }
            }
        }
        guard count >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(failure))) }
        atEnd = count == 0
        lastReadWasShort = count < Self.readBytes
        return true
    }
}
