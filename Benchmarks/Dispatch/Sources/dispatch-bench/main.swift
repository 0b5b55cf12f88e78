import BenchmarkSupport
import Foundation
import NewsHostCore
import NewsHostRuntime
@_spi(Benchmarks) import PluginHost

// dispatch-bench: what one plugin call costs through the host's ABI path,
// against a direct C call (the floor), a Swift protocol call, and the
// alternatives the ABI was chosen over — the same plugin as a WebAssembly
// module in WasmKit and as a gRPC service on loopback — all in one run.
//
//   dispatch-bench --seeds DIR --plugins DIR [--calls N]
//
// Two cases: a no-op call, and a call that hands over a real article of
// about 3 KB and reads back one label.

var seedsPath = "seeds", pluginsPath = ".build/release", calls = 200_000
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let flag = arguments.next() {
    switch flag {
    case "--seeds": seedsPath = arguments.next() ?? seedsPath
    case "--plugins": pluginsPath = arguments.next() ?? pluginsPath
    case "--calls": calls = Int(arguments.next() ?? "") ?? calls
    case "--profile-host":
        // Only the host's no-op path, for a profiler.
        let build = try PluginBuild(into: FileManager.default.temporaryDirectory)
        let noop = try hostInstance(build.noop, dispatch: .typed), empty = Article(source: "bench", index: 0)
        print(try Timing.nanosecondsPerCall(calls: calls) { _ = try noop.process(empty, annotations: Annotations()) })
        exit(0)
    default: fatalError("usage: dispatch-bench --seeds DIR --plugins DIR [--calls N]")
    }
}

let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("dispatch-bench-\(getpid())")
try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: scratch) }
let build = try PluginBuild(into: scratch)

// The seed article whose body is closest to 3 KB.
let reader = PageReader()
let seedArticles = try InputSource.expand([seedsPath]).flatMap { try reader.read($0).articles }
let article = seedArticles.min { abs($0.body.utf8.count - 3072) < abs($1.body.utf8.count - 3072) }!
let empty = Article(source: "bench", index: 0)
let bodyBytes = Array(article.body.utf8)
let expected = pickLabel(bodyBytes)

struct Row {
    var name: String
    var noop: Double
    var article: Double
}
var rows: [Row] = []

let direct = DirectCall(library: build.label)
rows.append(Row(name: "direct C call (floor)",
                noop: Timing.nanosecondsPerCall(calls: calls) { precondition(direct.noop() == 0) },
                article: Timing.nanosecondsPerCall(calls: calls) {
                    // The floor borrows the bytes as they are: no view to build.
                    precondition(bodyBytes.withUnsafeBufferPointer { direct.label($0.baseAddress, $0.count) } == expected)
                }))

let expectedName = "l\(expected)"
var dispatchOnly: [Double] = []  // typed, libffi: the call alone, on a view laid out beforehand
for (name, dispatch) in [("newshost: typed v1 call (default)", PluginLibrary.Dispatch.typed), ("newshost: libffi (generic path)", .ffi)] {
    let hostNoop = try hostInstance(build.noop, dispatch: dispatch), hostLabel = try hostInstance(build.label, dispatch: dispatch)
    let prepared = hostNoop.prepare(empty)
    dispatchOnly.append(Timing.nanosecondsPerCall(calls: calls * 5) { precondition(prepared() == 0) })
    rows.append(Row(name: name,
                    noop: try Timing.nanosecondsPerCall(calls: calls) { _ = try hostNoop.process(empty, annotations: Annotations()) },
                    article: try Timing.nanosecondsPerCall(calls: calls) {
                        let labels = try hostLabel.process(article, annotations: Annotations()).labels
                        precondition(labels.first?.name == expectedName)
                    }))
}

let swiftNoop: any SwiftPlugin = SwiftNoop(), swiftLabel: any SwiftPlugin = SwiftLabel()
rows.append(Row(name: "Swift protocol call",
                noop: Timing.nanosecondsPerCall(calls: calls) { precondition(swiftNoop.process(empty) == 0) },
                article: Timing.nanosecondsPerCall(calls: calls) { precondition(swiftLabel.process(article) == expected) }))

