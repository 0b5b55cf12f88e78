import Foundation
import NewsHostTestSupport
import Testing

/// `newshost new-plugin` projects build outside the package, the way a
/// third party builds them, and pass conformance at level 3 as generated.
@Suite struct NewPluginTests {
    static let sdk: URL = {
        let prefix = try! TestPaths.temporaryDirectory()
        _ = try! Command.run(
            "/bin/bash", [TestPaths.root.appendingPathComponent("scripts/install-plugin-sdk").path, prefix.path])
        return prefix
    }()

    @Test(arguments: [
        ("classifier", "c"), ("summarizer", "c"), ("exporter", "c"), ("classifier", "swift"), ("exporter", "swift"),
    ])
    func generatedProjectBuildsAndPassesConformance(kind: String, language: String) throws {
        let directory = try TestPaths.temporaryDirectory()
        let name = "gen-\(kind)-\(language)"
        let generate = try Command.newshost([
            "new-plugin", name, "--kind", kind, "--lang", language, "--dir", directory.path,
        ])
        #expect(generate.status == 0, "\(generate.stderr)")
        let project = directory.appendingPathComponent(name)
        let build = try Command.run(
            "/usr/bin/make", ["-C", project.path, "NEWSHOST=\(TestPaths.newshost)", "conformance"],
            environment: [
                "PKG_CONFIG_PATH": Self.sdk.appendingPathComponent("lib/pkgconfig").path,
                "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                // The Swift toolchain leaves lock files in the temporary directory.
                "TMPDIR": directory.path,
            ])
        #expect(build.status == 0, "\(build.stdout)\n\(build.stderr)")
        #expect(build.stdout.contains("0 failed"))
        #expect(
            build.stdout.contains("\(TestPaths.seedArticleCount) articles"), "the checks ran on the SDK's sample pages")
        #expect(!build.stderr.contains("warning:"), "\(build.stderr)")
        #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent("lib\(name).so").path))
    }

    @Test func refusesBadNamesAndExistingDirectories() throws {
        let directory = try TestPaths.temporaryDirectory()
        #expect(try Command.newshost(["new-plugin", "Bad_Name", "--dir", directory.path]).status == 2)
        #expect(try Command.newshost(["new-plugin", "twice", "--dir", directory.path]).status == 0)
        let again = try Command.newshost(["new-plugin", "twice", "--dir", directory.path])
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exists"))
    }
}
