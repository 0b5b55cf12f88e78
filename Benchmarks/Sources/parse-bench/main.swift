import Foundation
import BenchmarkSupport
import NewsHostCore

// parse-bench: the page parser's throughput on one core and its peak memory,
// against a baseline measured in the same run: decoding alone (UTF-8
// validation, line ends, the blank-file check), which every parse pays.
//
//   parse-bench --corpus DIR [--repeat N] [--json FILE]
//
// Make a corpus with scripts/gen-corpus (Benchmarks/parse does both).

let arguments = BenchmarkArguments(
    usage: "parse-bench --corpus DIR [--repeat N] [--json FILE]", valued: ["--corpus", "--repeat", "--json"])
let corpus = arguments.string("--corpus")
let repeats = arguments.int("--repeat", default: 5)
var report = BenchmarkReport(benchmark: "parse-bench")
report.settings = ["corpus": corpus, "passes": "\(repeats)"]

let inputs = try InputSource.expand([corpus])
let pages = try inputs.map { (try $0.readBytes(), $0.name) }
let bytes = pages.reduce(0) { $0 + $1.0.count }
let megabytes = Double(bytes) / 1_048_576
let parser = LayoutPageParser()

var articles = 0
let decodeSeconds = try Timing.median(passes: repeats) {
    for (page, name) in pages { _ = try TextDecoding.decode(page, path: name) }
}
let parseSeconds = try Timing.median(passes: repeats) {
    articles = 0
    for (page, name) in pages {
        articles += parser.parse(try TextDecoding.decode(page, path: name), source: name).articles.count
    }
}

// Peak memory of a streaming parse (read, decode, parse, drop, page by page),
// above what the process held before it.
let (largest, _) = pages.max { $0.0.count < $1.0.count }!
let before = ProcessMemory.kibibytes("VmRSS")
ProcessMemory.resetPeak()
for input in inputs {
    _ = parser.parse(try TextDecoding.decode(try input.readBytes(), path: input.name), source: input.name)
}
let peak = ProcessMemory.kibibytes("VmHWM")

print("corpus: \(pages.count) pages, \(String(format: "%.1f", megabytes)) MiB, \(articles) articles, largest page \(largest.count / 1024) KiB")
print(String(format: "decode only (baseline):  %7.1f MB/s", megabytes / decodeSeconds))
print(String(format: "decode + parse:          %7.1f MB/s  (%.1f µs/article; %.1f× the decode time)",
             megabytes / parseSeconds, parseSeconds / Double(max(1, articles)) * 1e6, parseSeconds / decodeSeconds))
print(String(format: "parse alone (difference):%7.1f MB/s   target ≥ 100 MB/s: %@", megabytes / (parseSeconds - decodeSeconds),
             megabytes / (parseSeconds - decodeSeconds) >= 100 ? "met" : "not met"))
print("peak memory of a streaming parse: \(max(0, peak - before)) KiB above the \(before / 1024) MiB held before (corpus held in memory for the timings)")

report.record("decode only (baseline)", megabytes / decodeSeconds, unit: "MB/s")
report.record("decode + parse", megabytes / parseSeconds, unit: "MB/s")
report.record("decode + parse per article", parseSeconds / Double(max(1, articles)) * 1e6, unit: "µs/article")
report.record("parse alone (difference)", megabytes / (parseSeconds - decodeSeconds), unit: "MB/s")
report.record("peak memory of a streaming parse above the start", Double(max(0, peak - before)), unit: "KiB")
try report.write(json: arguments.optional("--json"))
