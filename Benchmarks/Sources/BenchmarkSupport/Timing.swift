import Glibc

/// Timings that a busy, shared machine disturbs as little as it can: a
/// warm-up, then several passes of which the median counts.
public enum Timing {
    /// Seconds on the monotonic clock.
    public static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The median of `passes` timings of `body`, in seconds, after one
    /// untimed warm-up run when `warmUp` is set.
    public static func median(passes: Int, warmUp: Bool = true, _ body: () throws -> Void) rethrows -> Double {
        if warmUp { try body() }
        var times: [Double] = []
        for _ in 0..<max(1, passes) {
            let start = now()
            try body()
            times.append(now() - start)
        }
        return times.sorted()[times.count / 2]
    }

    /// Nanoseconds per call of `body`: the median of `passes` passes of
    /// `calls` calls each, after a warm-up of up to `warmUpCalls` calls.
    public static func nanosecondsPerCall(
        calls: Int, passes: Int = 5, warmUpCalls: Int = 1000, _ body: () throws -> Void
    ) rethrows -> Double {
        for _ in 0..<min(calls, warmUpCalls) { try body() }
        return try median(passes: passes, warmUp: false) {
            for _ in 0..<calls { try body() }
        } / Double(calls) * 1e9
    }

    /// The same for an asynchronous body, run on the caller's actor.
    nonisolated(nonsending) public static func nanosecondsPerCall(
        calls: Int, passes: Int = 5, warmUpCalls: Int = 200, _ body: nonisolated(nonsending) () async throws -> Void
    ) async rethrows -> Double {
        for _ in 0..<min(calls, warmUpCalls) { try await body() }
        var times: [Double] = []
        for _ in 0..<max(1, passes) {
            let start = now()
            for _ in 0..<calls { try await body() }
            times.append((now() - start) / Double(calls) * 1e9)
        }
        return times.sorted()[times.count / 2]
    }
}
