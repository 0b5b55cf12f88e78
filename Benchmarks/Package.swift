// swift-tools-version:6.2
import Foundation
import PackageDescription

// Benchmarks live in their own package so the product keeps zero
// dependencies. The host package is the parent directory; SwiftPM names a
// path dependency after its directory, whatever the clone is called.
let host = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let hostIdentity = host.lastPathComponent.lowercased()

let package = Package(
    name: "newshost-benchmarks",
    dependencies: [
        .package(path: ".."),
        // The alternatives the plugin ABI was chosen over, for dispatch-bench.
        .package(url: "https://github.com/swiftwasm/WasmKit.git", exact: "0.4.2"),
        .package(url: "https://github.com/grpc/grpc-swift-2.git", exact: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport.git", exact: "2.9.2"),
    ],
    targets: [
        .executableTarget(
            name: "plugin-bench",
            dependencies: [
                .product(name: "NewsHostCore", package: hostIdentity),
                .product(name: "PluginHost", package: hostIdentity),
                .product(name: "NewsHostRuntime", package: hostIdentity),
            ]),
        .executableTarget(
            name: "parse-bench",
            dependencies: [.product(name: "NewsHostCore", package: hostIdentity)]),
        .executableTarget(
            name: "dispatch-bench",
            dependencies: [
                .product(name: "NewsHostCore", package: hostIdentity),
                .product(name: "PluginHost", package: hostIdentity),
                .product(name: "NewsHostRuntime", package: hostIdentity),
                .product(name: "WasmKit", package: "WasmKit"),
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
            ]),
    ]
)
