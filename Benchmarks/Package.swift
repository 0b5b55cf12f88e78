// swift-tools-version:6.2
import Foundation
import PackageDescription

// Benchmarks live in their own package so the product keeps zero
// dependencies; this one needs nothing but the host (the dispatch
// comparison, which fetches WasmKit and grpc-swift, is the nested package
// Dispatch). SwiftPM names a path dependency after its directory, whatever
// the clone is called.
let host = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let hostIdentity = host.lastPathComponent.lowercased()

let package = Package(
    name: "newshost-benchmarks",
    products: [
        // Flags, timing, memory and the JSON report every benchmark shares.
        .library(name: "BenchmarkSupport", targets: ["BenchmarkSupport"])
    ],
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "BenchmarkSupport"),
        .executableTarget(
            name: "plugin-bench",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "NewsHostCore", package: hostIdentity),
                .product(name: "PluginHost", package: hostIdentity),
                .product(name: "NewsHostRuntime", package: hostIdentity),
            ]),
        .executableTarget(
            name: "parse-bench",
            dependencies: ["BenchmarkSupport", .product(name: "NewsHostCore", package: hostIdentity)]),
    ]
)
