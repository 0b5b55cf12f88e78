import Foundation
import NewsHostCore
import PluginHost

/// Where a run is, for a progress line.
public struct RunProgress: Sendable {
    /// Inputs handled so far (parsed or refused).
    public var inputs: Int
    /// Articles exported (or completed, without exporters) so far.
    public var articles: Int
    /// Bytes of input handled so far.
    public var bytes: Int
    /// Seconds since the run started.
    public var seconds: Double
}

/// Reads inputs, parses them and sends every article through a chain, as a
/// streaming pipeline:
///
///     feeder ─▶ [inputs, bounded] ─▶ N workers: read, parse, classify, summarize
///            ─▶ [results, bounded] ─▶ this thread: reorder, export in input order
///
/// N is the chain's worker count (`--jobs`). Pages are the unit of work, so
/// parsing is parallel too; at most a few pages per worker are in memory at
/// once, whatever the size of the input.
public struct Runner {
    /// How inputs become pages.
    public var reader: PageReader
    /// What a failing article does to the run.
    public var policy: ErrorPolicy
    /// Called with every problem as it happens, on the calling thread.
    public var onProblem: (String) -> Void
    /// Called after every input, on the calling thread.
    public var onProgress: ((RunProgress) -> Void)?
    /// Called with every problem as a record (`--errors-to`), on the calling thread.
    public var onError: ((ErrorRecord) -> Void)?
    /// Polled between inputs: `true` stops reading (an interrupt, for example).
    public var shouldStop: @Sendable () -> Bool

    /// Creates a runner.
    public init(reader: PageReader = PageReader(), policy: ErrorPolicy = .stop, onProblem: @escaping (String) -> Void,
                onProgress: ((RunProgress) -> Void)? = nil, shouldStop: @escaping @Sendable () -> Bool = { false }) {
        self.reader = reader
        self.policy = policy
        self.onProblem = onProblem
        self.onProgress = onProgress
        self.shouldStop = shouldStop
    }

    private enum Outcome: @unchecked Sendable {
        case refused(InputError, bytes: Int)
        case page(articles: [Result<Chain.Processed, PluginCallError>], skipped: [InputError], bytes: Int)
        case skipped
    }

    /// Runs every input through `chain`, then finishes the chain. Input
    /// problems are reported and skipped; a plugin failure stops the run or
    /// skips the article, as ``policy`` says. Exporters see the articles in
    /// input order, and exactly those before the first failure when the run
    /// stops, whatever the number of workers. `finish` is always called, so
    /// exporters commit output complete for the articles that went through.
    public func run(_ inputs: [InputSource], through chain: Chain) -> RunReport {
        let start = Date()
        var report = RunReport()
        let jobs = chain.workerCount
        let work = BoundedQueue<(Int, InputSource)>(capacity: jobs * 2)
        let results = BoundedQueue<(Int, Outcome)>(capacity: jobs * 2)
        let stopping = Flag()
        let reader = self.reader, policy = self.policy, shouldStop = self.shouldStop

        let feeder = Thread {
            for item in inputs.enumerated() {
                if stopping.isSet || shouldStop() { break }
                if !work.put((item.offset, item.element)) { break }
            }
            work.close()
        }
        feeder.start()
        let done = DispatchGroup()
        for worker in 0..<jobs {
            done.enter()
            let thread = Thread {
                defer { done.leave() }
                while let (sequence, input) = work.take() {
                    // After a failure that stops the run, or an interrupt, inputs
                    // not started yet are skipped; those in progress finish.
                    let outcome = stopping.isSet || shouldStop()
                        ? .skipped : Self.handle(input, worker: worker, chain: chain, reader: reader, policy: policy)
                    if !results.put((sequence, outcome)) { break }
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        let closer = Thread {
            done.wait()
            results.close()
        }
        closer.start()

        var pending: [Int: Outcome] = [:]
        var next = 0, bytes = 0
        receive: while let (sequence, outcome) = results.take() {
            pending[sequence] = outcome
            while let outcome = pending.removeValue(forKey: next) {
                next += 1
                guard !stopping.isSet else { continue }
                switch outcome {
                case .skipped:
                    continue
                case .refused(let problem, let size):
                    bytes += size
                    report.inputProblems.append(problem)
                    onProblem(problem.description)
                    onError?(ErrorRecord(problem, skipped: false))
                case .page(let articles, let skipped, let size):
                    bytes += size
                    report.inputsRead += 1
                    for problem in skipped {
                        report.skippedRecords.append(problem)
                        onProblem(problem.description + "; record skipped")
                        onError?(ErrorRecord(problem, skipped: true))
                    }
                    for result in articles {
                        report.articlesRead += 1
                        do {
                            try chain.export(try result.get())
                            report.articlesCompleted += 1
                        } catch {
                            report.pluginFailures.append(error)
                            onProblem(error.description + (policy == .skip ? "; article skipped" : "; stopping (use --on-error skip to go on)"))
                            onError?(ErrorRecord(error))
                            if policy == .stop {
                                report.stoppedEarly = true
                                stopping.set()
                                work.close()
                                continue receive
                            }
                        }
                    }
                }
                onProgress?(RunProgress(inputs: next, articles: report.articlesCompleted, bytes: bytes,
                                        seconds: Date().timeIntervalSince(start)))
                if shouldStop() && !report.interrupted {
                    // No new input starts; what is in progress is still
                    // exported (unlike a failure with --on-error stop, after
                    // which nothing more is).
                    report.stoppedEarly = true
                    report.interrupted = true
                    work.close()
                }
            }
        }
        for failure in chain.finish() {
            report.pluginFailures.append(failure)
            onProblem(failure.description)
            onError?(ErrorRecord(failure))
        }
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    /// Reads, parses and analyzes one input on a worker thread.
    private static func handle(_ input: InputSource, worker: Int, chain: Chain, reader: PageReader, policy: ErrorPolicy) -> Outcome {
        let page: Page
        var size = 0
        do {
            let bytes = try input.readBytes(pageLimit: reader.maximumPageBytes)
            size = bytes.count
            page = try reader.read(bytes: bytes, from: input)
        } catch let error as InputError {
            return .refused(error, bytes: size)
        } catch {
            return .refused(.unreadable(path: input.displayPath, reason: "\(error)"), bytes: size)
        }
        var articles: [Result<Chain.Processed, PluginCallError>] = []
        for article in page.articles {
            do {
                articles.append(.success(try chain.analyze(article, worker: worker)))
            } catch {
                articles.append(.failure(error))
                if policy == .stop { break }
            }
        }
        return .page(articles: articles, skipped: page.skipped, bytes: size)
    }
}

/// A flag threads can set and read.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }
}
