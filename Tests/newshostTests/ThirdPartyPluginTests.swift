import Foundation
import NewsHostTestSupport
import Testing

/// A plugin built outside the package, the way a third party builds one:
/// the SDK installed with its pkg-config file, `cc` against the header only.
@Suite struct ThirdPartyPluginTests {
    @Test func exampleBuildsWithPkgConfigAndRuns() throws {
        let prefix = try TestPaths.temporaryDirectory()
        let install = try Command.run(
            "/bin/bash", [TestPaths.root.appendingPathComponent("scripts/install-plugin-sdk").path, prefix.path])
        #expect(install.status == 0, "\(install.stderr)")
        let pkgConfig = try Command.run(
            "/usr/bin/pkg-config", ["--cflags", "newshost-plugin"],
            environment: ["PKG_CONFIG_PATH": prefix.appendingPathComponent("lib/pkgconfig").path])
        #expect(pkgConfig.status == 0, "\(pkgConfig.stderr)")
        #expect(pkgConfig.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "-I\(prefix.path)/include")

        let pluginDirectory = try TestPaths.temporaryDirectory()
        let library = pluginDirectory.appendingPathComponent("libwordcount.so").path
        let source = TestPaths.root.appendingPathComponent("Examples/wordcount/wordcount.c").path
        let flags = pkgConfig.stdout.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        let cc = try Command.run(
            "/usr/bin/cc",
            ["-std=c11", "-Wall", "-Wextra", "-Werror", "-shared", "-fPIC"] + flags + [source, "-o", library])
        #expect(cc.status == 0, "\(cc.stderr)")

        let result = try Command.newshost(
            ["run", "--plugins", "wordcount,export-csv", "--option", "wordcount.threshold=1000"],
            directory: TestPaths.root, environment: ["NEWSHOST_PLUGIN_PATH": pluginDirectory.path])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try CSVReader.parse(result.stdout).dropFirst()
        #expect(!rows.isEmpty)
        for row in rows {
            let characters = row[8].count
            let expected = characters >= 1000 ? "long:1.00" : "short:1.00"
            #expect(row[5] == expected, "\(row[0]) has \(characters) characters")
        }
    }
}
