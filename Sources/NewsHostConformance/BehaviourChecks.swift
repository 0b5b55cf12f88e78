import CProcessSupport
import Foundation
import Locking
import NewsHostABI
import NewsHostCore
import PluginHost

/// Levels 2 and 3: what the plugin does when it runs.
struct BehaviourChecks {
    /// A check that passed with a note, or was skipped with a reason.
    struct Note {
        var message = ""
        var skipped = false
        var metrics: [String: Double]?
    }

    let worker: Worker
    private let refusals = RefusalLog()

    /// Messages of results the host refused, from any thread.
    final class RefusalLog: Sendable {
        private let messages = LockedValue<[String]>([])
        func append(_ message: String) { messages.withLock { $0.append(message) } }
        var first: String? { messages.withLock { $0.first } }
    }

    init(worker: Worker) {
        self.worker = worker
    }

    func run(_ check: Check) throws -> Note {
        let library: PluginLibrary
        do {
            library = try PluginLibrary(path: worker.pluginPath)
        } catch {
            throw CheckFailure("the plugin does not load (\(error)); fix the level 1 checks first")
        }
        switch check {
        case .createDestroy: destroy(try instance(library))
        case .unknownOption:
            try refusesCreate(
                library, with: [("conformance-unknown-option", "1")],
                what: "the unknown option `conformance-unknown-option`")
        case .badValue: return try badValues(library)
        case .destroyWithoutProcess: return try destroyWithoutProcess(library)
        case .finishEmpty:
            let plugin = try instance(library)
            try finish(plugin)
            destroy(plugin)
        case .seeds: return try seeds(library)
        case .hostile: return try hostile(library)
        case .guardedView: return try guardedView(library)
        case .outputs: try outputs(library)
        case .exporterPath: return try exporterPath(library)
        case .determinism: try determinism(library)
        case .instances: return try severalInstances(library)
        case .globalState: try globalState(library)
        case .threads: return try threads(library)
        case .volume: return try volume(library)
        default: break
        }
        return Note()
    }

    // MARK: - Instances

    private var logHandler: PluginLogHandler {
        let refusals = self.refusals
        return { message in
            // Results the host refused, and a failure reported with NH_OK.
            if message.message.hasPrefix("host refused") || message.message.hasPrefix("called set_error") {
                refusals.append(message.message)
            }
        }
    }

    private func options(_ library: PluginLibrary, directory: String? = nil) -> [(key: String, value: String)] {
        ScratchOptions.defaults(for: library.descriptor, in: directory ?? worker.scratchDirectory)
    }

    private func instance(
        _ library: PluginLibrary, options given: [(key: String, value: String)]? = nil
    ) throws -> PluginInstance {
        do {
            worker.leaveBreadcrumb(Breadcrumb("create"))
            return try PluginInstance(library: library, options: given ?? options(library), logHandler: logHandler)
        } catch {
            throw CheckFailure("create failed with the default options: \(error)")
        }
    }

    /// Ends a run as the host does: `finish`, then `commit` for a two-phase exporter.
    private func finish(_ plugin: PluginInstance) throws {
        try finishOnly(plugin)
        try commit(plugin)
    }

    private func finishOnly(_ plugin: PluginInstance) throws {
        worker.leaveBreadcrumb(Breadcrumb("finish"))
        do { try plugin.finish() } catch { throw CheckFailure("finish failed: \(error)") }
    }

    private func commit(_ plugin: PluginInstance) throws {
        guard plugin.commitsSeparately else { return }
        worker.leaveBreadcrumb(Breadcrumb("commit"))
        do { try plugin.commit() } catch { throw CheckFailure("commit failed: \(error)") }
    }

    private func destroy(_ plugin: PluginInstance) {
        worker.leaveBreadcrumb(Breadcrumb("destroy"))
        plugin.destroy()
    }

    private func refusesCreate(
        _ library: PluginLibrary, with extra: [(key: String, value: String)], what: String
    ) throws {
        do {
            worker.leaveBreadcrumb(Breadcrumb("create"))
            let plugin = try PluginInstance(library: library, options: options(library) + extra, logHandler: logHandler)
            destroy(plugin)
            throw CheckFailure(
                "create accepted \(what); refuse it: return NH_ERR_BAD_CONFIG after set_error(host, NULL, \"…what is wrong and what is accepted…\")"
            )
        } catch let error as PluginCallError {
            guard case .createFailed(_, let status, let message) = error, status < 0 else {
                throw CheckFailure("\(error)")
            }
            guard let message, !message.isEmpty else {
                throw CheckFailure(
                    "create refused \(what) with \(PluginCallError.statusName(status)) but said nothing; call set_error with a message for the user"
                )
            }
        }
    }

