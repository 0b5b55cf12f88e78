import Foundation
import Glibc

/// Paths of the repository and of the build products the tests use.
public enum TestPaths {
    /// The repository root.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The directory holding `newshost` and the plugin libraries: the test
    /// binary's own directory (where `swift build --build-tests` puts them).
    public static let buildDirectory: URL = {
        if let override = ProcessInfo.processInfo.environment["NEWSHOST_BUILD_DIR"] {
            return URL(fileURLWithPath: override)
        }
        let exe =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: exe).deletingLastPathComponent()
        // On Linux the test binary may sit inside a .xctest directory.
        if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
        return directory
    }()

    /// The `newshost` executable.
    public static var newshost: String { buildDirectory.appendingPathComponent("newshost").path }

    /// A shipped plugin library, `lib<id>.so`.
    public static func plugin(_ id: String) -> String {
        buildDirectory.appendingPathComponent("lib\(id).so").path
    }

    /// The directory with the ABI header (`newshost/plugin.h`).
    public static var include: String { root.appendingPathComponent("Sources/CNewsHostPlugin/include").path }

    /// The seed pages.
    public static var seeds: URL { root.appendingPathComponent("seeds") }

    /// How many articles the seed pages hold, as read by hand
    /// (`Tests/Fixtures/pages/*.json`): what a run over the seeds gives.
    public static let seedArticleCount: Int = {
        let directory = root.appendingPathComponent("Tests/Fixtures/pages")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.reduce(0) { total, name in
            let data = (try? Data(contentsOf: directory.appendingPathComponent(name))) ?? Data()
            let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
            return total + ((object?["articles"] as? [Any])?.count ?? 0)
        }
    }()

    /// A fresh temporary directory, inside ``scratchRoot``: gone once the
    /// test process ends.
    public static func temporaryDirectory() throws -> URL {
        let url = scratchRoot.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `newshost-tests-<pid>` in the system's temporary directory: where this
    /// test process keeps every directory it makes, removed when the process
    /// exits. A process that died before it could (a crash, a kill) leaves
    /// its root behind; the next test process removes the roots of processes
    /// that no longer run. Several hundred directories and half a gigabyte
    /// a run were left behind before.
    public static let scratchRoot: URL = {
        let base = FileManager.default.temporaryDirectory
        removeAbandonedRoots(in: base)
        let url = base.appendingPathComponent("\(scratchPrefix)\(getpid())")
        // A root with this process's id is a dead process's: ids are reused.
        try? FileManager.default.removeItem(at: url)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: TestPaths.scratchRoot) }
        return url
    }()

    /// How a scratch root's name starts; the process id follows.
    public static let scratchPrefix = "newshost-tests-"

    /// Removes the scratch roots in `base` whose process is gone.
    public static func removeAbandonedRoots(in base: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []
        for name in names where name.hasPrefix(scratchPrefix) {
            guard let pid = pid_t(name.dropFirst(scratchPrefix.count)), kill(pid, 0) != 0, errno == ESRCH else {
                continue
            }
            try? FileManager.default.removeItem(at: base.appendingPathComponent(name))
        }
    }
}

/// The outcome of running a command.
public struct CommandResult: Sendable {
    /// Exit status (128 + signal number when killed by a signal).
    public var status: Int32
    /// Everything written to stdout.
    public var stdout: String
    /// Everything written to stderr.
    public var stderr: String
}

/// Runs external commands for tests.
public enum Command {
    /// Runs `executable` with `arguments` and waits for it.
    @discardableResult
    public static func run(
        _ executable: String, _ arguments: [String], directory: URL? = nil,
        environment: [String: String] = [:], stdin: Data? = nil
    ) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NEWSHOST_PLUGIN_PATH")
        env.merge(environment) { $1 }
        process.environment = env
        // Output goes to files, so a chatty child can never block on a full pipe.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("newshost-cmd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out")
        let errURL = scratch.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        // A command may stop reading early (a refused stream): the write then
        // fails with EPIPE instead of killing the tests with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        if let stdin { try? input.fileHandleForWriting.write(contentsOf: stdin) }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let status =
            process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return CommandResult(
            status: status, stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// Runs the built `newshost` with `arguments`.
    @discardableResult
    public static func newshost(
        _ arguments: [String], directory: URL? = nil, environment: [String: String] = [:],
        stdin: Data? = nil
    ) throws -> CommandResult {
        try run(TestPaths.newshost, arguments, directory: directory, environment: environment, stdin: stdin)
    }
}

/// Builds C plugins the way a third party would: `cc -shared -fPIC` against
/// the ABI header only.
public enum PluginCompiler {
    /// Why a fixture did not compile.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Compiles `source` with `defines` (`-D` values) into `lib<name>.so`
    /// in `directory` and returns the library's path.
    public static func compile(
        _ source: URL, name: String, defines: [String] = [], into directory: URL
    ) throws -> String {
        let output = directory.appendingPathComponent("lib\(name).so").path
        let arguments =
            ["-std=c11", "-Wall", "-Wextra", "-Werror", "-shared", "-fPIC", "-I", TestPaths.include]
            + defines.map { "-D\($0)" } + [source.path, "-o", output, "-lm"]
        let result = try Command.run("/usr/bin/cc", arguments)
        guard result.status == 0 else { throw Failure(description: "cc failed for \(name): \(result.stderr)") }
        return output
    }

    /// The test fixture plugin (`Tests/Fixtures/plugins/fixture.c`) built
    /// with `defines` as `lib<name>.so`; its id is `name` (the host refuses a
    /// library whose id is not the name it was asked for) unless `defines`
    /// set `PLUGIN_ID` or `BAD_ID`.
    @discardableResult
    public static func fixture(_ name: String, defines: [String] = [], into directory: URL) throws -> String {
        let named = defines.contains { $0.hasPrefix("PLUGIN_ID=") || $0 == "BAD_ID" }
        return try compile(
            TestPaths.root.appendingPathComponent("Tests/Fixtures/plugins/fixture.c"),
            name: name, defines: named ? defines : defines + ["PLUGIN_ID=\"\(name)\""], into: directory)
    }
}
