import Foundation
import Glibc
import NewsHostTestSupport
import ProcessPlumbing
import Testing

/// posix_spawn with redirected streams, a working directory and a
/// deadline that moves with progress, with /bin/sh as the child.
@Suite struct SubprocessTests {
    @Test func streamsGoToTheirFilesAndTheChildStartsInItsDirectory() throws {
        let scratch = try TestPaths.temporaryDirectory().path
        let out = scratch + "/out"
        let err = scratch + "/err"
        try "old content that must go".write(toFile: out, atomically: false, encoding: .utf8)
        let process = try Subprocess(
            executable: "/bin/sh", arguments: ["-c", "pwd; cat; echo problem >&2; echo \"$NH_TEST_VALUE\""],
            environment: ["NH_TEST_VALUE": "set"], standardInput: .nullDevice, standardOutput: .file(out),
            standardError: .file(err), workingDirectory: scratch)
        #expect(process.wait() == .exited(0))
        let resolved = URL(fileURLWithPath: scratch).resolvingSymlinksInPath().path
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "\(resolved)\nset\n")
        #expect(try String(contentsOfFile: err, encoding: .utf8) == "problem\n")
    }

    @Test func aChildThatShowsProgressOutlivesTheStallLimit() throws {
        // Progress changes at every look, so the child may run three times
        // the stall limit; no pause of a busy machine can fail this.
        let process = try Subprocess(executable: "/bin/sh", arguments: ["-c", "sleep 0.6"])
        var looks = 0
        let (termination, stalled) = process.wait(orKillWhenStalledFor: 0.2) {
            looks += 1
            return looks
        }
        #expect(termination == .exited(0))
        #expect(!stalled)
    }

    @Test func aChildWithoutProgressIsKilledAsStalled() throws {
        let process = try Subprocess(executable: "/bin/sh", arguments: ["-c", "sleep 30"])
        let (termination, stalled) = process.wait(orKillWhenStalledFor: 0.2) { 0 }
        #expect(termination == .signaled(SIGKILL))
        #expect(stalled)
    }

    @Test func aMissingWorkingDirectoryFailsTheSpawn() {
        #expect(throws: ChildProcessError.self) {
            try Subprocess(executable: "/bin/sh", arguments: ["-c", "true"], workingDirectory: "/no/such/directory")
        }
    }
}
