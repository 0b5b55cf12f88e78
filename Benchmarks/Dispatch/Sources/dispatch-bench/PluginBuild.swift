import Foundation

/// Builds `Benchmarks/Dispatch/Plugins/dispatch_plugin.c` three ways into `directory`:
/// the label and no-op newshost plugins (cc) and the WebAssembly module
/// (the toolchain's clang with wasm-ld).
struct PluginBuild {
    let label: String
    let noop: String
    let wasm: String

    init(into directory: URL) throws {
        // This file is Benchmarks/Dispatch/Sources/dispatch-bench/PluginBuild.swift.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let source = root.appendingPathComponent("Benchmarks/Dispatch/Plugins/dispatch_plugin.c").path
        let include = root.appendingPathComponent("Sources/CNewsHostPlugin/include").path
        label = directory.appendingPathComponent("libbench-label.so").path
        noop = directory.appendingPathComponent("libbench-noop.so").path
        wasm = directory.appendingPathComponent("bench.wasm").path
        try Self.run("/usr/bin/cc", ["-O3", "-shared", "-fPIC", "-I", include, source, "-o", label])
        try Self.run("/usr/bin/cc", ["-O3", "-shared", "-fPIC", "-DNOOP", "-I", include, source, "-o", noop])
        try Self.run(Self.toolchainClang(), ["--target=wasm32", "-O3", "-nostdlib", "-Wl,--no-entry", source, "-o", wasm])
    }

    /// The clang next to swiftc, which has the wasm32 target and wasm-ld.
    private static func toolchainClang() -> String {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let swiftc = "\(directory)/swiftc", clang = "\(directory)/clang"
            if FileManager.default.isExecutableFile(atPath: swiftc), FileManager.default.isExecutableFile(atPath: clang) { return clang }
        }
        return "/opt/swift/usr/bin/clang"
    }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "\(tool) \(arguments.joined(separator: " ")) failed"])
        }
    }
}
