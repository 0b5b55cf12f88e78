import Glibc

/// Monotonic seconds.
func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Nanoseconds per call of `body`: the median of `passes` passes of
/// `calls` calls each, after one warm-up pass.
func nanosecondsPerCall(calls: Int, passes: Int = 5, _ body: () throws -> Void) rethrows -> Double {
    for _ in 0..<min(calls, 1000) { try body() }
    var times: [Double] = []
    for _ in 0..<passes {
        let start = now()
        for _ in 0..<calls { try body() }
        times.append((now() - start) / Double(calls) * 1e9)
    }
    return times.sorted()[passes / 2]
}

/// The same for an asynchronous body.
func nanosecondsPerCall(calls: Int, passes: Int = 5, _ body: () async throws -> Void) async rethrows -> Double {
    for _ in 0..<min(calls, 200) { try await body() }
    var times: [Double] = []
    for _ in 0..<passes {
        let start = now()
        for _ in 0..<calls { try await body() }
        times.append((now() - start) / Double(calls) * 1e9)
    }
    return times.sorted()[passes / 2]
}

/// What every variant computes from the body: one of eight labels, from the
/// number of lead bytes of three-byte UTF-8 sequences (as dispatch_plugin.c).
func pickLabel<C: Collection<UInt8>>(_ bytes: C) -> Int32 {
    var count: UInt32 = 0
    for byte in bytes where byte & 0xF0 == 0xE0 { count &+= 1 }
    return Int32(count % 8)
}
