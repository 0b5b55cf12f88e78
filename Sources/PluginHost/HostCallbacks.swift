import CNewsHostPlugin
import NewsHostABI
import NewsHostModel
import UTF8Assembly

/// The host side of one plugin instance: what the `host` pointer of its
/// `nh_host_api` refers to.
final class HostContext {
    let pluginID: String
    let logHandler: PluginLogHandler
    /// The message of `set_error(host, NULL, …)`, for create/finish/destroy.
    var lifecycleError: String?

    init(pluginID: String, logHandler: @escaping PluginLogHandler) {
        self.pluginID = pluginID
        self.logHandler = logHandler
    }

    /// Takes the lifecycle error message, leaving none behind.
    func takeLifecycleError() -> String? {
        defer { lifecycleError = nil }
        return lifecycleError
    }
}

/// What one `process` call produced: what `nh_result *` refers to.
final class ResultCollector {
    let pluginID: String
    var annotations = Annotations()
    var error: String?
    /// Callback calls that were refused (invalid arguments), for diagnostics.
    var refused: [String] = []
    /// Where each label name, keyword term and field key already stands in
    /// ``annotations``, once there are more than
    /// ``HostCallbacks/scannedResults`` of its kind: a repeat among many is
    /// then found without a scan.
    var labelPositions: [[UInt8]: Int] = [:]
    var keywordPositions: [[UInt8]: Int] = [:]
    var fieldPositions: [[UInt8]: Int] = [:]
    /// The record an exporter's `prepare` handed over.
    var record: [UInt8]?

    init(pluginID: String) {
        self.pluginID = pluginID
    }
}

/// The C functions of `nh_host_api`, and the table that holds them.
enum HostCallbacks {
    /// Fills an `nh_host_api` for `context`. The context must outlive it.
    static func makeAPI(for context: HostContext) -> nh_host_api {
        nh_host_api(
            struct_size: UInt32(MemoryLayout<nh_host_api>.size),
            abi_major: UInt16(NH_ABI_VERSION_MAJOR),
            abi_minor: UInt16(NH_ABI_VERSION_MINOR),
            host: Unmanaged.passUnretained(context).toOpaque(),
            log: log, set_error: setError, add_label: addLabel, set_summary: setSummary,
            add_keyword: addKeyword, set_field: setField, stdout_fd: StandardOutput.descriptor, set_record: setRecord)
    }

    /// The instance behind `host`, when the calling thread is inside one of
    /// its hooks; otherwise the call is recorded as stray and refused.
    private static func context(_ pointer: UnsafeMutableRawPointer?, for callback: String) -> HostContext? {
        guard CallScope.admits(host: pointer), let pointer else {
            StrayCallbacks.record(callback)
            return nil
        }
        return Unmanaged<HostContext>.fromOpaque(pointer).takeUnretainedValue()
    }

    /// The results of the `process` call the calling thread is in, when
    /// `pointer` is its handle; otherwise the call is recorded as stray and refused.
    private static func collector(_ pointer: OpaquePointer?, for callback: String) -> ResultCollector? {
        guard let collector = CallScope.collector(for: pointer.map { UnsafeMutableRawPointer($0) }) else {
            StrayCallbacks.record(callback)
            return nil
        }
        return Unmanaged<ResultCollector>.fromOpaque(collector).takeUnretainedValue()
    }

    /// The bytes of `text` as a String if they are valid UTF-8.
    static func validString(_ text: nh_str) -> String? {
        guard text.len > 0 else { return "" }
        guard let data = text.data else { return nil }
        return data.withMemoryRebound(to: UInt8.self, capacity: text.len) {
            UTF8Validation.string(validating: UnsafeBufferPointer(start: $0, count: text.len).span)
        }
    }

    /// The bytes of `text` as a String, invalid sequences replaced.
    static func lossyString(_ text: nh_str) -> String {
        guard text.len > 0, let data = text.data else { return "" }
        return data.withMemoryRebound(to: UInt8.self, capacity: text.len) {
            String(decoding: UnsafeBufferPointer(start: $0, count: text.len), as: UTF8.self)
        }
    }

    private static let invalid = Int32(NH_ERR_INVALID_INPUT)
    private static let maximumTermBytes = Int(NH_MAX_TERM_BYTES)
    private static let maximumKeyBytes = Int(NH_MAX_KEY_BYTES)
    private static let maximumTextBytes = Int(NH_MAX_TEXT_BYTES)
    private static let maximumResults = Int(NH_MAX_RESULTS)

    /// Up to this many results of one kind on an article, a repeated key is
    /// found by comparing it with each: a few byte comparisons, where
    /// hashing it into a dictionary (and growing that) cost a plugin's ten
    /// keywords a tenth of its whole summary. Beyond, the positions are
    /// indexed, so that many results stay linear. Keys are the same when
    /// their UTF-8 is (as the header says), not by `String`'s canonical
    /// equivalence, whose comparison of two Chinese terms costs hundreds of
    /// instructions.
    static let scannedResults = 16

