import BenchmarkSupport
import Foundation
import NewsHostCore
import NewsHostRuntime
import PluginHost

// plugin-bench: parser throughput and each shipped plugin's cost per article,
// measured in one run on one core, with a trivial C plugin (the wordcount
// example, built here with cc) as the baseline.
//
//   plugin-bench --corpus DIR --plugins DIR [--articles N] [--repeat N] [--json FILE]

let arguments = BenchmarkArguments(
    usage: "plugin-bench --corpus DIR --plugins DIR [--articles N] [--repeat N] [--json FILE]",
    valued: ["--corpus", "--plugins", "--articles", "--repeat", "--json"])
let options = (
    corpus: arguments.string("--corpus"), plugins: arguments.string("--plugins"),
    articles: arguments.int("--articles", default: 3000), repeats: arguments.int("--repeat", default: 5)
)
var report = BenchmarkReport(benchmark: "plugin-bench")
report.settings = ["corpus": options.corpus, "articles": "\(options.articles)", "passes": "\(options.repeats)"]

// Parser throughput over the whole corpus.
let inputs = try InputSource.expand([options.corpus])
let texts = try inputs.map { input -> (String, String) in
    (try TextDecoding.decode(try input.readBytes(), path: input.displayPath), input.name)
}
let corpusBytes = texts.reduce(0) { $0 + $1.0.utf8.count }
let parser = LayoutPageParser()
var articles: [Article] = []
let parseSeconds = Timing.median(passes: 3, warmUp: false) {
    articles = texts.flatMap { parser.parse($0.0, source: $0.1).articles }
}
print("corpus: \(inputs.count) pages, \(String(format: "%.1f", Double(corpusBytes) / 1_048_576)) MiB, \(articles.count) articles")
print(String(format: "parse (LayoutPageParser, 1 core): %.1f MB/s, %.1f µs/article",
             Double(corpusBytes) / 1_048_576 / parseSeconds, parseSeconds / Double(articles.count) * 1e6))

let sample = Array(articles.filter { !$0.paragraphs.isEmpty }.prefix(options.articles))
let meanLength = Double(sample.reduce(0) { $0 + $1.body.unicodeScalars.count }) / Double(sample.count)

// 1,000-character articles for the summarize target: bodies cut or extended to that length.
let allScalars = Array(sample.map(\.body).joined(separator: "\n").unicodeScalars)
let thousand: [Article] = (0..<min(1000, sample.count)).map { index in
    let start = (index * 997) % max(1, allScalars.count - 1000)
    let body = String(String.UnicodeScalarView(allScalars[start..<min(allScalars.count, start + 1000)]))
    return Article(source: "bench", index: index, paragraphs: body.split(separator: "\n").map(String.init))
}

// The baseline: the wordcount example, compiled the way a third party would.
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("plugin-bench-\(getpid())")
try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: scratch) }
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
let cc = Process()
cc.executableURL = URL(fileURLWithPath: "/usr/bin/cc")
cc.arguments = ["-O2", "-std=c11", "-shared", "-fPIC", "-I", root.appendingPathComponent("Sources/CNewsHostPlugin/include").path,
                root.appendingPathComponent("Examples/wordcount/wordcount.c").path, "-o", scratch.appendingPathComponent("libwordcount.so").path]
try cc.run()
cc.waitUntilExit()

let searchPath = PluginSearchPath(explicit: [scratch.path, options.plugins], environment: [:], executableDirectory: nil)
func instance(_ id: String, _ values: [String: String] = [:]) throws -> PluginInstance {
    let library = try PluginLibrary(path: try searchPath.resolve(id))
    let assignments = try values.map { try OptionAssignment(parsing: "\(id).\($0.key)=\($0.value)") }
    return try PluginInstance(library: library, options: try PluginOptions.resolve(assignments, for: library.descriptor), logHandler: { _ in })
}

// Annotations a real chain would hand to an exporter.
let classify = try instance("classify"), summarize = try instance("summarize")
let annotated = try sample.map { article -> Annotations in
    var annotations = try classify.process(article, annotations: Annotations())
    annotations.merge(try summarize.process(article, annotations: annotations))
    return annotations
}

