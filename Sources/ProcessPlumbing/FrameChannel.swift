import Glibc

/// One end of a Unix stream socket carrying frames: a 4-byte little-endian
/// length, then that many bytes. Used between the host and its isolated
/// plugin workers; what the bytes mean is the caller's business.
public final class FrameChannel: @unchecked Sendable {
    /// The largest frame either side accepts (a bigger length means the
    /// stream is corrupt).
    public static let maximumFrame = 1 << 30

    private var descriptor: Int32

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// In a worker process started by ``ChildProcess``: takes the socket
    /// from standard input, puts `/dev/null` on standard input and points
    /// standard output at standard error, so a plugin that prints cannot
    /// corrupt the channel.
    public static func adoptStandardInput() throws(ChildProcessError) -> FrameChannel {
        let socket = fcntl(0, F_DUPFD_CLOEXEC, 3)
        guard socket >= 0 else { throw .system(call: "fcntl(F_DUPFD_CLOEXEC)", errno: errno) }
        let null = open("/dev/null", O_RDONLY)
        if null >= 0 {
            dup2(null, 0)
            Glibc.close(null)
        }
        dup2(2, 1)
        return FrameChannel(descriptor: socket)
    }

    /// Sends one frame.
    ///
    /// - Throws: ``ChildProcessError/closed`` when the other end is gone.
    public func send(_ payload: [UInt8]) throws(ChildProcessError) {
        precondition(payload.count <= Self.maximumFrame, "frame too large")
        let length = UInt32(payload.count)
        var frame: [UInt8] = [
            UInt8(length & 0xff), UInt8(length >> 8 & 0xff), UInt8(length >> 16 & 0xff), UInt8(length >> 24),
        ]
        frame.reserveCapacity(4 + payload.count)
        frame += payload
        try write(frame)
    }

    /// Receives one frame, waiting until `deadline` at most (forever when nil).
    ///
    /// - Throws: ``ChildProcessError/closed`` at end of stream,
    ///   ``ChildProcessError/timedOut`` when the deadline passes.
    public func receive(before deadline: Deadline? = nil) throws(ChildProcessError) -> [UInt8] {
        let header = try read(count: 4, before: deadline)
        let length = Int(header[0]) | Int(header[1]) << 8 | Int(header[2]) << 16 | Int(header[3]) << 24
        guard length <= Self.maximumFrame else { throw .system(call: "read (frame of \(length) bytes)", errno: EPROTO) }
        return try read(count: length, before: deadline)
    }

    /// Closes this end; later sends fail with ``ChildProcessError/closed``.
    public func close() {
        guard descriptor >= 0 else { return }
        _ = Glibc.close(descriptor)
        descriptor = -1
    }

    deinit {
        close()
    }

    private func write(_ bytes: [UInt8]) throws(ChildProcessError) {
        var offset = 0
        while offset < bytes.count {
            guard descriptor >= 0 else { throw .closed }
            let written = bytes.withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE || errno == ECONNRESET { throw .closed }
                throw .system(call: "send", errno: errno)
            }
            offset += written
        }
    }

    private func read(count: Int, before deadline: Deadline?) throws(ChildProcessError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var offset = 0
        while offset < count {
            guard descriptor >= 0 else { throw .closed }
            if let deadline {
                var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                let ready = poll(&waiting, 1, deadline.remainingMilliseconds)
                if ready < 0 {
                    if errno == EINTR { continue }
                    throw .system(call: "poll", errno: errno)
                }
                if ready == 0 { throw .timedOut }
            }
            let got = bytes.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress! + offset, count - offset, 0) }
            if got < 0 {
                if errno == EINTR { continue }
                if errno == ECONNRESET { throw .closed }
                throw .system(call: "recv", errno: errno)
            }
            if got == 0 { throw .closed }
            offset += got
        }
        return bytes
    }
}