    /// Values of the right type at the edges of what the type allows. The
    /// host validates types before `create` (the header's rule), so the suite
    /// never passes a wrongly typed value; a plugin must accept each of these
    /// or refuse it with NH_ERR_BAD_CONFIG and a message, never fail silently.
    static func edgeValues(for type: OptionType) -> [String] {
        switch type {
        case .int: return ["0", "-1", "2147483647", "-9223372036854775808"]
        case .float: return ["0", "-1", "1e300", "-0.000001"]
        case .bool: return ["true", "false"]
        case .choice(let words): return words
        case .string, .path: return []
        }
    }

    private func badValues(_ library: PluginLibrary) throws -> Note {
        let typed = library.descriptor.options.filter { !Self.edgeValues(for: $0.type).isEmpty }
        guard !typed.isEmpty else { return Note(message: "no option with a checkable type", skipped: true) }
        for option in typed {
            for value in Self.edgeValues(for: option.type) {
                var values = options(library)
                if let index = values.firstIndex(where: { $0.key == option.key }) { values[index].value = value }
                worker.leaveBreadcrumb(Breadcrumb("create", detail: "with \(option.key)=\(value)"))
                let created = Result { () throws(PluginCallError) in
                    try PluginInstance(library: library, options: values, logHandler: logHandler)
                }
                switch created {
                case .success(let plugin):
                    destroy(plugin)
                case .failure(.createFailed(_, let status, let message?))
                where status == PluginStatus.badConfig.rawValue && !message.isEmpty:
                    continue
                case .failure(let error):
                    throw CheckFailure(
                        "create failed on \(option.key)=\(value), a valid \(option.type.name), without NH_ERR_BAD_CONFIG and a message (\(error)); accept it or refuse it saying why"
                    )
                }
            }
        }
        return Note(message: "checked \(typed.map(\.key).joined(separator: ", ")) at the edges of their types")
    }

    private func destroyWithoutProcess(_ library: PluginLibrary) throws -> Note {
        let directory = try freshDirectory()
        let plugin = try instance(library, options: options(library, directory: directory))
        destroy(plugin)
        if library.descriptor.kind == .exporter {
            let left = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            guard left.isEmpty else {
                throw CheckFailure(
                    "an exporter destroyed without finish left \(left.joined(separator: ", ")); write to a temporary file and rename it in finish, remove it in destroy"
                )
            }
        }
        return Note()
    }

    // MARK: - Processing

    private func process(_ plugin: PluginInstance, _ articles: [Article]) throws -> [Annotations] {
        try articles.map { article in
            worker.leaveBreadcrumb(Breadcrumb("process", article: article.id))
            do { return try plugin.process(article, annotations: Annotations()) } catch {
                throw CheckFailure("\(error)")
            }
        }
    }

    private func seeds(_ library: PluginLibrary) throws -> Note {
        let articles = SampleArticles.seeds(in: worker.seedsDirectory)
        let plugin = try instance(library)
        _ = try process(plugin, articles)
        try finish(plugin)
        let builtIn = articles.first?.source == SampleArticles.builtInSource
        return Note(
            message: "\(articles.count) articles"
                + (builtIn ? " (built-in: no sample pages were found; pass --seeds DIR for real ones)" : ""))
    }

    private func hostile(_ library: PluginLibrary) throws -> Note {
        let plugin = try instance(library)
        var refused: [String] = []
        for article in SampleArticles.hostile {
            worker.leaveBreadcrumb(
                Breadcrumb("process", article: String(decoding: article.id, as: UTF8.self), detail: "a hostile article")
            )
            do {
                _ = try plugin.process(raw: article)
            } catch {
                guard case .processFailed(_, let id, _, let message) = error, message?.isEmpty == false else {
                    throw CheckFailure(
                        "process failed without a message on \(String(decoding: article.id, as: UTF8.self)); call set_error with the reason"
                    )
                }
                refused.append(id)
            }
        }
        try finish(plugin)
        return Note(message: refused.isEmpty ? "" : "refused with a message: \(refused.joined(separator: ", "))")
    }

