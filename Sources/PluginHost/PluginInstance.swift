import CNewsHostPlugin
import NewsHostABI
import NewsHostModel

/// One instance of a plugin, made by its `create` hook with a set of option
/// values. `destroy` is called exactly once: by ``destroy()`` or, failing
/// that, when the instance is deallocated.
///
/// An instance is not safe to call from several threads at once unless its
/// plugin declares ``PluginDescriptor/isThreadSafe``.
public final class PluginInstance: @unchecked Sendable {
    /// The library the instance belongs to (kept loaded by this reference).
    public let library: PluginLibrary
    private let context: HostContext
    private let api: UnsafeMutablePointer<nh_host_api>
    private var handle: UnsafeMutableRawPointer?
    private var destroyed = false

    /// The plugin id.
    public var pluginID: String { library.descriptor.id }

    /// Calls `create` with `options` (key/value pairs, passed in this order).
    ///
    /// - Throws: ``PluginCallError/createFailed(plugin:status:message:)``.
    public init(
        library: PluginLibrary, options: [(key: String, value: String)],
        logHandler: @escaping PluginLogHandler
    ) throws(PluginCallError) {
        self.library = library
        context = HostContext(pluginID: library.descriptor.id, logHandler: logHandler)
        api = .allocate(capacity: 1)
        api.initialize(to: HostCallbacks.makeAPI(for: context))

        let arena = ByteArena(capacity: ByteArena.size(of: options.flatMap { [$0.key, $0.value] }))
        let entries = UnsafeMutablePointer<nh_kv>.allocate(capacity: max(1, options.count))
        defer { entries.deallocate() }
        for (index, option) in options.enumerated() {
            (entries + index).initialize(to: nh_kv(key: arena.store(option.key), value: arena.store(option.value)))
        }
        var config = nh_config(
            struct_size: UInt32(MemoryLayout<nh_config>.size), entries: entries, count: options.count)
        var created: UnsafeMutableRawPointer?
        let status: Int32 = withExtendedLifetime(arena) {
            withUnsafeMutablePointer(to: &config) { configPointer in
                withUnsafeMutablePointer(to: &created) { out in
                    CallScope.during(context: api.pointee.host) {
                        library.call(
                            .create, UnsafeRawPointer(api), UnsafeRawPointer(configPointer), UnsafeRawPointer(out))
                            ?? PluginStatus.internalError.rawValue
                    }
                }
            }
        }
        guard status == 0 else {
            let message = context.takeLifecycleError()
            api.deinitialize(count: 1)
            api.deallocate()
            destroyed = true
            throw .createFailed(plugin: library.descriptor.id, status: status, message: message)
        }
        handle = created
    }

    /// Calls `process` for one article and returns what the plugin added.
    ///
    /// - Parameter annotations: what earlier plugins in the chain produced,
    ///   shown to this plugin in the article view.
    /// - Throws: ``PluginCallError/processFailed(plugin:articleID:status:message:)``.
    /// For an exporter with a `prepare` hook, `prepare` runs first and its
    /// record goes to `process`, as in a run.
    public func process(_ article: Article, annotations: Annotations) throws(PluginCallError) -> Annotations {
        try process(article, layout: ArticleLayout(article), annotations: annotations)
    }

    /// Calls `process` for one article whose own fields are laid out in
    /// `layout`, shared with the other plugins the article goes through.
    public func process(
        _ article: Article, layout: ArticleLayout, annotations: Annotations
    ) throws(PluginCallError) -> Annotations {
        guard preparesRecords else {
            return try process(view: ArticleView(layout: layout, annotations: annotations), articleID: article.id)
        }
        return try process(article, prepared: try prepareExport(for: article, layout: layout, annotations: annotations))
    }

    /// Calls `process` for an exporter with a `prepare` hook: `record` is
    /// what its ``prepareRecord(for:annotations:)`` made for the article.
    public func process(
        _ article: Article, annotations: Annotations, record: [UInt8]?
    ) throws(PluginCallError) -> Annotations {
        try process(article, layout: ArticleLayout(article), annotations: annotations, record: record)
    }

    /// ``process(_:annotations:record:)`` on a laid-out article.
    public func process(
        _ article: Article, layout: ArticleLayout, annotations: Annotations, record: [UInt8]?
    ) throws(PluginCallError) -> Annotations {
        try process(view: ArticleView(layout: layout, annotations: annotations, record: record), articleID: article.id)
    }

    /// Whether the plugin is an exporter that formats its records in
    /// `prepare` (ABI 1.1), so that its ordered `process` only writes them.
    public var preparesRecords: Bool { library.providesPrepare }

    /// Calls `prepare` for one article: the record the exporter made (nil
    /// when it set none). May be called from several threads at once and
    /// while `process` runs: the hook's contract says it only reads.
    ///
    /// - Throws: ``PluginCallError/processFailed(plugin:articleID:status:message:)``:
    ///   the article fails as if `process` had.
    public func prepareRecord(for article: Article, annotations: Annotations) throws(PluginCallError) -> [UInt8]? {
        try prepareRecord(for: article, layout: ArticleLayout(article), annotations: annotations)
    }

