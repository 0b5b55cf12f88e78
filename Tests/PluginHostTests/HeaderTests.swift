import CNewsHostPlugin
import Foundation
import NewsHostTestSupport
import PluginHost
import Testing

/// The header as a third party uses it: the documented way of filling the
/// hook table does not compile when a hook's prototype is wrong, in C or
/// C++, and a plugin built with hidden visibility and strict C++ warnings
/// still loads.
@Suite struct HeaderTests {
    /// Compiles `source` the way a strict C++ shop does, into `directory`.
    private func compileCxx(_ source: URL, into directory: URL) throws -> CommandResult {
        let arguments = [
            "-std=c++17", "-Wall", "-Wextra", "-Werror", "-pedantic", "-Wold-style-cast",
            "-Wzero-as-null-pointer-constant", "-shared", "-fPIC", "-fvisibility=hidden", "-I", TestPaths.include,
            source.path, "-o", directory.appendingPathComponent("libcxx-bylines.so").path,
        ]
        return try Command.run("/usr/bin/c++", arguments)
    }

    @Test func aWrongProcessPrototypeDoesNotCompileInC() throws {
        let directory = try TestPaths.temporaryDirectory()
        #expect(throws: PluginCompiler.Failure.self) {
            try PluginCompiler.fixture("wrong", defines: ["WRONG_PROTOTYPE"], into: directory)
        }
        // The same source with the right prototype builds at the same line.
        #expect(throws: Never.self) { try PluginCompiler.fixture("right", into: directory) }
    }

    @Test func aWrongProcessPrototypeDoesNotCompileInCxx() throws {
        let directory = try TestPaths.temporaryDirectory()
        let wrong = try compileCxx(
            TestPaths.root.appendingPathComponent("Tests/Fixtures/plugins/cxx_wrong_prototype.cpp"), into: directory)
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("static_cast"), "\(wrong.stderr)")
    }

    @Test func aCxxPluginBuiltWithHiddenVisibilityAndStrictWarningsLoadsAndRuns() throws {
        let directory = try TestPaths.temporaryDirectory()
        let built = try compileCxx(
            TestPaths.root.appendingPathComponent("Examples/cxx-bylines/bylines.cpp"), into: directory)
        #expect(built.status == 0, "\(built.stderr)")
        let library = try PluginLibrary(path: directory.appendingPathComponent("libcxx-bylines.so").path)
        #expect(library.descriptor.id == "cxx-bylines")
        #expect(library.descriptor.abiMinor == Int(NH_ABI_VERSION_MINOR))
    }
}