    private func outputs(_ library: PluginLibrary) throws {
        let articles = SampleArticles.seeds(in: worker.seedsDirectory)
        let plugin = try instance(library)
        let results = try process(plugin, articles)
        for article in SampleArticles.hostile { _ = try? plugin.process(raw: article) }
        try finish(plugin)
        if let first = refusals.first {
            throw CheckFailure("a result broke the contract: \(first)")
        }
        let kind = library.descriptor.kind
        for (article, result) in zip(articles, results) {
            switch kind {
            case .classifier where !result.summaries.isEmpty:
                throw CheckFailure(
                    "a classifier set a summary on \(article.id); classifiers add labels (and keywords, fields), summaries are a summarizer's"
                )
            case .summarizer where !result.labels.isEmpty:
                throw CheckFailure("a summarizer added labels on \(article.id); labels are a classifier's result")
            case .exporter where result != Annotations():
                throw CheckFailure("an exporter produced results on \(article.id); exporters only write")
            default:
                break
            }
        }
        for (article, result) in zip(articles, results) where !article.body.isEmpty {
            switch kind {
            case .classifier where result.labels.isEmpty:
                throw CheckFailure(
                    "no label for \(article.id); a classifier adds at least one label (e.g. `other`) to every article")
            case .summarizer:
                guard let summary = result.summaries.last?.text else {
                    throw CheckFailure("no summary for \(article.id), which has a body; a summarizer sets one")
                }
                guard summary.count <= article.body.count else {
                    throw CheckFailure(
                        "the summary of \(article.id) (\(summary.count) characters) is longer than its body (\(article.body.count))"
                    )
                }
            default:
                break
            }
        }
    }

    /// Every seed and hostile article through guarded views: a plugin that
    /// writes to the view, reads past a string's length (`strlen` on an
    /// `nh_str`) or keeps a pointer into an earlier article's view crashes
    /// here, and the breadcrumb says which article and what the rules are.
    private func guardedView(_ library: PluginLibrary) throws -> Note {
        let articles = SampleArticles.seeds(in: worker.seedsDirectory).map(RawArticle.init) + SampleArticles.hostile
        let plugin = try instance(library)
        let earlier = [Label(plugin: "conformance", name: "sample", score: 0.5)]
        for article in articles {
            let id = String(decoding: article.id, as: UTF8.self)
            worker.leaveBreadcrumb(
                Breadcrumb(
                    "process", article: id,
                    detail:
                        "guarded view: a write to the view, a read past a string's length — strings are not NUL-terminated — or a read of an earlier article's view faults here"
                ))
            do {
                _ = try plugin.process(guarded: article, labels: earlier) {
                    worker.leaveBreadcrumb(
                        Breadcrumb(
                            "process", article: id, returned: true,
                            detail: "its view is now unreadable: the plugin read it after the call; copy what you keep")
                    )
                }
            } catch {
                // Refusing an article is allowed here; the other checks judge results.
                continue
            }
        }
        try finish(plugin)
        destroy(plugin)
        return Note(message: "\(articles.count) articles")
    }

