import NewsHostTestSupport
import Testing

@testable import PluginHost

@Suite struct PluginLibraryTests {
    @Test func loadsTheShippedCPlugin() throws {
        let d = try PluginLibrary(path: TestPaths.plugin("export-sqlite")).descriptor
        #expect(d.id == "export-sqlite")
        #expect(d.kind == .exporter)
        #expect(!d.isThreadSafe)
        #expect(d.abiMajor == 1)
        #expect(
            d.options == [
                OptionSpec(
                    key: "path", type: .path, defaultValue: "newshost.sqlite",
                    help: "database file; created when missing, updated in place when it exists")
            ])
        #expect(d.hooks.map(\.name) == ["create", "process", "finish", "commit", "prepare", "destroy"])
    }

    @Test func enumOptionsCarryTheirChoices() throws {
        let d = try PluginLibrary(path: TestPaths.plugin("summarize")).descriptor
        #expect(d.options.first { $0.key == "method" }?.type == .choice(["hybrid", "textrank", "lead"]))
        #expect(d.isThreadSafe)
    }

    @Test func loadsTheShippedSwiftPlugin() throws {
        let d = try PluginLibrary(path: TestPaths.plugin("export-csv")).descriptor
        #expect(d.id == "export-csv")
        #expect(d.kind == .exporter)
        #expect(d.options.map(\.key) == ["path", "bom"])
        #expect(d.options.map(\.defaultValue) == ["-", "false"])
        #expect(d.hooks.map(\.name) == ["create", "process", "finish", "destroy", "commit", "prepare"])
        #expect(
            d.hooks.map(\.signature) == [
                "i32(ptr,ptr,ptr)", "i32(ptr,ptr,ptr)", "i32(ptr)", "void(ptr)", "i32(ptr)", "i32(ptr,ptr,ptr)",
            ])
    }

    @Test func unknownHooksOfANewerMinorAreIgnored() throws {
        let d = try PluginLibrary(path: try Fixtures.plugin("fixture")).descriptor
        #expect(d.hooks.contains(HookDeclaration(name: "future-hook", signature: "void(u64,f64)")))
    }

    @Test(arguments: [
        ("no-entry", ["NO_ENTRY"], "does not export `newshost_plugin_entry`"),
        ("wrong-major", ["WRONG_MAJOR"], "built for plugin ABI v99, this host speaks ABI v1"),
        ("newer-minor", ["NEWER_MINOR"], "needs plugin ABI 1.99, this host has 1.2"),
        (
            "wrong-signature", ["WRONG_SIGNATURE"],
            "hook `process` declares `i32(ptr)`, ABI v1 requires `i32(ptr,ptr,ptr)`"
        ),
        ("missing-hook", ["MISSING_HOOK"], "required hook `destroy` is missing from the hook table"),
        ("bad-id", ["BAD_ID"], "plugin id `Bad_Id` is invalid"),
        ("commit-classifier", ["COMMIT_HOOK"], "hook `commit` is for exporters only, and this plugin is a classifier"),
        (
            "commit-old-minor", ["COMMIT_HOOK", "EXPORTER", "ABI_MINOR=0"],
            "hook `commit` was added in ABI 1.1 but the descriptor declares abi_minor 0"
        ),
        ("prepare-classifier", ["PREPARES"], "hook `prepare` is for exporters only, and this plugin is a classifier"),
    ])
    func brokenPluginsAreRefusedWithTheirReason(name: String, defines: [String], message: String) throws {
        let path = try Fixtures.plugin(name, defines)
        do {
            _ = try PluginLibrary(path: path)
            Issue.record("\(name) loaded")
        } catch {
            #expect(error.description.hasPrefix(path + ": "), "the message names the file")
            #expect(error.description.contains(message), "\(error.description)")
        }
    }

    @Test func aFileThatIsNotALibraryIsRefused() throws {
        let path = Fixtures.directory.appendingPathComponent("libtext.so").path
        try "not a library".write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            try PluginLibrary(path: path)
        } throws: { error in
            guard case .cannotOpen(let failing, _) = error as? PluginLoadError else { return false }
            return failing == path
        }
    }
}

@Suite struct SignatureTests {
    @Test func parsesAndPrintsCanonically() throws {
        let signature = try Signature(parsing: "i32(ptr,size,f64)")
        #expect(signature == Signature(returnType: .i32, arguments: [.ptr, .size, .f64]))
        #expect(signature.description == "i32(ptr,size,f64)")
        #expect(try Signature(parsing: "void()").arguments.isEmpty)
    }

    @Test(arguments: ["i32", "i32(ptr", "int(ptr)", "i32(ptr,)", "i32(void)", "i32(ptr, ptr)"])
    func refusesMalformed(text: String) {
        #expect(throws: Signature.ParseError.self) { try Signature(parsing: text) }
    }
}