func perArticle(_ plugin: PluginInstance, _ batch: [Article], annotations: [Annotations]? = nil) throws -> Double {
    let seconds = try Timing.median(passes: options.repeats, warmUp: false) {
        for (index, article) in batch.enumerated() {
            _ = try plugin.process(article, annotations: annotations?[index] ?? Annotations())
        }
    }
    return seconds / Double(batch.count) * 1e6
}

let baseline = try perArticle(try instance("wordcount"), sample)
print(String(format: "\n%d articles, mean body %.0f characters; median of %d passes, 1 core", sample.count, meanLength, options.repeats))
print("plugin                         µs/article   × baseline")
@MainActor func row(_ name: String, _ micros: Double) {
    report.record(name, micros, unit: "µs/article")
    print(name.padding(toLength: 30, withPad: " ", startingAt: 0) + String(format: " %10.1f   %10.1f", micros, micros / baseline))
}
row("wordcount (C, baseline)", baseline)
let classifyCost = try perArticle(classify, sample), summarizeCost = try perArticle(summarize, sample)
row("classify", classifyCost)
row("summarize", summarizeCost)
row("summarize, 1,000-char bodies", try perArticle(summarize, thousand))
var jsonlCost = 0.0
for exporter in ["export-csv", "export-jsonl", "export-sqlite"] {
    let ext = exporter.split(separator: "-").last!
    let plugin = try instance(exporter, ["path": scratch.appendingPathComponent("out.\(ext)").path])
    let cost = try perArticle(plugin, sample, annotations: annotated)
    row(exporter, cost)
    if exporter == "export-jsonl" { jsonlCost = cost }
    try plugin.finish()
}

// Where the time of parse → classify → summarize → export-jsonl goes, on one
// core. Dispatch is bounded by the whole call of the trivial C plugin
// (laying out the view, the call, collecting the result), once per plugin;
// it is counted inside each plugin's figure as well.
let parseCost = parseSeconds / Double(articles.count) * 1e6
let stages = [("parse", parseCost), ("classify", classifyCost), ("summarize", summarizeCost), ("export-jsonl", jsonlCost)]
let total = stages.reduce(0) { $0 + $1.1 }
print("\nwhere one article's time goes (1 core, \(String(format: "%.0f", total)) µs in all)")
for (name, cost) in stages {
    print(name.padding(toLength: 30, withPad: " ", startingAt: 0) + String(format: " %8.1f µs  %5.1f%%", cost, cost / total * 100))
}
let dispatchCost = 3 * baseline
print("dispatch (within the above)".padding(toLength: 30, withPad: " ", startingAt: 0)
      + String(format: " %8.1f µs  %5.1f%%  (at most: 3 × the wordcount call)", dispatchCost, dispatchCost / total * 100))

// The cost of --isolate: the same plugins through a chain whose plugin runs
// in a worker process (the release newshost next to the plugins).
let workerExecutable = URL(fileURLWithPath: options.plugins).appendingPathComponent("newshost").path
func chainCost(_ id: String, isolated: Bool) throws -> Double {
    let chain = try Chain.load(plugins: [id], searchPath: searchPath, options: [], logHandler: { _ in }, workers: 1,
                               isolate: isolated ? .all : .none, isolation: IsolationSettings(workerExecutable: workerExecutable))
    defer { chain.destroy() }
    let seconds = try Timing.median(passes: options.repeats, warmUp: false) {
        for article in sample { _ = try chain.analyze(article) }
    }
    return seconds / Double(sample.count) * 1e6
}
print("\n--isolate, per article (chain of one plugin, 1 core)")
print("plugin        in-process µs   isolated µs   added µs   × in-process")
for id in ["wordcount", "classify", "summarize"] {
    let inside = try chainCost(id, isolated: false), outside = try chainCost(id, isolated: true)
    report.record("\(id) in-process, chain of one", inside, unit: "µs/article")
    report.record("\(id) isolated, chain of one", outside, unit: "µs/article")
    print(id.padding(toLength: 13, withPad: " ", startingAt: 0)
          + String(format: " %13.1f %13.1f %10.1f %14.2f", inside, outside, outside - inside, outside / inside))
}
try report.write(json: arguments.optional("--json"))
