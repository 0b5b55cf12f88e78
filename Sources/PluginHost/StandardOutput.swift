import Glibc
import Synchronization

/// The run's standard output, kept away from plugins' stray writes.
///
/// Plugins in the host process share its file descriptors, so a `printf` in
/// a classifier would land in the middle of an exporter's JSON on stdout.
/// ``protectFromPlugins()`` keeps the real standard output on a
/// close-on-exec descriptor of its own, which exporters receive as
/// `nh_host_api.stdout_fd` (ABI 1.1), and points fd 1 at stderr.
public enum StandardOutput {
    private static let saved = Atomic<Int32>(STDOUT_FILENO)

    /// The descriptor exporters write `-` to: the real standard output.
    public static var descriptor: Int32 { saved.load(ordering: .acquiring) }

    /// Moves the real standard output to a descriptor of its own and points
    /// fd 1 at stderr. Returns `false` (and changes nothing) when that is
    /// not possible; calling it again does nothing.
    @discardableResult
    public static func protectFromPlugins() -> Bool {
        guard descriptor == STDOUT_FILENO else { return true }
        let copy = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3)
        guard copy >= 0 else { return false }
        fflush(nil)  // every C stream, stdout among them
        guard dup2(STDERR_FILENO, STDOUT_FILENO) >= 0 else {
            close(copy)
            return false
        }
        saved.store(copy, ordering: .releasing)
        return true
    }
}
