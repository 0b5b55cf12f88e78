import CNewsHostPlugin
import NewsHostABI

/// A plugin library that has been loaded and validated: its descriptor and
/// one prepared libffi call interface per hook.
///
/// The library stays loaded while this object or any of its instances lives
/// and is closed (`dlclose`) after the last of them goes away.
public final class PluginLibrary: @unchecked Sendable {
    /// The file it was loaded from.
    public let path: String
    /// What its descriptor says.
    public let descriptor: PluginDescriptor

    /// How `process` and `prepare` (the hooks called for every article) are called.
    @_spi(Benchmarks) public let dispatch: Dispatch

    /// The two ways the host can call the per-article hooks: a choice for
    /// the dispatch benchmark, which times both; the host always uses `typed`.
    @_spi(Benchmarks) public enum Dispatch: Sendable {
        /// A typed C function pointer of the hook's prototype: the loader
        /// has checked that the declared signature is exactly that.
        case typed
        /// libffi with the prepared call interface, as the hooks called
        /// once a run (`create`, `finish`, …).
        case ffi
    }

    private let library: DynamicLibrary
    private let hooks: [HookName: (function: UnsafeRawPointer, call: FFICall)]
    private let processFunction: nh_process_fn?
    /// The exporter's `prepare` (ABI 1.1), called like `process` for every
    /// article: typed, and looked up once, not in ``hooks`` per call.
    private let prepareFunction: nh_prepare_fn?

    /// Loads and validates the plugin at `path`.
    ///
    /// - Throws: ``PluginLoadError`` naming the file and what is wrong.
    public convenience init(path: String) throws(PluginLoadError) {
        try self.init(path: path, dispatch: .typed)
    }

    /// Loads and validates the plugin at `path`, to call `process` the way
    /// `dispatch` says.
    ///
    /// - Throws: ``PluginLoadError`` naming the file and what is wrong.
    @_spi(Benchmarks) public init(path: String, dispatch: Dispatch) throws(PluginLoadError) {
        // A crash while loading is named (when the crash notice is installed):
        // dlopen runs the library's constructors, then the entry function.
        CrashNotice.enter(plugin: path, hook: "loading (dlopen and its constructors)")
        defer { CrashNotice.leave() }
        let library = try DynamicLibrary(path: path)
        guard let entrySymbol = library.symbol(NH_ENTRY_SYMBOL) else { throw .missingEntrySymbol(path: path) }
        let entry = unsafeBitCast(entrySymbol, to: nh_entry_fn.self)
        CrashNotice.enter(plugin: path, hook: NH_ENTRY_SYMBOL)
        guard let raw = entry() else { throw .nullDescriptor(path: path) }
        let (descriptor, functions) = try DescriptorReader(path: path).read(raw)
        var hooks: [HookName: (UnsafeRawPointer, FFICall)] = [:]
        for (name, function) in functions {
            guard let call = FFICall(signature: name.requiredSignature) else {
                throw .cannotPrepareCall(path: path, hook: name.rawValue)
            }
            hooks[name] = (function, call)
        }
        self.path = path
        self.library = library
        self.descriptor = descriptor
        self.hooks = hooks
        self.dispatch = dispatch
        // The reader refused any other declared signature, so the prototype is the ABI's.
        processFunction = hooks[.process].map { unsafeBitCast($0.0, to: nh_process_fn.self) }
        prepareFunction = hooks[.prepare].map { unsafeBitCast($0.0, to: nh_prepare_fn.self) }
    }

    /// Calls `process`: through the typed pointer, or libffi (``dispatch``).
    func callProcess(
        _ instance: UnsafeMutableRawPointer?, _ article: UnsafePointer<nh_article>,
        _ result: UnsafeMutableRawPointer
    ) -> Int32 {
        callPerArticle(.process, processFunction, instance, article, result) ?? PluginStatus.internalError.rawValue
    }

    /// Calls `prepare` like ``callProcess(_:_:_:)``; `nil` when the plugin
    /// has no such hook.
    func callPrepare(
        _ instance: UnsafeMutableRawPointer?, _ article: UnsafePointer<nh_article>,
        _ result: UnsafeMutableRawPointer
    ) -> Int32? {
        callPerArticle(.prepare, prepareFunction, instance, article, result)
    }

    /// Calls `hook`, one of the per-article hooks (one prototype), as
    /// ``dispatch`` says: through `function`, its typed pointer, or libffi;
    /// `nil` when the plugin does not provide it.
    private func callPerArticle(
        _ hook: HookName, _ function: nh_process_fn?, _ instance: UnsafeMutableRawPointer?,
        _ article: UnsafePointer<nh_article>, _ result: UnsafeMutableRawPointer
    ) -> Int32? {
        guard let function else { return nil }
        if dispatch == .typed { return function(instance, article, OpaquePointer(result)) }
        return call(hook, UnsafeRawPointer(instance), UnsafeRawPointer(article), UnsafeRawPointer(result))
    }

    /// Whether the plugin provides `hook`.
    public func provides(_ hook: HookName) -> Bool { hooks[hook] != nil }

    /// Whether the plugin is an exporter with a `prepare` hook: asked for
    /// every article, so without a look-up.
    var providesPrepare: Bool { prepareFunction != nil }

    /// Calls `hook` through its prepared interface; `nil` when the plugin
    /// does not provide this optional hook.
    func call(_ hook: HookName, _ arguments: UnsafeRawPointer?...) -> Int32? {
        guard let (function, call) = hooks[hook] else { return nil }
        return call.call(function, arguments)
    }
}
