import CNewsHostPlugin

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

    private let library: DynamicLibrary
    private let hooks: [HookName: (function: UnsafeRawPointer, call: FFICall)]

    /// Loads and validates the plugin at `path`.
    ///
    /// - Throws: ``PluginLoadError`` naming the file and what is wrong.
    public init(path: String) throws(PluginLoadError) {
        let library = try DynamicLibrary(path: path)
        guard let entrySymbol = library.symbol(NH_ENTRY_SYMBOL) else { throw .missingEntrySymbol(path: path) }
        let entry = unsafeBitCast(entrySymbol, to: nh_entry_fn.self)
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
    }

    /// Calls `hook` through its prepared interface; `nil` when the plugin
    /// does not provide this optional hook.
    func call(_ hook: HookName, _ arguments: UnsafeRawPointer?...) -> Int32? {
        guard let (function, call) = hooks[hook] else { return nil }
        return call.call(function, arguments)
    }
}
