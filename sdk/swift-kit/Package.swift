// swift-tools-version:6.2
// The newshost Swift plugin kit, as `scripts/install-plugin-sdk` installs it
// (PREFIX/share/newshost/swift-kit): a Swift plugin depends on this package
// and writes a class, with no raw pointers. The sources are the ones the
// shipped plugins use, copied here by the install script.
import PackageDescription

let package = Package(
    name: "swift-kit",
    products: [
        .library(name: "NewsHostPluginKit", targets: ["NewsHostPluginKit"])
    ],
    targets: [
        .target(name: "CNewsHostPlugin"),
        .target(name: "NewsHostABI", dependencies: ["CNewsHostPlugin"]),
        .target(name: "CPluginKitSupport"),
        .target(name: "CCPUFeatures"),
        .target(name: "CByteScan", dependencies: ["CCPUFeatures"]),
        .target(name: "CShortestDecimal"),
        .target(name: "JSONEscaping", dependencies: ["CByteScan", "CShortestDecimal"]),
        .target(name: "COutputFileSupport"),
        .target(name: "OutputFiles", dependencies: ["COutputFileSupport"]),
        .target(name: "Locking"),
        .target(name: "UTF8Assembly", dependencies: ["CByteScan"]),
        .target(
            name: "NewsHostPluginKit",
            dependencies: [
                "NewsHostABI", "CNewsHostPlugin", "CPluginKitSupport", "JSONEscaping", "OutputFiles", "Locking",
                "UTF8Assembly",
            ]),
    ]
)
