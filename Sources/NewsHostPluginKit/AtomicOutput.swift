import Glibc

/// Output for exporters: a file written under a temporary name in the
/// target's directory and renamed into place on ``commit()``, so readers
/// never see half a file; or standard output, for the path `-`.
public final class AtomicOutput {
    private let target: String
    private let temporary: String?
    private var file: UnsafeMutablePointer<FILE>?
    /// Why a write failed: the file may end in half a record, so it is never committed.
    private var broken: String?

    /// Opens the temporary file next to `path` (or stdout for `-`).
    ///
    /// - Throws: `.io` when the directory is not writable.
    public init(path: String) throws(PluginFailure) {
        target = path
        if path == "-" {
            temporary = nil
            guard let handle = fdopen(dup(STDOUT_FILENO), "w") else {
                throw PluginFailure(.io, "cannot write to stdout: \(String(cString: strerror(errno)))")
            }
            file = handle
            return
        }
        let name = "\(path).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        guard let handle = fopen(name, "wx") else {
            throw PluginFailure(.io, "cannot create a file next to \(path): \(String(cString: strerror(errno))); choose a writable path")
        }
        temporary = name
        file = handle
    }

    /// Appends `text`.
    public func write(_ text: String) throws(PluginFailure) {
        guard let file else { throw PluginFailure(.internalError, "write after the output was closed") }
        if let broken { throw PluginFailure(.io, "cannot write \(target): \(broken) (an earlier write failed)") }
        var text = text
        let written = text.withUTF8 { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == text.utf8.count else {
            let reason = String(cString: strerror(errno))
            broken = reason
            throw PluginFailure(.io, "cannot write \(target): \(reason)")
        }
    }

    /// Flushes and renames the temporary file to the target; after a failed
    /// write, deletes it instead and throws, so the target is never half a file.
    public func commit() throws(PluginFailure) {
        if let broken, file != nil {
            discard()
            throw PluginFailure(.io, "\(target) not written: a write failed earlier (\(broken)), so the output would be incomplete")
        }
        guard let handle = file else { return }
        file = nil
        guard let temporary else {
            guard fclose(handle) == 0 else { throw PluginFailure(.io, "cannot write to stdout: \(String(cString: strerror(errno)))") }
            return
        }
        let flushed = fflush(handle) == 0 && fsync(fileno(handle)) == 0
        let closed = fclose(handle) == 0
        guard flushed, closed, rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw PluginFailure(.io, "cannot write \(target): \(reason)")
        }
    }

    /// Closes and deletes the temporary file, leaving the target untouched.
    public func discard() {
        guard let handle = file else { return }
        file = nil
        fclose(handle)
        if let temporary { unlink(temporary) }
    }

    deinit {
        discard()
    }
}