    private func exporterPath(_ library: PluginLibrary) throws -> Note {
        guard library.descriptor.kind == .exporter else { return Note(message: "not an exporter", skipped: true) }
        let target = try freshDirectory()
        let elsewhere = try freshDirectory()
        let previous = FileManager.default.currentDirectoryPath
        guard FileManager.default.changeCurrentDirectoryPath(elsewhere) else {
            throw CheckFailure("the check could not change into its scratch directory \(elsewhere)")
        }
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        let values = options(library, directory: target)
        let paths = values.filter { value in
            library.descriptor.options.contains { $0.key == value.key && $0.type == .path }
        }
        .map { ($0.value as NSString).lastPathComponent }
        guard !paths.isEmpty else {
            throw CheckFailure("an exporter needs a path option (type NH_OPTION_PATH) saying where it writes")
        }
        let articles = SampleArticles.seeds(in: worker.seedsDirectory)
        // What a reader of the target would see: a file with content (a
        // database may create its file empty when it opens).
        let visible = {
            Set((try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []).intersection(paths).filter {
                name in
                let size =
                    (try? FileManager.default.attributesOfItem(
                        atPath: (target as NSString).appendingPathComponent(name)))?[.size]
                return (size as? NSNumber)?.intValue != 0
            }
        }
        let plugin = try instance(library, options: values)
        _ = try process(plugin, articles)
        try finishOnly(plugin)
        let twoPhase = plugin.commitsSeparately
        if twoPhase, !visible().isEmpty {
            throw CheckFailure(
                "\(visible().sorted()) appeared in finish, but the exporter has a commit hook: finish only fsyncs the temporary file, commit renames it into place (a crash in another plugin's finish must leave the target as it was)"
            )
        }
        try commit(plugin)
        destroy(plugin)
        let written = Set((try? FileManager.default.contentsOfDirectory(atPath: target)) ?? [])
        let stray = (try? FileManager.default.contentsOfDirectory(atPath: elsewhere)) ?? []
        guard written.isSubset(of: Set(paths)), !written.isEmpty else {
            throw CheckFailure(
                "after \(twoPhase ? "commit" : "finish") the output directory holds \(written.sorted()) instead of \(paths); write exactly the path you were given"
            )
        }
        guard stray.isEmpty else {
            throw CheckFailure(
                "the exporter wrote \(stray) in the current directory; write only the path you were given")
        }
        guard twoPhase else { return Note() }

        // Finished but never committed (another plugin's finish failed or
        // crashed): destroy must discard what finish prepared.
        let again = try freshDirectory()
        let abandoned = try instance(library, options: options(library, directory: again))
        _ = try process(abandoned, articles)
        try finishOnly(abandoned)
        destroy(abandoned)
        let left = (try? FileManager.default.contentsOfDirectory(atPath: again)) ?? []
        guard left.isEmpty else {
            throw CheckFailure(
                "destroy after finish without commit left \(left.sorted()); a prepared output that was never committed must be deleted in destroy"
            )
        }
        return Note(message: "two-phase: the target appeared only at commit; destroy without commit left nothing")
    }

    private func determinism(_ library: PluginLibrary) throws {
        guard library.descriptor.kind != .exporter else { return }
        let articles = SampleArticles.seeds(in: worker.seedsDirectory)
        let first = try process(try instance(library), articles)
        // The same articles the other way round, on a fresh instance: a
        // result that depends on earlier calls differs somewhere.
        let second = Array(try process(try instance(library), articles.reversed()).reversed())
        if let index = first.indices.first(where: { first[$0] != second[$0] }) {
            throw CheckFailure(
                "\(articles[index].id) gave a different result after other articles (processed in reverse order on a fresh instance); results must depend on the article and the options only, never on earlier calls"
            )
        }
    }

    /// Two values for one option, to tell instances apart: the first two
    /// choices of an enum, both booleans, or a string and a variant of it.
    private func alternativeValues(_ library: PluginLibrary) -> (key: String, first: String, second: String)? {
        for option in library.descriptor.options {
            switch option.type {
            case .choice(let words) where words.count >= 2: return (option.key, words[0], words[1])
            case .bool: return (option.key, "true", "false")
            case .int:
                guard let value = Int(option.defaultValue), value < Int.max else { continue }
                return (option.key, option.defaultValue, String(value + 1))
            case .string: return (option.key, option.defaultValue, option.defaultValue + "-conformance")
            default: continue
            }
        }
        return nil
    }

    private func severalInstances(_ library: PluginLibrary) throws -> Note {
        let articles = SampleArticles.seeds(in: worker.seedsDirectory)
        let plugins = try (0..<3).map { _ in try instance(library) }
        var results: [Annotations] = []
        for (index, article) in articles.enumerated() {
            results += try process(plugins[index % 3], [article])
        }
        try plugins.forEach(finish)
        guard library.descriptor.kind != .exporter else { return Note() }
        let single = try process(try instance(library), articles)
        if let index = results.indices.first(where: { results[$0] != single[$0] }) {
            throw CheckFailure(
                "with three instances alive, \(articles[index].id) gave a different result than with one; keep state per instance, not in globals"
            )
        }
        // Two instances with different values of one option, alive at once.
        guard let (key, first, second) = alternativeValues(library) else { return Note(message: "no option to vary") }
        func values(_ value: String) -> [(key: String, value: String)] {
            options(library).map { $0.key == key ? (key, value) : $0 }
        }
        // Each value alone first: one instance alive at a time.
        func resultsAlone(_ value: String) throws -> [Annotations]? {
            guard let plugin = try? PluginInstance(library: library, options: values(value), logHandler: logHandler)
            else { return nil }
            defer { destroy(plugin) }
            return try process(plugin, articles)
        }
        guard let alone = try resultsAlone(first), let otherAlone = try resultsAlone(second) else {
            return Note(message: "\(key)=\(first) or \(key)=\(second) refused; options not varied")
        }
        let fresh = try instance(library, options: values(first))
        let freshOther = try instance(library, options: values(second))
        for (index, article) in articles.enumerated() {
            worker.leaveBreadcrumb(Breadcrumb("process", article: article.id))
            let mine = try? fresh.process(article, annotations: Annotations())
            let theirs = try? freshOther.process(article, annotations: Annotations())
            if mine != alone[index] || theirs != otherAlone[index] {
                throw CheckFailure(
                    "with \(key)=\(first) and \(key)=\(second) in two instances at once, \(article.id) gave other results than each instance alone; keep options in the instance, never in a global"
                )
            }
        }
        return Note(message: "varied \(key)")
    }

    private func globalState(_ library: PluginLibrary) throws {
        let articles = SampleArticles.seeds(in: worker.seedsDirectory)
        var before = ProcessState.capture()
        func compare(_ hook: String) throws {
            let after = ProcessState.capture()
            if let changes = after.differences(from: before) {
                throw CheckFailure(
                    "\(hook) changed process-wide state that the host and every other plugin share: \(changes); never change it, or restore it before returning"
                )
            }
            before = after
        }
        let plugin = try instance(library)
        try compare("create")
        for article in articles {
            _ = try process(plugin, [article])
            try compare("process (article \(article.id))")
        }
        try finish(plugin)
        try compare("finish")
        destroy(plugin)
        try compare("destroy")
    }

    // MARK: - Stress

    private func threads(_ library: PluginLibrary) throws -> Note {
        if library.descriptor.kind == .exporter, library.provides(.prepare) { return try concurrentPrepare(library) }
        guard library.descriptor.isThreadSafe else {
            return Note(message: "the plugin does not declare NH_FLAG_THREAD_SAFE", skipped: true)
        }
        guard library.descriptor.kind != .exporter else {
            return Note(message: "exporters are always called from one thread", skipped: true)
        }
        let articles = SampleArticles.seeds(in: worker.seedsDirectory)
        let shared = try instance(library)
        let expected = try process(try instance(library), articles)
        let mismatches = LockedValue<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for round in 0..<4 {
                for (index, article) in articles.enumerated() where (index + thread + round) % 2 == 0 {
                    let result = try? shared.process(article, annotations: Annotations())
                    if result != expected[index] { mismatches.withLock { $0.append(article.id) } }
                }
            }
        }
        if let first = mismatches.withLock({ $0.first }) {
            throw CheckFailure(
                "called from 8 threads at once, \(first) gave a different result; the plugin declares NH_FLAG_THREAD_SAFE but is not"
            )
        }
        return Note()
    }