    /// Stores `item` under its key (`keyOf(item)`) in `items`: a repeated key
    /// keeps its place and takes the new value (the last call wins); a new
    /// one is appended within the ABI's count limit, over which the refusal
    /// is recorded for the plugin's log. Constant time per call past
    /// ``scannedResults`` (`positions` indexes `items`), so a plugin adding
    /// many results is linear, not quadratic.
    private static func store<Item>(
        _ item: Item, keyOf: (Item) -> String, in items: inout [Item], positions: inout [[UInt8]: Int],
        _ collector: ResultCollector, _ what: String
    ) -> Int32 {
        let key = keyOf(item)
        let existing =
            items.count <= scannedResults
            ? items.firstIndex { sameBytes(keyOf($0), key) } : positions[Array(key.utf8)]
        if let existing {
            items[existing] = item
            return 0
        }
        guard items.count < maximumResults else {
            collector.refused.append("\(what): more than \(maximumResults) on one article (NH_MAX_RESULTS)")
            return invalid
        }
        // Room for a few from the first: a plugin that adds one result
        // usually adds several (ten keywords), and each growth copies.
        if items.isEmpty { items.reserveCapacity(8) }
        items.append(item)
        if items.count == scannedResults + 1 {
            for (position, stored) in items.enumerated() { positions[Array(keyOf(stored).utf8)] = position }
        } else if items.count > scannedResults + 1 {
            positions[Array(key.utf8)] = items.count - 1
        }
        return 0
    }

    /// Whether `a` and `b` have the same UTF-8, compared as spans: the
    /// generic `elementsEqual` of two UTF-8 views took about 170
    /// instructions for two short keywords.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        let (first, second) = (a.utf8.span, b.utf8.span)
        guard first.count == second.count else { return false }
        for index in first.indices where first[index] != second[index] { return false }
        return true
    }

    private static let log: @convention(c) (UnsafeMutableRawPointer?, Int32, nh_str) -> Void = { host, level, message in
        guard let context = context(host, for: "log") else { return }
        let severity = LogLevel(code: level)
        context.logHandler(PluginLogMessage(pluginID: context.pluginID, level: severity, message: lossyString(message)))
    }

    private static let setError: @convention(c) (UnsafeMutableRawPointer?, OpaquePointer?, nh_str) -> Void = {
        host, result, message in
        let text = lossyString(message)
        if result != nil {
            collector(result, for: "set_error")?.error = text
        } else {
            context(host, for: "set_error")?.lifecycleError = text
        }
    }

    private static let addLabel: @convention(c) (OpaquePointer?, nh_str, Double) -> Int32 = { result, name, score in
        guard let collector = collector(result, for: "add_label") else { return invalid }
        guard name.len <= maximumTermBytes, let label = validString(name), !label.isEmpty, score.isFinite,
            (0...1).contains(score)
        else {
            collector.refused.append(
                "add_label(\(lossyString(name).debugDescription), \(score)): the name must be 1-\(maximumTermBytes) bytes of UTF-8 and the score finite within [0, 1]"
            )
            return invalid
        }
        return store(
            Label(plugin: collector.pluginID, name: label, score: score), keyOf: { $0.name },
            in: &collector.annotations.labels,
            positions: &collector.labelPositions, collector, "add_label")
    }

    private static let setSummary: @convention(c) (OpaquePointer?, nh_str) -> Int32 = { result, text in
        guard let collector = collector(result, for: "set_summary") else { return invalid }
        guard text.len <= maximumTextBytes, let summary = validString(text), !summary.isEmpty else {
            collector.refused.append("set_summary: the text must be 1-\(maximumTextBytes) bytes of UTF-8")
            return invalid
        }
        collector.annotations.summaries = [Summary(plugin: collector.pluginID, text: summary)]
        return 0
    }

    private static let addKeyword: @convention(c) (OpaquePointer?, nh_str, Double) -> Int32 = { result, term, weight in
        guard let collector = collector(result, for: "add_keyword") else { return invalid }
        guard term.len <= maximumTermBytes, let keyword = validString(term), !keyword.isEmpty, weight.isFinite else {
            collector.refused.append(
                "add_keyword(\(lossyString(term).debugDescription), \(weight)): the term must be 1-\(maximumTermBytes) bytes of UTF-8 and the weight finite"
            )
            return invalid
        }
        return store(
            Keyword(plugin: collector.pluginID, term: keyword, weight: weight), keyOf: { $0.term },
            in: &collector.annotations.keywords, positions: &collector.keywordPositions, collector, "add_keyword")
    }

    private static let setField: @convention(c) (OpaquePointer?, nh_str, nh_str) -> Int32 = { result, key, value in
        guard let collector = collector(result, for: "set_field") else { return invalid }
        guard key.len <= maximumKeyBytes, value.len <= maximumTextBytes, let fieldKey = validString(key),
            NameRule.fieldKey.accepts(fieldKey),
            let fieldValue = validString(value)
        else {
            collector.refused.append(
                "set_field(\(lossyString(key).debugDescription)): the key must match \(NameRule.fieldKey.pattern) (at most \(maximumKeyBytes) bytes) and the value be UTF-8 of at most \(maximumTextBytes) bytes"
            )
            return invalid
        }
        return store(
            Field(plugin: collector.pluginID, key: fieldKey, value: fieldValue), keyOf: { $0.key },
            in: &collector.annotations.fields, positions: &collector.fieldPositions, collector, "set_field")
    }

    private static let maximumRecordBytes = Int(NH_MAX_RECORD_BYTES)

    private static let setRecord: @convention(c) (OpaquePointer?, nh_str) -> Int32 = { result, bytes in
        guard let collector = collector(result, for: "set_record") else { return invalid }
        guard bytes.len <= maximumRecordBytes, bytes.len == 0 || bytes.data != nil else {
            collector.refused.append("set_record: a record is at most \(maximumRecordBytes) bytes")
            return invalid
        }
        collector.record =
            bytes.len == 0
            ? []
            : bytes.data!.withMemoryRebound(to: UInt8.self, capacity: bytes.len) {
                Array(UnsafeBufferPointer(start: $0, count: bytes.len))
            }
        return 0
    }
}