let wasm = try WasmPlugin(path: build.wasm)
rows.append(Row(name: "WebAssembly in WasmKit",
                noop: try Timing.nanosecondsPerCall(calls: calls / 10) { let label = try wasm.noop(); precondition(label == 0) },
                article: try Timing.nanosecondsPerCall(calls: calls / 10) { let label = try wasm.label(article); precondition(label == expected) }))

let grpcCalls = max(200, calls / 100)
nonisolated(unsafe) var grpcRow = Row(name: "gRPC on loopback (grpc-swift 2)", noop: 0, article: 0)
try await withLoopbackGRPC { client in
    let noop = try await Timing.nanosecondsPerCall(calls: grpcCalls) {
        let label = try await call(client, BenchService.noop, [])
        precondition(label == 0)
    }
    let label = try await Timing.nanosecondsPerCall(calls: grpcCalls) {
        // Serialization starts from the article, as the host's view does.
        let label = try await call(client, BenchService.label, Array(article.body.utf8))
        precondition(label == expected)
    }
    grpcRow.noop = noop
    grpcRow.article = label
}
rows.append(grpcRow)

// A real chain's cost per article, to put dispatch in proportion.
let searchPath = PluginSearchPath(explicit: [pluginsPath], environment: [:], executableDirectory: nil)
let jsonl = scratch.appendingPathComponent("out.jsonl").path
let chain = try Chain.load(plugins: ["classify", "summarize", "export-jsonl"], searchPath: searchPath,
                           options: [try OptionAssignment(parsing: "export-jsonl.path=\(jsonl)")], logHandler: { _ in })
let withBody = seedArticles.filter { !$0.paragraphs.isEmpty }
let chainNanoseconds = try Timing.nanosecondsPerCall(calls: 20, passes: 3) {
    for each in withBody { _ = try chain.process(each) }
} / Double(withBody.count)
_ = chain.finish()

print("article: \(article.id), body \(bodyBytes.count) bytes; \(calls) calls per pass, median of 5 passes, 1 core")
print("")
print("call path                               no-op ns/call   × direct   3 KB article ns/call   × direct   × newshost")
let floor = rows[0], host = rows[1]
for row in rows {
    print(row.name.padding(toLength: 38, withPad: " ", startingAt: 0)
          + String(format: " %14.1f %10.1f %22.1f %10.1f %12.1f", row.noop, row.noop / floor.noop,
                   row.article, row.article / floor.article, row.article / host.article))
}
let wasmRow = rows[4]
let dispatchShare = 3 * host.noop / chainNanoseconds * 100  // the whole no-op call, conservatively
print("")
print("classify → summarize → export-jsonl on the seed articles: \(String(format: "%.1f", chainNanoseconds / 1000)) µs per article (parsing excluded)")
func verdict(_ met: Bool) -> String { met ? "met" : "NOT met" }
print("targets:")
print(String(format: "  host dispatch of a no-op within 25× of a direct call: typed %.1f ns = %.1f×   %@; libffi %.1f ns = %.1f×",
             dispatchOnly[0], dispatchOnly[0] / floor.noop, verdict(dispatchOnly[0] / floor.noop <= 25),
             dispatchOnly[1], dispatchOnly[1] / floor.noop))
print(String(format: "    (the whole process() call, with laying out the view and collecting results: %.0f ns = %.0f×)",
             host.noop, host.noop / floor.noop))
print(String(format: "  dispatch below 1%% of end-to-end time:      %6.2f%%   %@ (3 plugin calls per article)", dispatchShare, verdict(dispatchShare < 1)))
print(String(format: "  3 KB: ≥ 20× cheaper than WasmKit:          %6.1f×   %@", wasmRow.article / host.article, verdict(wasmRow.article / host.article >= 20)))
print(String(format: "  3 KB: ≥ 1,000× cheaper than loopback gRPC: %6.0f×   %@", grpcRow.article / host.article, verdict(grpcRow.article / host.article >= 1000)))
