import CProcessSupport
import Foundation
import NewsHostCore
import PluginHost
import Synchronization

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
    public init(
        reader: PageReader = PageReader(), policy: ErrorPolicy = .stop, onProblem: @escaping (String) -> Void,
        onProgress: ((RunProgress) -> Void)? = nil, shouldStop: @escaping @Sendable () -> Bool = { false }
    ) {
        self.reader = reader
        self.policy = policy
        self.onProblem = onProblem
        self.onProgress = onProgress
        self.shouldStop = shouldStop
    }

    /// A piece of work for the workers: a whole input, or a piece of a
    /// line-oriented one (the feeder reads those, so that one stream keeps
    /// every worker busy).
    private enum Work: Sendable {
        /// Read and parse the input on the worker.
        case input(InputSource)
        /// An input the feeder already read whole (a page on stdin).
        case bytes(InputSource, [UInt8])
        /// Lines of a stream in `format`.
        case lines(Stream, InputFormat, LineChunks.Chunk)
        /// The feeder could not open or read on (the whole input, or the rest of a stream).
        case refused(InputSource, InputError, Stream?)
        /// A stream has no more pieces; `records` non-blank lines were sent.
        case end(Stream, records: Int)
    }

    /// One input read as pieces: shared by the feeder, the workers and the
    /// ordered stage, which abandons it after a bad line so that nothing
    /// more of it is read or exported.
    private final class Stream: Sendable {
        let source: InputSource
        private let abandonedFlag = Flag()
        var isAbandoned: Bool { abandonedFlag.isSet }
        func abandon() { abandonedFlag.set() }
        init(_ source: InputSource) { self.source = source }
    }

    /// What a worker made of a piece of work, in the order it was handed out.
    private struct Outcome: Sendable {
        /// Analyzed articles (or the failure that ended one), in input order.
        var articles: [Result<Chain.Processed, PluginCallError>] = []
        /// Bad records skipped (`--bad-input skip`).
        var skipped: [InputError] = []
        /// Why the input was refused, or (a stream) why it ended early.
        var problem: InputError?
        var bytes = 0
        /// The stream the piece belongs to; nil for a whole input.
        var stream: Stream?
        /// Whether this is the first piece of its input (counted as read).
        var startsInput = true
        /// Whether this is the last piece of its input (counted as handled).
        var endsInput = true
        /// Not started: the run was stopping.
        var notStarted = false
        /// The worker that made it, and frees it once it is exported.
        var worker = 0
    }

    /// Runs every input through `chain`, then finishes the chain. Input
    /// problems are reported and skipped; a plugin failure stops the run or
    /// skips the article, as ``policy`` says. Exporters see the articles in
    /// input order, and exactly those before the first failure when the run
    /// stops, whatever the number of workers. `finish` is always called, so
    /// exporters commit output complete for the articles that went through.
    ///
    /// JSON Lines and page records are streamed: read in pieces of whole
    /// lines (``LineChunks``) that every worker takes, exported in order as
    /// soon as they are ready, so memory stays flat whatever the input's
    /// size and output starts before the input ends. A bad line (without
    /// `--bad-input skip`) ends its input there: the records before it go
    /// through, the rest is not read.
    ///
    /// The ordered stage runs on the calling thread, as batch work
    /// (`SCHED_BATCH`) until the run returns, when the thread has its own
    /// policy back.
    public func run(_ inputs: [InputSource], through chain: Chain) -> RunReport {
        let start = Date()
        var report = RunReport()
        let jobs = chain.workerCount
        let work = BoundedQueue<(Int, Work)>(capacity: jobs * 2)
        let results = BoundedQueue<(Int, Outcome)>(capacity: jobs * 2)
        // One per worker: what a worker allocated, it frees, into its own
        // allocator caches, not another thread's.
        let exported = (0..<jobs).map { _ in Disposal<Outcome>() }
        let stopping = Flag()
        let reader = self.reader
        let policy = self.policy
        let shouldStop = self.shouldStop

        let feeder = Thread {
            // Threads are named for whoever looks at a running process
            // (top -H, gdb, perf): "nh reader", "nh job 1", …
            Thread.current.name = "nh reader"
            var sequence = 0
            let send = { (item: Work) -> Bool in
                defer { sequence += 1 }
                return work.put((sequence, item))
            }
            for input in inputs {
                if stopping.isSet || shouldStop() { break }
                if !Self.feed(input, reader: reader, send: send, stop: { stopping.isSet || shouldStop() }) { break }
            }
            work.close()
        }
        feeder.start()
        let done = DispatchGroup()
        for worker in 0..<jobs {
            done.enter()
            let thread = Thread {
                defer { done.leave() }
                Thread.current.name = "nh job \(worker + 1)"
                while let (sequence, item) = work.take() {
                    exported[worker].free()
                    // After a failure that stops the run, or an interrupt, work
                    // not started yet is skipped; what is in progress finishes.
                    var outcome = Self.handle(
                        item, worker: worker, chain: chain, reader: reader, policy: policy,
                        skip: stopping.isSet || shouldStop())
                    outcome.worker = worker
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

        // This thread wakes for every piece a worker finishes; it exports
        // in turn with the workers instead of interrupting one each time
        // (on 2 cores both chains ran faster, the one with an exporter
        // more: docs/performance.md, session 22). Not the feeder: batch
        // work, it let the work queue run dry, and both chains ran 5 %
        // slower.
        let scheduling = nh_schedule_as_batch()
        defer { nh_schedule_restore(scheduling) }
        var pending: [Int: Outcome] = [:]
        var next = 0
        var bytes = 0
        var inputsHandled = 0
        receive: while let (sequence, outcome) = results.take() {
            pending[sequence] = outcome
            while let outcome = pending.removeValue(forKey: next) {
                // Freed by its worker, not on this thread that every article passes through.
                defer { exported[outcome.worker].keep(outcome) }
                next += 1
                if outcome.endsInput { inputsHandled += 1 }
                guard !stopping.isSet, !outcome.notStarted, outcome.stream?.isAbandoned != true else { continue }
                bytes += outcome.bytes
                // An input refused before any of it went through counts as refused, not read.
                if outcome.startsInput && (outcome.problem == nil || !outcome.articles.isEmpty) {
                    report.inputsRead += 1
                }
                for problem in outcome.skipped {
                    report.skippedRecords.append(problem)
                    onProblem(problem.description + "; record skipped")
                    onError?(ErrorRecord(problem, skipped: true))
                }
                for index in outcome.articles.indices {
                    report.articlesRead += 1
                    do throws(PluginCallError) {
                        // Read where it lies: every copy of an article retains
                        // and releases each of its texts, on this thread that
                        // every article passes through, in memory the workers
                        // wrote (a `for` over the results and `get()` made two
                        // copies; this makes one).
                        try Self.export(outcome.articles[index], through: chain)
                        report.articlesCompleted += 1
                    } catch {
                        report.pluginFailures.append(error)
                        onProblem(
                            error.description
                                + (policy == .skip ? "; article skipped" : "; stopping (use --on-error skip to go on)"))
                        onError?(ErrorRecord(error))
                        if policy == .stop {
                            report.stoppedEarly = true
                            stopping.set()
                            work.close()
                            continue receive
                        }
                    }
                }
                if let problem = outcome.problem {
                    let partial = outcome.stream != nil && (!outcome.startsInput || !outcome.articles.isEmpty)
                    report.inputProblems.append(problem)
                    onProblem(
                        problem.description
                            + (partial ? "; the lines before it went through, the rest of the input was not read" : ""))
                    onError?(ErrorRecord(problem, skipped: false))
                    outcome.stream?.abandon()
                }
                onProgress?(
                    RunProgress(
                        inputs: inputsHandled, articles: report.articlesCompleted, bytes: bytes,
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

    /// Exports an analyzed article, or throws the failure that ended it.
    private static func export(
        _ result: borrowing Result<Chain.Processed, PluginCallError>, through chain: Chain
    ) throws(PluginCallError) {
        switch result {
        case .success(let processed): try chain.export(processed)
        case .failure(let error): throw error
        }
    }

    /// Hands `input` to the workers as `send` takes it: whole, or (a
    /// line-oriented input) as pieces read here. `false` when the queue was
    /// closed and the run is stopping.
    private static func feed(_ input: InputSource, reader: PageReader, send: (Work) -> Bool, stop: () -> Bool) -> Bool {
        var plan = reader.plan(for: input)
        if plan == .whole { return send(.input(input)) }
        let chunks: LineChunks
        do {
            chunks = try LineChunks(input, maximumLineBytes: reader.maximumLineBytes)
            // An input that is not to be cut into lines after all: a worker
            // reads a file again; stdin, which cannot be read twice, is read
            // here, within `limit`.
            func whole(limit: Int) throws(InputError) -> Bool {
                guard input.displayPath == "-" else { return send(.input(input)) }
                guard let bytes = try chunks.rest(limit: limit, shouldStop: stop) else { return false }
                return send(.bytes(input, bytes))
            }
            guard let head = try chunks.peek(4096, shouldStop: stop) else { return false }
            // UTF-16 cannot be cut at line-feed bytes: read whole, as before streaming.
            if !LineChunks.canSplit(startingWith: head) {
                return try whole(limit: plan == .sniff ? reader.maximumPageBytes : .max)
            }
            if plan == .sniff {
                guard ArticleJSONReader.looksLikeJSONLines(head) else {
                    return try whole(limit: reader.maximumPageBytes)
                }
                plan = .lines(.jsonLines)
            }
        } catch {
            return send(.refused(input, error, nil))
        }
        guard case .lines(let format) = plan else { return send(.input(input)) }
        let stream = Stream(input)
        do {
            while !stream.isAbandoned, let chunk = try chunks.next(shouldStop: { stop() || stream.isAbandoned }) {
                guard send(.lines(stream, format, chunk)) else { return false }
            }
        } catch {
            // The ordered stage abandons the stream at this refusal, so the
            // end marker that follows is not counted again.
            guard send(.refused(input, error, stream)) else { return false }
        }
        return send(.end(stream, records: chunks.records))
    }

    /// Handles one piece of work on a worker thread: reads and parses it
    /// unless the feeder did, then runs its articles through the chain.
    private static func handle(
        _ item: Work, worker: Int, chain: Chain, reader: PageReader, policy: ErrorPolicy,
        skip: Bool
    ) -> Outcome {
        var outcome = Outcome()
        let page: Page
        switch item {
        case .end(let stream, let records):
            outcome.stream = stream
            // A file with no record at all is refused as empty (an empty
            // stdin is an empty partition: no articles, no error).
            outcome.startsInput = records == 0
            if records == 0, stream.source.displayPath != "-" {
                outcome.problem = .empty(path: stream.source.displayPath)
            }
            return outcome
        case .refused(_, let problem, let stream):
            outcome.problem = problem
            outcome.stream = stream
            outcome.endsInput = stream == nil
            outcome.startsInput = stream == nil
            return outcome
        case .lines(let stream, let format, let chunk):
            outcome.stream = stream
            outcome.bytes = chunk.bytes.count
            // The piece with the input's first record starts it; blank lines
            // before it do not (an input of blank lines only is started,
            // and refused as empty, by its end marker).
            outcome.startsInput = chunk.position.recordsBefore == 0 && chunk.records > 0
            outcome.endsInput = false
            guard !skip, !stream.isAbandoned else {
                outcome.notStarted = true
                return outcome
            }
            let read = reader.read(chunk, format: format, from: stream.source)
            outcome.problem = read.stoppedBy
            page = read.page
        case .input(let input), .bytes(let input, _):
            guard !skip else {
                outcome.notStarted = true
                return outcome
            }
            do {
                let bytes: [UInt8]
                if case .bytes(_, let given) = item {
                    bytes = given
                } else {
                    bytes = try input.readBytes(pageLimit: reader.maximumPageBytes)
                }
                outcome.bytes = bytes.count
                page = try reader.read(bytes: bytes, from: input)
            } catch let error as InputError {
                outcome.problem = error
                return outcome
            } catch {
                outcome.problem = .unreadable(path: input.displayPath, reason: "\(error)")
                return outcome
            }
        }
        outcome.skipped = page.skipped
        for article in page.articles {
            do {
                outcome.articles.append(.success(try chain.analyze(article, worker: worker)))
            } catch {
                outcome.articles.append(.failure(error))
                if policy == .stop { break }
            }
        }
        return outcome
    }
}

/// A flag threads can set and read.
final class Flag: Sendable {
    private let value = Atomic<Bool>(false)

    var isSet: Bool { value.load(ordering: .acquiring) }

    func set() { value.store(true, ordering: .releasing) }
}
