// swift-tools-version:6.2
import Foundation
import PackageDescription

// libFuzzer targets, in their own package so the product has none of their
// build settings. Build and run them with `Fuzz/run`, which builds with
// libFuzzer and AddressSanitizer so every module of the host they reach is
// instrumented. SwiftPM names a path dependency after its directory,
// whatever the clone is called.
let host = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let hostIdentity = host.lastPathComponent.lowercased()

let package = Package(
    name: "newshost-fuzz",
    dependencies: [.package(path: "..")],
    targets: [
        // Any bytes through decoding and the page parser.
        .executableTarget(
            name: "fuzz-parser", dependencies: [.product(name: "NewsHostCore", package: hostIdentity)]),
        // Any bytes as JSON Lines input.
        .executableTarget(
            name: "fuzz-jsonlines", dependencies: [.product(name: "NewsHostCore", package: hostIdentity)]),
        // Any bytes as doubles, written as JSON numbers.
        .executableTarget(
            name: "fuzz-numbers", dependencies: [.product(name: "NewsHostPluginKit", package: hostIdentity)]),
        // Any bytes as one frame of the isolation protocol.
        .executableTarget(
            name: "fuzz-wire", dependencies: [.product(name: "NewsHostRuntime", package: hostIdentity)]),
    ]
)
