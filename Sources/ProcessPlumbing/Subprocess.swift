import CProcessSupport
import Glibc

/// Where one of a child's standard streams goes.
public enum StandardStream: Sendable, Equatable {
    /// The parent's own stream.
    case inherited
    /// `/dev/null`: reads see end of file, writes vanish.
    case nullDevice
    /// A file, created or emptied, written from its start.
    case file(String)
    /// An open descriptor of the parent's.
    case descriptor(Int32)
}

/// A process started with `posix_spawn`: nothing but its three standard
/// streams reaches it, whatever flags the parent's other descriptors were
/// opened with. Killed and reaped when released without a wait.
public final class Subprocess: @unchecked Sendable {
    // Checked: `reaped` is only touched by the one thread that owns the
    // process (the isolation worker's chain or the conformance runner).

    /// The process id.
    public let pid: pid_t
    private var reaped: Termination?

    /// Starts `executable` with `arguments` (not including argv[0]) and the
    /// parent's environment plus `environment`, in `workingDirectory` (the
    /// parent's when nil).
    public init(
        executable: String, arguments: [String], environment: [String: String] = [:],
        standardInput: StandardStream = .inherited, standardOutput: StandardStream = .inherited,
        standardError: StandardStream = .inherited, workingDirectory: String? = nil
    ) throws(ChildProcessError) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (target, stream) in [(Int32(0), standardInput), (1, standardOutput), (2, standardError)] {
            switch stream {
            case .inherited: break
            case .nullDevice: posix_spawn_file_actions_addopen(&actions, target, "/dev/null", O_RDWR, 0)
            case .file(let path):
                posix_spawn_file_actions_addopen(&actions, target, path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            case .descriptor(let descriptor): posix_spawn_file_actions_adddup2(&actions, descriptor, target)
            }
        }
        if let workingDirectory { nh_spawn_change_directory(&actions, workingDirectory) }
        nh_spawn_close_from(&actions, 3)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = Self.environment(merging: environment).map { strdup($0) } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, nil, argv, envp)
        guard status == 0 else { throw .spawnFailed(executable: executable, errno: status) }
        pid = child
    }

    /// This process's environment with `overrides` applied, as `NAME=value`.
    private static func environment(merging overrides: [String: String]) -> [String] {
        var merged: [String: String] = [:]
        var index = 0
        while let entry = environ[index] {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                merged[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            index += 1
        }
        merged.merge(overrides) { _, new in new }
        return merged.map { "\($0.key)=\($0.value)" }
    }

    /// Ends the process with `SIGKILL` (if it has not been reaped yet).
    public func kill() {
        guard reaped == nil else { return }
        _ = Glibc.kill(pid, SIGKILL)
    }

    /// Waits for the process to end and returns how it ended.
    public func wait() -> Termination {
        if let reaped { return reaped }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return reap(status)
    }

    /// Waits up to `seconds` for the process to end, then kills it.
    public func wait(orKillAfter seconds: Double) -> Termination {
        wait(orKillWhenStalledFor: seconds) { 0 }.termination
    }

    /// Waits for the process to end, killing it once `progress` has
    /// returned the same value for `seconds`: a deadline that moves on
    /// while the process shows signs of life (a file it touches, say).
    public func wait(
        orKillWhenStalledFor seconds: Double, progress: () -> Int
    ) -> (
        termination: Termination, stalled: Bool
    ) {
        var deadline = Deadline(seconds: seconds)
        var lastProgress = progress()
        var status: Int32 = 0
        while reaped == nil {
            if waitpid(pid, &status, WNOHANG) == pid { return (reap(status), false) }
            let now = progress()
            if now != lastProgress {
                lastProgress = now
                deadline = Deadline(seconds: seconds)
            } else if deadline.remainingMilliseconds == 0 {
                kill()
                return (wait(), true)
            }
            usleep(Self.pollMicroseconds)
        }
        return (reaped!, false)
    }

    /// How often a waiting parent looks: short next to any deadline a
    /// person sets, long enough to cost nothing.
    private static let pollMicroseconds: UInt32 = 2_000

    private func reap(_ status: Int32) -> Termination {
        // The macros of <sys/wait.h> are not imported; these are their definitions.
        let termination: Termination = (status & 0x7f) == 0 ? .exited((status >> 8) & 0xff) : .signaled(status & 0x7f)
        reaped = termination
        return termination
    }

    deinit {
        if reaped == nil {
            kill()
            _ = wait()
        }
    }
}
