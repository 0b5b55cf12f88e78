import Foundation
import NewsHostTestSupport
import Testing

@testable import NewsHostRuntime

@Suite struct PluginSearchPathTests {
    /// Three directories each holding a plugin file for `name`.
    private func directories(holding name: String) throws -> [URL] {
        try (0..<3).map { _ in
            let directory = try TestPaths.temporaryDirectory()
            try PluginCompiler.fixture(name, into: directory)
            return directory
        }
    }

    @Test func explicitBeatsEnvironmentBeatsExecutableDirectory() throws {
        let (explicit, fromEnvironment, executable) = try {
            let d = try directories(holding: "probe")
            return (d[0], d[1], d[2])
        }()
        let environment = ["NEWSHOST_PLUGIN_PATH": "/nonexistent:" + fromEnvironment.path]
        let all = PluginSearchPath(
            explicit: [explicit.path], environment: environment, executableDirectory: executable.path)
        #expect(all.directories == [explicit.path, "/nonexistent", fromEnvironment.path, executable.path])
        #expect(try all.resolve("probe") == explicit.appendingPathComponent("libprobe.so").path)
        let noExplicit = PluginSearchPath(explicit: [], environment: environment, executableDirectory: executable.path)
        #expect(try noExplicit.resolve("probe") == fromEnvironment.appendingPathComponent("libprobe.so").path)
        let onlyExecutable = PluginSearchPath(explicit: [], environment: [:], executableDirectory: executable.path)
        #expect(try onlyExecutable.resolve("probe") == executable.appendingPathComponent("libprobe.so").path)
    }

    @Test func plainNameWithoutLibPrefixIsFound() throws {
        let directory = try TestPaths.temporaryDirectory()
        let built = try PluginCompiler.fixture("plain", into: directory)
        let renamed = directory.appendingPathComponent("plain.so").path
        try FileManager.default.moveItem(atPath: built, toPath: renamed)
        let path = PluginSearchPath(explicit: [directory.path], environment: [:], executableDirectory: nil)
        #expect(try path.resolve("plain") == renamed)
    }

    @Test func valuesWithASlashOrSoSuffixArePaths() throws {
        let path = PluginSearchPath(explicit: [], environment: [:], executableDirectory: nil)
        #expect(throws: RuntimeError.pluginFileMissing(path: "./nothing.so")) { try path.resolve("./nothing.so") }
        #expect(throws: RuntimeError.pluginFileMissing(path: "x.so")) { try path.resolve("x.so") }
    }

    @Test func unknownNameListsThePluginsFoundWithoutLoadingThem() throws {
        let directory = try TestPaths.temporaryDirectory()
        let marker = directory.appendingPathComponent("loaded").path
        try PluginCompiler.fixture("found", defines: ["MARK_ON_LOAD=\"\(marker)\""], into: directory)
        let path = PluginSearchPath(explicit: [directory.path], environment: [:], executableDirectory: nil)
        #expect {
            try path.resolve("nope")
        } throws: { error in
            let message = "\(error)"
            return message.contains("unknown plugin `nope`") && message.contains("plugins found: found")
        }
        // Listing candidates ran none of their code (no constructor wrote the marker).
        #expect(!FileManager.default.fileExists(atPath: marker))
    }
}
