import Glibc
import ProcessPlumbing
import Testing

/// posix_spawn, the socket and the frames, with /bin/sh as the child.
@Suite struct ChildProcessTests {
    private func shell(_ script: String) throws -> ChildProcess {
        try ChildProcess(executable: "/bin/sh", arguments: ["-c", script])
    }

    @Test func framesGoThereAndBack() throws {
        let child = try shell("exec cat >&0")
        let frames: [[UInt8]] = [[], [1, 2, 3], Array(repeating: 0xab, count: 300_000)]
        for frame in frames {
            try child.channel.send(frame)
            #expect(try child.channel.receive(before: Deadline(seconds: 10)) == frame)
        }
        child.channel.close()
        #expect(child.wait() == .exited(0))
    }

    @Test func aSilentChildTimesOut() throws {
        let child = try shell("sleep 30")
        #expect(throws: ChildProcessError.timedOut) { try child.channel.receive(before: Deadline(seconds: 0.2)) }
        child.kill()
        #expect(child.wait() == .signaled(SIGKILL))
    }

    @Test func howTheChildEndedIsReported() throws {
        let exits = try shell("exit 3")
        #expect(throws: ChildProcessError.closed) { try exits.channel.receive(before: Deadline(seconds: 10)) }
        #expect(exits.wait() == .exited(3))
        let crashes = try shell("kill -SEGV $$")
        #expect(crashes.wait() == .signaled(SIGSEGV))
        #expect(Termination.signaled(SIGSEGV).description == "SIGSEGV (signal 11)")
    }

    @Test func writingToADeadChildFailsWithoutSIGPIPE() throws {
        let child = try shell("exit 0")
        #expect(throws: ChildProcessError.closed) { try child.channel.receive() }
        #expect(throws: ChildProcessError.closed) { try child.channel.send(Array(repeating: 1, count: 1 << 20)) }
    }

    @Test func aMissingExecutableIsNamed() {
        #expect(throws: ChildProcessError.self) { try ChildProcess(executable: "/no/such/newshost", arguments: []) }
    }

    @Test func aStuckChildIsKilledAfterTheGracePeriod() throws {
        let child = try shell("trap '' TERM; sleep 30")
        #expect(child.wait(orKillAfter: 0.2) == .signaled(SIGKILL))
    }
}
