import COutputFileSupport
import Glibc

/// Why an output could not be opened or written: a message for the person
/// running newshost, naming the path and what to do.
public struct OutputFileError: Error, CustomStringConvertible, Sendable {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// An output file that never damages what is already there: what exporters,
/// failure reports and conformance reports are written through.
///
/// What happens depends on what the path is when the output is opened:
///
/// | path | how it is written |
/// | --- | --- |
/// | `-` | standard output, directly |
/// | does not exist, or a regular file | a temporary file in the same directory, renamed over the path by ``commit()``, in one step or after ``prepare()`` (a replaced file keeps its mode and, where permitted, its owner) |
/// | a symbolic link | the file it points to, as above; the link stays a link |
/// | a character device or FIFO (`/dev/null`, `/dev/stdout`, a named pipe) | directly, never replaced |
/// | a directory, socket or block device | refused |
///
/// Temporary files are named `.<name>.newshost-<pid>-<random>.tmp`, so a
/// leftover from a killed run is recognisable (``leftovers``); the file and
/// its directory are synced before the rename, so a crash after the run
/// leaves either the old file or the new one. Every descriptor is opened
/// close-on-exec.
///
/// A temporary file is written from behind (`nh_write_behind`): writes
/// are copied into 4 MiB blocks that a thread of the writer's own hands to
/// the kernel, with direct I/O where the file system allows it. So the
/// thread that writes (for an exporter, the one every article passes
/// through) only copies, and the kernel neither copies the export again
/// nor keeps it in the page cache. A write that fails there is reported by
/// a later ``write(bytes:)`` or by ``prepare()``.
public final class OutputFile {
    /// The path as the user gave it, for messages.
    private let target: String
    /// The file that ``commit()`` replaces: `target` with symbolic links followed.
    private let resolved: String
    private var sink: Sink?
    /// Why a write failed: the file may end in half a record, so it is never committed.
    private var broken: String?
    /// The temporary file that ``prepare()`` synced and closed, waiting for ``commit()``.
    private var prepared: String?

    /// Where writes go until the output is closed.
    private enum Sink {
        /// Standard output or a device/FIFO, written in place through
        /// stdio's buffer: nothing to rename.
        case stream(UnsafeMutablePointer<FILE>)
        /// A temporary file, written from behind (see above) and renamed
        /// over `target` on commit.
        case file(descriptor: Int32, writer: OpaquePointer, temporary: String)
    }

    /// Temporary files of earlier newshost runs next to the target whose
    /// process is gone: a killed run's leftovers, for the plugin to report.
    public let leftovers: [String]

    /// Opens the output for `path` (see the table above).
    ///
    /// - Parameters:
    ///   - standardOutput: where `-` (and `/dev/stdout`) goes: for an
    ///     exporter, the host's `stdout_fd`.
    /// - Throws: `.io` naming the path, what it is and what to do.
    public init(path: String, standardOutput: Int32 = STDOUT_FILENO) throws(OutputFileError) {
        target = path
        if Self.isStandardOutput(path) {
            resolved = path
            leftovers = []
            guard let handle = fdopen(fcntl(standardOutput, F_DUPFD_CLOEXEC, 0), "w") else {
                throw OutputFileError("cannot write to stdout: \(Self.reason())")
            }
            sink = .stream(handle)
            return
        }
        let real = try Self.followLinks(path)
        resolved = real
        var status = stat()
        let exists = stat(real, &status) == 0
        if !exists && errno != ENOENT {
            throw OutputFileError(
                "cannot write \(path): \(Self.reason()); check the path and its directory's permissions")
        }
        let kind = exists ? status.st_mode & S_IFMT : S_IFREG
        switch kind {
        case S_IFREG:
            let (name, descriptor) = try Self.createTemporary(for: real, shown: path, replacing: exists ? status : nil)
            guard let writer = nh_write_behind_open(descriptor) else {
                close(descriptor)
                unlink(name)
                throw OutputFileError("cannot write \(path): out of memory")
            }
            sink = .file(descriptor: descriptor, writer: writer, temporary: name)
            leftovers = Self.findLeftovers(for: real)
        case S_IFCHR, S_IFIFO:
            // A device or a pipe is written through, never replaced: renaming
            // a file over /dev/null would break the whole system.
            let descriptor = open(real, O_WRONLY | O_CLOEXEC | O_NOCTTY)
            guard descriptor >= 0, let handle = fdopen(descriptor, "w") else {
                throw OutputFileError("cannot open \(path) for writing: \(Self.reason())")
            }
            sink = .stream(handle)
            leftovers = []
        case S_IFDIR:
            throw OutputFileError("\(path) is a directory; give a file name inside it, e.g. \(path)/articles.out")
        case S_IFBLK:
            throw OutputFileError("\(path) is a block device; newshost refuses to write over a disk, give a file name")
        default:
            throw OutputFileError(
                "\(path) is a socket or other special file that cannot be written as a file; give a file name")
        }
    }

    /// Writes `text` to `path` in one go (see the table above).
    public static func write(_ text: String, to path: String) throws(OutputFileError) {
        let file = try OutputFile(path: path)
        try file.write(text)
        try file.commit()
    }

