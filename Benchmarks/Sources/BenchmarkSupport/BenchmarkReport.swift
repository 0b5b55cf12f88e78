import Foundation

/// A benchmark's figures, printed as they come and written as JSON at the
/// end (`--json FILE`), with the machine they were measured on.
public struct BenchmarkReport {
    /// One measured figure.
    public struct Figure: Encodable {
        /// What was measured: "parse alone", "summarize, 1,000-char bodies".
        public var name: String
        /// The value, in `unit`.
        public var value: Double
        /// "MB/s", "µs/article", "ns/call", "×", "KiB".
        public var unit: String
    }

    private struct Machine: Encodable {
        var cpus = ProcessInfo.processInfo.activeProcessorCount
        var system = ProcessInfo.processInfo.operatingSystemVersionString
        var memoryBytes = ProcessInfo.processInfo.physicalMemory
    }

    private struct Document: Encodable {
        var benchmark: String
        var machine = Machine()
        var settings: [String: String]
        var figures: [Figure]
    }

    /// The benchmark's name, as its executable is called.
    public let benchmark: String
    /// How it was run: corpus size, passes and so on.
    public var settings: [String: String] = [:]
    /// The figures, in the order they were measured.
    public private(set) var figures: [Figure] = []

    /// An empty report for `benchmark`.
    public init(benchmark: String) { self.benchmark = benchmark }

    /// Records a figure.
    public mutating func record(_ name: String, _ value: Double, unit: String) {
        figures.append(Figure(name: name, value: value, unit: unit))
    }

    /// Writes the report as JSON to `path` (nothing when nil).
    public func write(json path: String?) throws {
        guard let path else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = Document(benchmark: benchmark, settings: settings, figures: figures)
        try encoder.encode(document).write(to: URL(fileURLWithPath: path))
    }
}
