import CProcessSupport
import Glibc

/// How a child process ended.
public enum Termination: Equatable, Sendable, CustomStringConvertible {
    /// It called `exit` (or returned from `main`) with this status.
    case exited(Int32)
    /// A signal ended it.
    case signaled(Int32)

    /// `exit status 3`, `SIGSEGV (signal 11)`.
    public var description: String {
        switch self {
        case .exited(let status): return "exit status \(status)"
        case .signaled(let signal): return "\(Signals.name(signal)) (signal \(signal))"
        }
    }
}

/// Names of the signals.
public enum Signals {
    /// The Linux signal names, by number (1 to 31).
    private static let names = [
        "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1",
        "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP",
        "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR",
        "SIGSYS",
    ]

    /// `SIGSEGV` for 11, and so on; `signal N` for real-time and unknown ones.
    public static func name(_ signal: Int32) -> String {
        (1...names.count).contains(Int(signal)) ? names[Int(signal) - 1] : "signal \(signal)"
    }
}

/// Why talking to a child process failed.
public enum ChildProcessError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `posix_spawn` failed.
    case spawnFailed(executable: String, errno: Int32)
    /// The other end closed the channel (the process ended).
    case closed
    /// No answer before the deadline.
    case timedOut
    /// A system call failed.
    case system(call: String, errno: Int32)

    /// A message for the person running the command.
    public var description: String {
        switch self {
        case .spawnFailed(let executable, let code):
            return "could not start \(executable): \(String(cString: strerror(code)))"
        case .closed: return "the process closed its end of the channel"
        case .timedOut: return "no answer in time"
        case .system(let call, let code): return "\(call) failed: \(String(cString: strerror(code)))"
        }
    }
}

/// A child process started with `posix_spawn`, connected by one Unix
/// stream socket that is the child's standard input (its standard error is
/// the parent's). The child turns it into a ``FrameChannel`` with
/// ``FrameChannel/adoptStandardInput()``.
///
/// Writes never raise `SIGPIPE`: a child that died shows up as
/// ``ChildProcessError/closed``.
public final class ChildProcess: Sendable {
    /// The process.
    public let process: Subprocess
    /// The parent's end of the socket.
    public let channel: FrameChannel

    /// The process id.
    public var pid: pid_t { process.pid }

    /// Starts `executable` with `arguments` (not including argv[0]) and
    /// the parent's environment plus `environment`.
    public init(executable: String, arguments: [String], environment: [String: String] = [:]) throws(ChildProcessError)
    {
        var sockets: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &sockets) == 0 else {
            throw .system(call: "socketpair", errno: errno)
        }
        defer { close(sockets[1]) }
        do {
            process = try Subprocess(
                executable: executable, arguments: arguments, environment: environment,
                standardInput: .descriptor(sockets[1]))
        } catch {
            close(sockets[0])
            throw error
        }
        channel = FrameChannel(descriptor: sockets[0])
    }

    /// Called first thing in a child: the process ends with `status` as
    /// soon as the process that started it is gone, so a killed host leaves
    /// no workers behind, even one stuck in a plugin. Returns `false` when
    /// the parent is already gone.
    public static func exitWhenOrphaned(status: Int32) -> Bool {
        nh_exit_when_orphaned(status) == 0
    }

    /// Whether this process was built with a sanitizer, whose own memory
    /// mappings make resource limits on memory meaningless.
    public static var isSanitized: Bool { nh_built_with_sanitizer() != 0 }

    /// Ends the process with `SIGKILL` (if it has not been reaped yet).
    public func kill() { process.kill() }

    /// Waits for the process to end, closes the channel and returns how it ended.
    public func wait() -> Termination {
        defer { channel.close() }
        return process.wait()
    }

    /// Waits up to `seconds` for the process to end, then kills it.
    public func wait(orKillAfter seconds: Double) -> Termination {
        defer { channel.close() }
        return process.wait(orKillAfter: seconds)
    }

    deinit { channel.close() }
}

/// A point in time some seconds from now, on the monotonic clock.
public struct Deadline: Sendable {
    private let end: timespec

    /// `seconds` from now.
    public init(seconds: Double) {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let total = Double(now.tv_sec) + Double(now.tv_nsec) / 1e9 + max(0, seconds)
        end = timespec(tv_sec: Int(total), tv_nsec: Int((total - total.rounded(.down)) * 1e9))
    }

    /// Milliseconds left, 0 once passed (capped to what `poll` takes).
    public var remainingMilliseconds: Int32 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let left = Double(end.tv_sec - now.tv_sec) * 1000 + Double(end.tv_nsec - now.tv_nsec) / 1e6
        return left <= 0 ? 0 : Int32(min(left.rounded(.up), Double(Int32.max)))
    }
}
