// swift-tools-version:6.2
import PackageDescription

// The product has no package dependencies: only the toolchain, libffi and
// (for the SQLite exporter) libsqlite3 from the system.
let package = Package(
    name: "newshost",
    products: [
        .executable(name: "newshost", targets: ["newshost"]),
        .library(name: "NewsHostPluginKit", targets: ["NewsHostPluginKit"]),
        // The host as libraries, for tools built on it (the benchmarks use them).
        .library(name: "NewsHostCore", targets: ["NewsHostCore"]),
        .library(name: "PluginHost", targets: ["PluginHost"]),
        .library(name: "NewsHostRuntime", targets: ["NewsHostRuntime"]),
        // Shipped plugins: one dynamic library each, found by the host next
        // to its executable as lib<id>.so.
        .library(name: "classify", type: .dynamic, targets: ["ClassifyPlugin"]),
        .library(name: "summarize", type: .dynamic, targets: ["SummarizePlugin"]),
        .library(name: "export-csv", type: .dynamic, targets: ["ExportCSVPlugin"]),
        .library(name: "export-jsonl", type: .dynamic, targets: ["ExportJSONLPlugin"]),
        .library(name: "export-sqlite", type: .dynamic, targets: ["ExportSQLitePlugin"]),
    ],
    targets: [
        // The ABI: the one header a third party needs.
        .target(name: "CNewsHostPlugin", path: "Sources/CNewsHostPlugin"),
        // The header's constants as Swift types (kinds, statuses, log levels),
        // shared by the host, the Swift plugin kit and the scaffolds.
        .target(name: "NewsHostABI", dependencies: ["CNewsHostPlugin"]),
        // libffi as a system module, with accessors for its type globals.
        .systemLibrary(
            name: "CFFI", path: "Sources/CFFI", pkgConfig: "libffi",
            providers: [.apt(["libffi-dev"])]),
        // iconv for GB18030 input: a few lines of C interop kept apart.
        .target(name: "CharsetConversion"),
        // Strings assembled from checked slices of valid UTF-8 without
        // validating them again (the parser's one unchecked step, kept apart),
        // and the check of UTF-8 in place with which the host decodes input
        // and callbacks and the plugin kit reads the host's bytes.
        .target(name: "UTF8Assembly", dependencies: ["CByteScan"]),
        // The article model (Article, Annotations), shared by the parser and
        // the plugin host, which needs nothing else of the parser.
        .target(name: "NewsHostModel"),
        // Decoding and page parsing (the model re-exported): safe Swift only.
        .target(
            name: "NewsHostCore",
            dependencies: [
                "NewsHostModel", "CharsetConversion", "JSONEscaping", "UTF8Assembly", "PackedKeys", "FilledArrays",
            ]),
        // The open-addressing hash table on packed integer keys that the
        // parser's title matching and summarize's term counts share.
        .target(name: "PackedKeys", dependencies: ["FilledArrays"]),
        // Arrays of one repeated value made without the standard library's
        // unspecialized allocation path: what the per-article passes use.
        .target(name: "FilledArrays"),
        // JSON string literals, shared by the host and the Swift plugin kit.
        .target(name: "JSONEscaping", dependencies: ["CByteScan", "CShortestDecimal"]),
        // A double's shortest decimal text in exact integer arithmetic:
        // behind JSONEscaping's numbers.
        .target(name: "CShortestDecimal"),
        // The byte scans that need SIMD (SSE2, SSSE3, NEON), which Swift's
        // portable vector types do not compile to: behind JSONEscaping's
        // SpecialBytes and UTF8Assembly's UTF8Validation.
        .target(name: "CByteScan", dependencies: ["CCPUFeatures"]),
        // Which wider code paths (SSSE3, AVX) this processor runs: asked
        // once, for CByteScan and summarize's kernels.
        .target(name: "CCPUFeatures"),
        // dlopen, libffi and the C structs of the ABI: the unsafe layer.
        .target(
            name: "PluginHost",
            dependencies: [
                "NewsHostModel", "NewsHostABI", "CNewsHostPlugin", "CFFI", "CProcessSupport", "ProcessPlumbing",
                "Locking", "UTF8Assembly",
            ]),
        // LockedValue: the one lock (a pthread mutex ThreadSanitizer sees).
        .target(name: "Locking"),
        // prctl, which Swift cannot call (it is variadic).
        .target(name: "CProcessSupport"),
        // Child processes with deadlines and signals, and the framed socket
        // to them: what isolation and the conformance runner share.
        .target(name: "ProcessPlumbing", dependencies: ["CProcessSupport"]),
        // Discovery, options, the chain and the run report, on top of PluginHost.
        .target(
            name: "NewsHostRuntime",
            dependencies: [
                "NewsHostCore", "PluginHost", "OutputFiles", "CProcessSupport", "ProcessPlumbing", "Locking",
                "FilledArrays",
            ]),
        // The plugin conformance suite: checks, the child-process runner, reports.
        .target(
            name: "NewsHostConformance",
            dependencies: [
                "NewsHostCore", "NewsHostABI", "PluginHost", "CProcessSupport", "CNewsHostPlugin", "ProcessPlumbing",
                "Locking",
            ]),
        // The files `newshost new-plugin` writes, per language and kind.
        .target(name: "NewPluginTemplates", dependencies: ["NewsHostABI"]),
        // The command line: argument parsing and commands, no business logic.
        .executableTarget(
            name: "newshost",
            dependencies: [
                "NewsHostRuntime", "NewsHostCore", "NewsHostConformance", "NewPluginTemplates", "NewsHostABI",
                "Locking",
                "OutputFiles",
                "ProcessPlumbing",
            ]),
        // Helpers for plugins written in Swift: a protocol and the entry glue.
        .target(
            name: "NewsHostPluginKit",
            dependencies: [
                "NewsHostABI", "CNewsHostPlugin", "CPluginKitSupport", "JSONEscaping", "OutputFiles", "Locking",
                "UTF8Assembly",
            ]),
        // Output files that never damage what is there: atomic replace of
        // regular files, devices written through. Used by exporters and reports.
        .target(name: "OutputFiles", dependencies: ["COutputFileSupport"]),
        // The write-behind writer of temporary files, in C: a thread of its
        // own and direct I/O, which Swift reaches only through unsafe pointers.
        .target(name: "COutputFileSupport"),
        .target(name: "CPluginKitSupport"),

        .target(name: "ClassifyEngine", dependencies: ["FilledArrays"], path: "Plugins/classify/Engine", exclude: []),
        .target(
            name: "ClassifyPlugin", dependencies: ["ClassifyEngine", "NewsHostPluginKit"],
            path: "Plugins/classify/Plugin"),
        .target(
            name: "SummarizeEngine", dependencies: ["PackedKeys", "CSummarizeKernels", "FilledArrays"],
            path: "Plugins/summarize/Engine"
        ),
        // PageRank's round with the processor's widest vectors (AVX), which
        // Swift does not compile to without making them a requirement.
        .target(name: "CSummarizeKernels", dependencies: ["CCPUFeatures"], path: "Plugins/summarize/Kernels"),
        .target(
            name: "SummarizePlugin", dependencies: ["SummarizeEngine", "NewsHostPluginKit"],
            path: "Plugins/summarize/Plugin"),
        .target(
            name: "ExportCSVPlugin", dependencies: ["NewsHostPluginKit"], path: "Plugins/export-csv",
            exclude: ["README.md"]),
        .target(
            name: "ExportJSONLPlugin", dependencies: ["NewsHostPluginKit"], path: "Plugins/export-jsonl",
            exclude: ["README.md"]),
        .target(
            name: "ExportSQLitePlugin", dependencies: ["CNewsHostPlugin"], path: "Plugins/export-sqlite",
            exclude: ["README.md"], publicHeadersPath: ".", linkerSettings: [.linkedLibrary("sqlite3")]),

        // Paths, process running and fixture compilation shared by the tests.
        .target(name: "NewsHostTestSupport", path: "Tests/Support"),
        .testTarget(name: "NewsHostCoreTests", dependencies: ["NewsHostCore", "Locking", "NewsHostTestSupport"]),
        .testTarget(name: "UTF8AssemblyTests", dependencies: ["UTF8Assembly", "CByteScan"]),
        .testTarget(name: "NewsHostABITests", dependencies: ["NewsHostABI", "CNewsHostPlugin"]),
        .testTarget(name: "LockingTests", dependencies: ["Locking"]),
        .testTarget(name: "FilledArraysTests", dependencies: ["FilledArrays", "Locking"]),
        .testTarget(
            name: "OutputFilesTests", dependencies: ["OutputFiles", "COutputFileSupport", "NewsHostTestSupport"]),
        .testTarget(name: "ProcessPlumbingTests", dependencies: ["ProcessPlumbing", "NewsHostTestSupport"]),
        .testTarget(
            name: "PluginHostTests",
            dependencies: ["PluginHost", "NewsHostCore", "CNewsHostPlugin", "NewsHostTestSupport"]),
        .testTarget(
            name: "NewsHostRuntimeTests",
            dependencies: ["NewsHostRuntime", "PluginHost", "NewsHostCore", "NewsHostTestSupport"]),
        .testTarget(name: "newshostTests", dependencies: ["NewsHostTestSupport"]),
        .testTarget(
            name: "ClassifyEngineTests", dependencies: ["ClassifyEngine", "NewsHostTestSupport"],
            path: "Tests/Plugins/ClassifyEngineTests"),
        .testTarget(
            name: "SummarizeEngineTests",
            dependencies: ["SummarizeEngine", "PackedKeys", "CSummarizeKernels", "NewsHostTestSupport"],
            path: "Tests/Plugins/SummarizeEngineTests"),
        .testTarget(
            name: "ShippedPluginsTests",
            dependencies: ["PluginHost", "NewsHostRuntime", "NewsHostCore", "NewsHostTestSupport"],
            path: "Tests/Plugins/ShippedPluginsTests"),
    ]
)