    /// Appends `text`.
    public func write(_ text: String) throws(OutputFileError) {
        var text = text
        var failure: OutputFileError?
        text.withUTF8 { bytes in
            do throws(OutputFileError) { try write(bytes: UnsafeRawBufferPointer(bytes)) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Appends `bytes`.
    public func write(bytes: UnsafeRawBufferPointer) throws(OutputFileError) {
        guard let sink else { throw OutputFileError("write after the output was closed") }
        if let broken { throw OutputFileError("cannot write \(target): \(broken) (an earlier write failed)") }
        guard !bytes.isEmpty else { return }
        switch sink {
        case .stream(let handle):
            guard fwrite(bytes.baseAddress, 1, bytes.count, handle) == bytes.count else { throw failedWrite() }
        case .file(_, let writer, _):
            let error = nh_write_behind_append(writer, bytes.baseAddress, bytes.count)
            guard error == 0 else { throw failedWrite(errno: error) }
        }
    }

    /// Records why the last write or flush failed (`errno`): the file may
    /// now end in half a record, so it is never committed.
    private func failedWrite(errno number: Int32 = errno) -> OutputFileError {
        let reason = Self.reason(number)
        broken = reason
        return OutputFileError("cannot write \(target): \(reason)")
    }

    /// The first commit phase: flushes the output and, for a file, syncs
    /// and closes the temporary file, leaving the target untouched. After a
    /// failed write, deletes the temporary file instead and throws, so the
    /// target is never half a file. Does nothing once prepared.
    public func prepare() throws(OutputFileError) {
        if let broken, sink != nil {
            discard()
            throw OutputFileError(
                "\(target) not written: a write failed earlier (\(broken)), so the output would be incomplete")
        }
        guard let sink else { return }
        self.sink = nil
        switch sink {
        case .stream(let handle):
            let flushed = fflush(handle) == 0
            let reason = Self.reason()
            let closed = fclose(handle) == 0
            guard flushed, closed else {
                throw OutputFileError(
                    "cannot write \(target == "-" ? "stdout" : target): \(flushed ? Self.reason() : reason)")
            }
        case .file(let descriptor, let writer, let temporary):
            var error = nh_write_behind_close(writer)
            if error == 0 && fsync(descriptor) != 0 { error = errno }
            if close(descriptor) != 0 && error == 0 { error = errno }
            guard error == 0 else {
                unlink(temporary)
                throw OutputFileError("cannot write \(target): \(Self.reason(error))")
            }
            prepared = temporary
        }
    }

    /// Makes the output final: ``prepare()`` if that has not been done, then,
    /// for a file, renames the temporary file over the target and syncs the
    /// directory.
    public func commit() throws(OutputFileError) {
        try prepare()
        guard let temporary = prepared else { return }
        prepared = nil
        guard rename(temporary, resolved) == 0 else {
            let reason = Self.reason()
            unlink(temporary)
            throw OutputFileError("cannot write \(target): \(reason)")
        }
        Self.syncDirectory(of: resolved)
    }

    /// Closes the output and deletes the temporary file (prepared or not),
    /// leaving the target untouched.
    public func discard() {
        switch sink {
        case .stream(let handle): fclose(handle)
        case .file(let descriptor, let writer, let temporary):
            nh_write_behind_abandon(writer)
            close(descriptor)
            unlink(temporary)
        case nil: break
        }
        sink = nil
        if let temporary = prepared {
            prepared = nil
            unlink(temporary)
        }
    }

    deinit {
        discard()
    }
}

extension OutputFile {
    /// Whether `path` names standard output: `-`, `/dev/stdout` or
    /// `/proc/self/fd/1` (the last two would otherwise lead, through fd 1,
    /// to wherever the host points it while plugins run).
    public static func isStandardOutput(_ path: String) -> Bool {
        path == "-" || path == "/dev/stdout" || path == "/proc/self/fd/1"
    }

    /// The marker in every temporary file name.
    static let marker = ".newshost-"
    /// How many symbolic links are followed before giving up (the kernel's own limit).
    static let maximumLinks = 40

    private static func reason(_ number: Int32 = errno) -> String {
        String(cString: strerror(number))
    }

    /// `path` with every symbolic link followed, also a dangling one (its
    /// target will be created).
    static func followLinks(_ path: String) throws(OutputFileError) -> String {
        var current = path
        for _ in 0..<maximumLinks {
            var status = stat()
            guard lstat(current, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length > 0 else {
                throw OutputFileError("cannot read the symbolic link \(current): \(reason())")
            }
            let destination = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = destination.hasPrefix("/") ? destination : directory(of: current) + "/" + destination
        }
        throw OutputFileError("cannot write \(path): more than \(maximumLinks) symbolic links in a row (a loop?)")
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func fileName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// Creates `.<name>.newshost-<pid>-<random>.tmp` next to `path`; when it
    /// replaces an existing file, gives it that file's owner and mode.
    private static func createTemporary(
        for path: String, shown: String, replacing existing: stat?
    )
        throws(OutputFileError) -> (String, Int32)
    {
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        let name = directory(of: path) + "/." + fileName(of: path) + marker + "\(getpid())-\(random).tmp"
        let descriptor = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY, 0o666)
        guard descriptor >= 0 else {
            throw OutputFileError("cannot create a file next to \(shown): \(reason()); choose a writable path")
        }
        if let existing {
            // Owner first: changing it clears set-id bits, which the mode then restores.
            _ = fchown(descriptor, existing.st_uid, existing.st_gid)
            _ = fchmod(descriptor, existing.st_mode & 0o7777)
        }
        return (name, descriptor)
    }

    /// Temporary files for `path` left by newshost processes that no longer run.
    static func findLeftovers(for path: String) -> [String] {
        let folder = directory(of: path)
        let prefix = "." + fileName(of: path) + marker
        guard let stream = opendir(folder) else { return [] }
        defer { closedir(stream) }
        var found: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasPrefix(prefix), name.hasSuffix(".tmp") else { continue }
            let rest = name.dropFirst(prefix.count)
            guard let pid = rest.split(separator: "-").first.flatMap({ pid_t($0) }), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { found.append(folder + "/" + name) }
        }
        return found.sorted()
    }

    /// Syncs the directory holding `path`, so a rename survives a power cut.
    private static func syncDirectory(of path: String) {
        let descriptor = open(directory(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }
}