    /// An exporter's `prepare` runs on the host's workers, several at once
    /// and beside `process`: the same records from 8 threads as from one.
    private func concurrentPrepare(_ library: PluginLibrary) throws -> Note {
        let articles = SampleArticles.seeds(in: worker.seedsDirectory)
        let shared = try instance(library)
        var sequential: [[UInt8]?] = []
        for article in articles {
            worker.leaveBreadcrumb(Breadcrumb("prepare", article: article.id))
            do { sequential.append(try shared.prepareRecord(for: article, annotations: Annotations())) } catch {
                throw CheckFailure("\(error)")
            }
        }
        worker.leaveBreadcrumb(Breadcrumb("prepare", detail: "8 threads at once, one of them also calling process"))
        let expected = sequential
        let mismatches = LockedValue<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for round in 0..<4 {
                for (index, article) in articles.enumerated() where (index + thread + round) % 2 == 0 {
                    if thread == 0 {
                        _ = try? shared.process(article, annotations: Annotations(), record: expected[index])
                    }
                    let record = try? shared.prepareRecord(for: article, annotations: Annotations())
                    if record != expected[index] { mismatches.withLock { $0.append(article.id) } }
                }
            }
        }
        if let first = mismatches.withLock({ $0.first }) {
            throw CheckFailure(
                "prepare called from 8 threads at once (as the host does) gave a different record for \(first); prepare may read only the article and the options"
            )
        }
        try finish(shared)
        destroy(shared)
        return Note(message: "prepare from 8 threads at once")
    }

    private func volume(_ library: PluginLibrary) throws -> Note {
        let articles = SampleArticles.seeds(in: worker.seedsDirectory)
        let plugin = try instance(library)
        var annotations = Annotations()
        annotations.labels = [Label(plugin: "conformance", name: "sample", score: 0.5)]
        func run(_ range: Range<Int>) throws {
            for number in range {
                var article = articles[number % articles.count]
                article.id = "stress#\(number)"
                if number % 50 == 0 {
                    worker.leaveBreadcrumb(
                        Breadcrumb("process", article: article.id, detail: "or one of the 50 after it"))
                }
                do { _ = try plugin.process(article, annotations: annotations) } catch {
                    throw CheckFailure("\(error)")
                }
            }
        }
        try run(0..<1000)
        let (memoryBefore, filesBefore) = (ProcessProbe.residentBytes(), ProcessProbe.openFileDescriptors())
        var heap: [(articles: Double, bytes: Double)] = [(1000, Double(ProcessProbe.heapBytes()))]
        let start = Date()
        for batch in 1..<10 {
            try run(batch * 1000..<(batch + 1) * 1000)
            heap.append((Double((batch + 1) * 1000), Double(ProcessProbe.heapBytes())))
        }
        let perArticle = Date().timeIntervalSince(start) / 9000 * 1e6
        let (memoryAfter, filesAfter) = (ProcessProbe.residentBytes(), ProcessProbe.openFileDescriptors())
        try finish(plugin)
        let growth = max(0, memoryAfter - memoryBefore)
        let measuresHeap = heap.allSatisfy { $0.bytes > 0 }
        let slope = measuresHeap ? LeakSlope.bytesPerArticle(heap) : 0
        guard slope < LeakSlope.limit else {
            throw CheckFailure(
                String(
                    format:
                        "the heap grew by %.0f bytes per article over 9,000 articles (at most %.0f allowed); free what each article allocates",
                    slope, LeakSlope.limit))
        }
        guard growth < 64 << 20 else {
            throw CheckFailure(
                "resident memory grew by \(growth >> 20) MiB over 9,000 articles; free what each article allocates")
        }
        guard filesAfter - filesBefore <= 4 else {
            throw CheckFailure(
                "\(filesAfter - filesBefore) more file descriptors are open after 9,000 articles; close what you open")
        }
        let heapNote =
            measuresHeap ? String(format: ", heap %+.0f B/article", slope) : ", heap not measurable here (sanitizer)"
        var metrics = [
            "microsecondsPerArticle": perArticle, "residentGrowthKiB": Double(growth >> 10),
            "descriptorGrowth": Double(filesAfter - filesBefore),
        ]
        if measuresHeap { metrics["heapBytesPerArticle"] = slope }
        return Note(
            message: String(format: "%.1f µs/article, memory +%d KiB", perArticle, growth >> 10) + heapNote
                + ", descriptors \(filesAfter - filesBefore >= 0 ? "+" : "")\(filesAfter - filesBefore)",
            metrics: metrics)
    }

    private func freshDirectory() throws -> String {
        let path = (worker.scratchDirectory as NSString).appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

/// Memory that grows with the number of articles: the least-squares slope
/// of heap bytes in use against articles processed. A slope rather than
/// two points, so one large cache filled early is not a leak, and growth
/// spread over every article is.
enum LeakSlope {
    /// Bytes per article from which growth counts as a leak.
    static let limit = 256.0

    static func bytesPerArticle(_ samples: [(articles: Double, bytes: Double)]) -> Double {
        let count = Double(samples.count)
        let meanX = samples.map(\.articles).reduce(0, +) / count
        let meanY = samples.map(\.bytes).reduce(0, +) / count
        let covariance = samples.map { ($0.articles - meanX) * ($0.bytes - meanY) }.reduce(0, +)
        let variance = samples.map { ($0.articles - meanX) * ($0.articles - meanX) }.reduce(0, +)
        return variance > 0 ? covariance / variance : 0
    }
}

/// What /proc and the allocator say about this process.
enum ProcessProbe {
    /// Heap bytes in use, or 0 where the allocator cannot say.
    static func heapBytes() -> Int {
        Int(nh_heap_bytes_in_use())
    }

    static func residentBytes() -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = statm.split(separator: " ")
        return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
    }

    static func openFileDescriptors() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
    }
}
