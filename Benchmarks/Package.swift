// swift-tools-version:6.0
import Foundation
import PackageDescription

// Benchmarks live in their own package so the product keeps zero
// dependencies. The host package is the parent directory; SwiftPM names a
// path dependency after its directory, whatever the clone is called.
let host = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let hostIdentity = host.lastPathComponent.lowercased()

let package = Package(
    name: "newshost-benchmarks",
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "plugin-bench",
            dependencies: [
                .product(name: "NewsHostCore", package: hostIdentity),
                .product(name: "PluginHost", package: hostIdentity),
                .product(name: "NewsHostRuntime", package: hostIdentity),
            ]),
    ]
)
