import Foundation
import NewsHostTestSupport
import Testing

/// The ABI is language-neutral: the examples in C, C++ and Rust (standard
/// library only, structs declared by hand) build the way a third party
/// builds them and pass the whole conformance suite.
@Suite struct ExamplesTests {
    private static let examples = TestPaths.root.appendingPathComponent("Examples")

    /// How each example is built: the compiler and its arguments before the output path.
    static let builds: [(name: String, compiler: String, arguments: [String])] = [
        (
            "wordcount", "cc",
            [
                "-std=c11", "-Wall", "-Wextra", "-Werror", "-shared", "-fPIC", "-I", TestPaths.include,
                examples.appendingPathComponent("wordcount/wordcount.c").path, "-o",
            ]
        ),
        (
            "cxx-bylines", "c++",
            [
                "-std=c++17", "-Wall", "-Wextra", "-Werror", "-Wold-style-cast", "-Wzero-as-null-pointer-constant",
                "-shared", "-fPIC", "-fvisibility=hidden", "-I", TestPaths.include,
                examples.appendingPathComponent("cxx-bylines/bylines.cpp").path, "-o",
            ]
        ),
        (
            "rust-length", "rustc",
            [
                "--edition", "2021", "--crate-type", "cdylib", "-C", "opt-level=2", "-D", "warnings",
                examples.appendingPathComponent("rust-length/lib.rs").path, "-o",
            ]
        ),
    ]

    @Test(arguments: builds.map(\.name))
    func exampleBuildsAndPassesConformanceAtLevelThree(name: String) throws {
        let build = try #require(Self.builds.first { $0.name == name })
        let directory = try TestPaths.temporaryDirectory()
        let library = directory.appendingPathComponent("lib\(name).so").path
        let compiled = try Command.run("/usr/bin/env", [build.compiler] + build.arguments + [library])
        #expect(compiled.status == 0, "\(build.compiler) failed: \(compiled.stderr)")
        // The timeout counts seconds without progress, so a slow machine is fine.
        let result = try Command.newshost(
            ["conformance", "--level", "3", "--timeout", "120", library], directory: TestPaths.root)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(!result.stdout.contains("FAIL"))
    }
}