    /// ``prepareRecord(for:annotations:)`` on a laid-out article.
    public func prepareRecord(
        for article: Article, layout: ArticleLayout, annotations: Annotations
    ) throws(PluginCallError) -> [UInt8]? {
        try prepareRecord(view: ArticleView(layout: layout, annotations: annotations), articleID: article.id)
    }

    /// ``prepareRecord(for:layout:annotations:)``, keeping the view the
    /// record was made from for ``process(_:prepared:)``.
    public func prepareExport(
        for article: Article, layout: ArticleLayout, annotations: Annotations
    ) throws(PluginCallError) -> PreparedRecord {
        let view = ArticleView(layout: layout, annotations: annotations)
        return PreparedRecord(bytes: try prepareRecord(view: view, articleID: article.id), view: view)
    }

    /// Calls `process` for an exporter with a `prepare` hook on the view
    /// `prepared` was made from, with its record: what the ordered stage of
    /// a run does, without laying the article out again.
    public func process(_ article: Article, prepared: PreparedRecord) throws(PluginCallError) -> Annotations {
        try process(prepared: prepared, articleID: article.id)
    }

    private func process(prepared: PreparedRecord, articleID: String) throws(PluginCallError) -> Annotations {
        precondition(!destroyed, "process called on a destroyed plugin instance")
        let collector = ResultCollector(pluginID: pluginID)
        let status = withExtendedLifetime(prepared) {
            prepared.view.withRecord(prepared.bytes) { call($0, into: collector) }
        }
        return try outcome(status, collector, articleID: articleID)
    }

    private func prepareRecord(view: ArticleView, articleID: String) throws(PluginCallError) -> [UInt8]? {
        precondition(!destroyed, "prepare called on a destroyed plugin instance")
        let collector = ResultCollector(pluginID: pluginID)
        let status = withExtendedLifetime(view) { callPrepare(view.pointer, into: collector) }
        _ = try outcome(status, collector, articleID: articleID)
        return collector.record
    }

    /// One call of `prepare` on an article view, inside the call's scope,
    /// collecting into `collector` (0 for a plugin without the hook).
    private func callPrepare(_ article: UnsafePointer<nh_article>, into collector: ResultCollector) -> Int32 {
        inCallScope(collecting: collector) { library.callPrepare(handle, article, $0) ?? 0 }
    }

    /// Calls `process` for an article given as raw bytes (which may be
    /// invalid UTF-8); for the conformance suite.
    public func process(
        raw article: RawArticle, annotations: Annotations = Annotations()
    ) throws(PluginCallError) -> Annotations {
        let articleID = String(decoding: article.id, as: UTF8.self)
        let view = ArticleView(layout: ArticleLayout(raw: article), annotations: annotations)
        guard preparesRecords else { return try process(view: view, articleID: articleID) }
        let prepared = PreparedRecord(bytes: try prepareRecord(view: view, articleID: articleID), view: view)
        return try process(prepared: prepared, articleID: articleID)
    }

    /// Calls `process` on a guarded view of `article` (strings against
    /// unreadable pages, the view read-only during the call and unreadable
    /// after it): the conformance suite's check of the borrowing rules. A
    /// plugin that breaks them crashes the process; `returned` runs right
    /// after the call, once the view is unreadable.
    public func process(
        guarded article: RawArticle, labels: [Label] = [], returned: () -> Void = {}
    )
        throws(PluginCallError) -> Annotations
    {
        precondition(!destroyed, "process called on a destroyed plugin instance")
        let articleID = String(decoding: article.id, as: UTF8.self)
        guard let view = GuardedArticleView(article: article, labels: labels) else {
            throw .processFailed(
                plugin: pluginID, articleID: articleID, status: PluginStatus.internalError.rawValue,
                message: "the host could not map memory for a guarded view")
        }
        let collector = ResultCollector(pluginID: pluginID)
        // An exporter's formatting happens in `prepare`: it gets the guarded view too.
        let status = withExtendedLifetime(view) {
            let prepared = preparesRecords ? callPrepare(view.pointer, into: ResultCollector(pluginID: pluginID)) : 0
            return prepared != 0 ? prepared : call(view.pointer, into: collector)
        }
        view.revoke()
        returned()
        return try outcome(status, collector, articleID: articleID)
    }

    private func process(view: ArticleView, articleID: String) throws(PluginCallError) -> Annotations {
        precondition(!destroyed, "process called on a destroyed plugin instance")
        let collector = ResultCollector(pluginID: pluginID)
        let status = callPrepared(view, into: collector)
        return try outcome(status, collector, articleID: articleID)
    }

    /// Warns about host callbacks refused because they came from outside a
    /// hook call (see ``StrayCallbacks``).
    private func reportStrayCallbacks() {
        for callback in StrayCallbacks.drain() {
            context.logHandler(
                PluginLogMessage(
                    pluginID: pluginID, level: .warn,
                    message:
                        "host refused \(callback) called outside a hook call (from a thread the plugin started, or after the hook returned; with several plugins in the process it may have been another): callbacks are valid only on the hook's thread until it returns"
                ))
        }
    }

