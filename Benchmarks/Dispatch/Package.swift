// swift-tools-version:6.2
import Foundation
import PackageDescription

// dispatch-bench: the host's plugin call against the alternatives the ABI
// was chosen over (WasmKit, loopback gRPC). Its own package because those
// come from GitHub; the other benchmarks build without them.
let host = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let hostIdentity = host.lastPathComponent.lowercased()

let package = Package(
    name: "newshost-dispatch-benchmark",
    dependencies: [
        .package(path: "../.."),
        .package(path: ".."),
        .package(url: "https://github.com/swiftwasm/WasmKit.git", exact: "0.4.2"),
        .package(url: "https://github.com/grpc/grpc-swift-2.git", exact: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport.git", exact: "2.9.2"),
    ],
    targets: [
        .executableTarget(
            name: "dispatch-bench",
            dependencies: [
                .product(name: "BenchmarkSupport", package: "benchmarks"),
                .product(name: "NewsHostCore", package: hostIdentity),
                .product(name: "PluginHost", package: hostIdentity),
                .product(name: "NewsHostRuntime", package: hostIdentity),
                .product(name: "WasmKit", package: "WasmKit"),
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
            ]),
    ]
)
