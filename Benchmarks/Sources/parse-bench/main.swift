import Foundation
import NewsHostCore

// parse-bench: the page parser's throughput on one core and its peak memory,
// against a baseline measured in the same run: decoding alone (UTF-8
// validation, line ends, the blank-file check), which every parse pays.
//
//   parse-bench --corpus DIR [--repeat N]
//
// Make a corpus with scripts/gen-corpus (Benchmarks/parse does both).

var corpus = ""
var repeats = 5
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let flag = arguments.next() {
    switch flag {
    case "--corpus": corpus = arguments.next() ?? ""
    case "--repeat": repeats = Int(arguments.next() ?? "") ?? repeats
    default: fatalError("unknown flag \(flag); usage: parse-bench --corpus DIR [--repeat N]")
    }
}
guard !corpus.isEmpty else { fatalError("usage: parse-bench --corpus DIR [--repeat N]") }

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Median of `repeats` timings of `body`, in seconds, after one warm-up run.
func median(_ repeats: Int, _ body: () throws -> Void) rethrows -> Double {
    try body()
    var times: [Double] = []
    for _ in 0..<max(1, repeats) {
        let start = now()
        try body()
        times.append(now() - start)
    }
    return times.sorted()[times.count / 2]
}

/// A field of /proc/self/status in KiB (VmRSS, VmHWM).
func status(_ field: String) -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
    return 0
}

/// Resets the peak resident size the kernel keeps (Linux 4.0 and later).
func resetPeak() {
    try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
}

let inputs = try InputSource.expand([corpus])
let pages = try inputs.map { (try $0.readBytes(), $0.name) }
let bytes = pages.reduce(0) { $0 + $1.0.count }
let megabytes = Double(bytes) / 1_048_576
let parser = LayoutPageParser()

var articles = 0
let decodeSeconds = try median(repeats) {
    for (page, name) in pages { _ = try TextDecoding.decode(page, path: name) }
}
let parseSeconds = try median(repeats) {
    articles = 0
    for (page, name) in pages {
        articles += parser.parse(try TextDecoding.decode(page, path: name), source: name).articles.count
    }
}

// Peak memory of a streaming parse (read, decode, parse, drop, page by page),
// above what the process held before it.
let (largest, _) = pages.max { $0.0.count < $1.0.count }!
let before = status("VmRSS")
resetPeak()
for input in inputs {
    _ = parser.parse(try TextDecoding.decode(try input.readBytes(), path: input.name), source: input.name)
}
let peak = status("VmHWM")

print("corpus: \(pages.count) pages, \(String(format: "%.1f", megabytes)) MiB, \(articles) articles, largest page \(largest.count / 1024) KiB")
print(String(format: "decode only (baseline):  %7.1f MB/s", megabytes / decodeSeconds))
print(String(format: "decode + parse:          %7.1f MB/s  (%.1f µs/article; %.1f× the decode time)",
             megabytes / parseSeconds, parseSeconds / Double(max(1, articles)) * 1e6, parseSeconds / decodeSeconds))
print(String(format: "parse alone (difference):%7.1f MB/s   target ≥ 100 MB/s: %@", megabytes / (parseSeconds - decodeSeconds),
             megabytes / (parseSeconds - decodeSeconds) >= 100 ? "met" : "not met"))
print("peak memory of a streaming parse: \(max(0, peak - before)) KiB above the \(before / 1024) MiB held before (corpus held in memory for the timings)")