    /// What a `process` call's status and collected results come to.
    private func outcome(
        _ status: Int32, _ collector: ResultCollector, articleID: String
    ) throws(PluginCallError) -> Annotations {
        reportStrayCallbacks()
        for refusal in collector.refused {
            context.logHandler(PluginLogMessage(pluginID: pluginID, level: .warn, message: "host refused \(refusal)"))
        }
        guard status == 0 else {
            throw .processFailed(plugin: pluginID, articleID: articleID, status: status, message: collector.error)
        }
        if let dropped = collector.error {
            context.logHandler(
                PluginLogMessage(
                    pluginID: pluginID, level: .warn,
                    message:
                        "called set_error and then returned NH_OK on article \(articleID); the article counts as processed and the message is dropped: \(dropped)"
                ))
        }
        return collector.annotations
    }

    /// Lays out the view of `article` once, for calling `process` on it
    /// again and again: what a benchmark needs to time the dispatch alone.
    @_spi(Benchmarks) public func prepare(
        _ article: Article, annotations: Annotations = Annotations()
    )
        -> PreparedProcessCall
    {
        PreparedProcessCall(
            instance: self, view: ArticleView(layout: ArticleLayout(article), annotations: annotations))
    }

    /// One `process` call on a laid-out view: through the hook's typed
    /// pointer (or libffi), with what the plugin adds collected into
    /// `collector`.
    func callPrepared(_ view: ArticleView, into collector: ResultCollector) -> Int32 {
        withExtendedLifetime(view) { call(view.pointer, into: collector) }
    }

    /// One `process` call on `article`, inside the call's scope, collecting
    /// into `collector`.
    private func call(_ article: UnsafePointer<nh_article>, into collector: ResultCollector) -> Int32 {
        inCallScope(collecting: collector) { library.callProcess(handle, article, $0) }
    }

    /// Runs `hookCall`, one per-article hook call, inside the call's scope
    /// (the only place the plugin's results handle is valid), with that
    /// handle; what the plugin adds goes to `collector`.
    private func inCallScope(
        collecting collector: ResultCollector, _ hookCall: (UnsafeMutableRawPointer) -> Int32
    ) -> Int32 {
        let target = Unmanaged.passUnretained(collector).toOpaque()
        return withExtendedLifetime(collector) {
            CallScope.during(context: api.pointee.host, collector: target) { hookCall(UnsafeMutableRawPointer($0)) }
        }
    }

    /// Calls `finish` (a plugin without the hook finishes successfully).
    ///
    /// - Throws: ``PluginCallError/finishFailed(plugin:status:message:)``.
    public func finish() throws(PluginCallError) {
        try callEndOfRun(.finish) { .finishFailed(plugin: $0, status: $1, message: $2) }
    }

    /// Whether the plugin commits in a second phase (an exporter with the
    /// 1.1 `commit` hook): its `finish` leaves the target untouched.
    public var commitsSeparately: Bool { library.provides(.commit) }

    /// Calls `commit` (a plugin without the hook has nothing to commit).
    ///
    /// - Throws: ``PluginCallError/commitFailed(plugin:status:message:)``.
    public func commit() throws(PluginCallError) {
        try callEndOfRun(.commit) { .commitFailed(plugin: $0, status: $1, message: $2) }
    }

    /// Calls `finish` or `commit`: an absent hook succeeds; a failure is
    /// made by `failure` from the plugin id, the status and the message.
    private func callEndOfRun(
        _ hook: HookName, failure: (String, Int32, String?) -> PluginCallError
    ) throws(PluginCallError) {
        precondition(!destroyed, "\(hook.rawValue) called on a destroyed plugin instance")
        let status = CallScope.during(context: api.pointee.host) { library.call(hook, UnsafeRawPointer(handle)) ?? 0 }
        reportStrayCallbacks()
        guard status == 0 else { throw failure(pluginID, status, context.takeLifecycleError()) }
    }

    /// Calls `destroy`; later calls do nothing.
    public func destroy() {
        guard !destroyed else { return }
        destroyed = true
        _ = CallScope.during(context: api.pointee.host) { library.call(.destroy, UnsafeRawPointer(handle)) }
        reportStrayCallbacks()
        api.deinitialize(count: 1)
        api.deallocate()
    }

    deinit {
        destroy()
    }
}

/// A `process` call whose article view is already laid out (see
/// ``PluginInstance/prepare(_:annotations:)``).
@_spi(Benchmarks) public struct PreparedProcessCall {
    fileprivate let instance: PluginInstance
    fileprivate let view: ArticleView
    private let collector: ResultCollector

    fileprivate init(instance: PluginInstance, view: ArticleView) {
        self.instance = instance
        self.view = view
        collector = ResultCollector(pluginID: instance.pluginID)
    }

    /// Calls `process` and returns its status; what the plugin adds is
    /// collected and dropped.
    public func callAsFunction() -> Int32 {
        instance.callPrepared(view, into: collector)
    }
}
