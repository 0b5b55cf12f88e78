import Glibc
import OutputFiles

/// Output for exporters: an ``OutputFiles/OutputFile`` whose errors are
/// plugin failures (`.io`). A regular file is replaced atomically when the
/// run finishes; `-` is the run's standard output; a device or FIFO is
/// written directly and never replaced. An exporter calls ``prepare()`` in
/// `finish` and ``commit()`` in `commit`.
public final class AtomicOutput {
    private let file: OutputFile

    /// Temporary files of killed newshost runs next to the target.
    public var leftovers: [String] { file.leftovers }

    /// Opens the output for `path`; `standardOutput` is where `-` goes.
    public init(path: String, standardOutput: Int32 = STDOUT_FILENO) throws(PluginFailure) {
        do {
            file = try OutputFile(path: path, standardOutput: standardOutput)
        } catch {
            throw PluginFailure(.io, error.description)
        }
    }

    /// Opens the output for `path` as an exporter of `host` does: `-` is the
    /// run's real standard output, and leftovers of killed runs are logged
    /// as warnings.
    public convenience init(path: String, host: HostServices) throws(PluginFailure) {
        try self.init(path: path, standardOutput: host.standardOutput)
        for leftover in leftovers {
            host.log(.warn, "\(leftover) was left by a newshost run that was killed before it finished; delete it")
        }
    }

    /// Appends `text`.
    public func write(_ text: String) throws(PluginFailure) {
        do { try file.write(text) } catch { throw PluginFailure(.io, error.description) }
    }

    /// Appends `bytes` (a record made in `prepare`).
    public func write(bytes: UnsafeRawBufferPointer) throws(PluginFailure) {
        do { try file.write(bytes: bytes) } catch { throw PluginFailure(.io, error.description) }
    }

    /// The first commit phase, for `finish`: the output is durable but the
    /// target untouched (see ``OutputFiles/OutputFile/prepare()``).
    public func prepare() throws(PluginFailure) {
        do { try file.prepare() } catch { throw PluginFailure(.io, error.description) }
    }

    /// Makes the output final, for `commit` (see ``OutputFiles/OutputFile/commit()``).
    public func commit() throws(PluginFailure) {
        do { try file.commit() } catch { throw PluginFailure(.io, error.description) }
    }

    /// Closes the output and deletes the temporary file, leaving the target untouched.
    public func discard() {
        file.discard()
    }
}
