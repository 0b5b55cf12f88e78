import CNewsHostPlugin
import NewsHostABI

/// Reads and validates an `nh_plugin_descriptor` from a loaded library.
struct DescriptorReader {
    /// Largest `struct_size` taken as plausible; anything bigger is garbage.
    static let maximumStructSize: UInt32 = 4096
    static let hostMajor = Int(NH_ABI_VERSION_MAJOR)
    static let hostMinor = Int(NH_ABI_VERSION_MINOR)

    let path: String

    /// The descriptor's contents and the function of each known hook.
    func read(
        _ raw: UnsafePointer<nh_plugin_descriptor>
    ) throws(PluginLoadError)
        -> (PluginDescriptor, [HookName: UnsafeRawPointer])
    {
        try checkSize(
            raw.pointee.struct_size, of: "nh_plugin_descriptor", minimum: MemoryLayout<nh_plugin_descriptor>.size)
        let d = raw.pointee
        let major = Int(d.abi_major)
        let minor = Int(d.abi_minor)
        guard major == Self.hostMajor else { throw .abiMajorMismatch(path: path, plugin: major, host: Self.hostMajor) }
        guard minor <= Self.hostMinor else { throw .abiMinorTooNew(path: path, plugin: minor, host: Self.hostMinor) }

        let id = try text(d.id, field: "id")
        guard NameRule.pluginID.accepts(id) else { throw .invalidID(path: path, id: id) }
        let version = try text(d.version, field: "version")
        let vendor = try text(d.vendor, field: "vendor")
        let summary = try text(d.description, field: "description")
        guard let kind = PluginKind(code: d.kind) else { throw .unknownKind(path: path, kind: d.kind) }
        let knownFlags = UInt32(NH_FLAG_THREAD_SAFE)
        guard d.flags & ~knownFlags == 0 else { throw .unknownFlags(path: path, flags: d.flags) }

        let options = try readOptions(d.options, count: d.option_count)
        let (hooks, functions) = try readHooks(d.hooks, count: d.hook_count)
        for hook in functions.keys where hook.addedInMinor > minor {
            throw .hookNeedsNewerMinor(path: path, hook: hook.rawValue, minor: hook.addedInMinor, declared: minor)
        }
        if kind != .exporter, let hook = functions.keys.first(where: \.isForExportersOnly) {
            throw .hookNotForKind(path: path, hook: hook.rawValue, kind: kind.rawValue)
        }
        let descriptor = PluginDescriptor(
            abiMajor: major, abiMinor: minor, id: id, version: version, vendor: vendor,
            description: summary, kind: kind, isThreadSafe: d.flags & knownFlags != 0,
            options: options, hooks: hooks)
        return (descriptor, functions)
    }

    private func checkSize(_ size: UInt32, of name: String, minimum: Int) throws(PluginLoadError) {
        guard size >= minimum, size <= Self.maximumStructSize else {
            throw .badStructSize(path: path, structName: name, size: size, minimum: minimum)
        }
    }

    private func text(_ pointer: UnsafePointer<CChar>?, field: String) throws(PluginLoadError) -> String {
        guard let pointer, pointer.pointee != 0 else { throw .missingText(path: path, field: field) }
        return String(cString: pointer)
    }

    /// Elements of a struct array, stepped by the first element's `struct_size`.
    /// `malformed` makes the error for the table (option or hook).
    private func elements<T>(
        _ base: UnsafePointer<T>?, count: Int, name: String, minimum: Int,
        malformed: (String) -> PluginLoadError, size: (T) -> UInt32
    ) throws(PluginLoadError) -> [T] {
        guard count > 0 else { return [] }
        guard let base else { throw malformed("the \(name) table pointer is NULL but its count is \(count)") }
        guard count <= 10_000 else { throw malformed("the \(name) table claims \(count) entries") }
        let stride = size(base.pointee)
        try checkSize(stride, of: name, minimum: minimum)
        let raw = UnsafeRawPointer(base)
        return (0..<count).map { raw.advanced(by: $0 * Int(stride)).assumingMemoryBound(to: T.self).pointee }
    }

    private func readOptions(_ base: UnsafePointer<nh_option_spec>?, count: Int) throws(PluginLoadError) -> [OptionSpec]
    {
        let raw = try elements(
            base, count: count, name: "nh_option_spec", minimum: MemoryLayout<nh_option_spec>.size,
            malformed: { .invalidOption(path: path, reason: $0) }, size: { $0.struct_size })
        var seen = Set<String>()
        var options: [OptionSpec] = []
        for entry in raw {
            guard let keyPointer = entry.key else {
                throw .invalidOption(path: path, reason: "an option has a NULL key")
            }
            let key = String(cString: keyPointer)
            guard NameRule.optionKey.accepts(key) else {
                throw .invalidOption(
                    path: path, reason: "option key `\(key)` does not match \(NameRule.optionKey.pattern)")
            }
            guard seen.insert(key).inserted else {
                throw .invalidOption(path: path, reason: "option `\(key)` is declared twice")
            }
            guard let type = OptionType(code: entry.type, choices: entry.choices.map { String(cString: $0) }) else {
                throw .invalidOption(path: path, reason: "option `\(key)` has unknown type \(entry.type)")
            }
            if type == .choice([]) {
                throw .invalidOption(
                    path: path, reason: "enum option `\(key)` lists no choices; set `choices` to e.g. \"a|b\"")
            }
            guard let defaultPointer = entry.default_value else {
                throw .invalidOption(path: path, reason: "option `\(key)` has a NULL default; every option needs one")
            }
            let defaultValue = String(cString: defaultPointer)
            if let problem = OptionValidation.problem(with: defaultValue, for: type) {
                throw .invalidOption(
                    path: path, reason: "option `\(key)` has the default `\(defaultValue)`: \(problem)")
            }
            options.append(
                OptionSpec(
                    key: key, type: type, defaultValue: defaultValue,
                    help: entry.help.map { String(cString: $0) } ?? ""))
        }
        return options
    }

    private func readHooks(
        _ base: UnsafePointer<nh_hook>?, count: Int
    ) throws(PluginLoadError)
        -> ([HookDeclaration], [HookName: UnsafeRawPointer])
    {
        let raw = try elements(
            base, count: count, name: "nh_hook", minimum: MemoryLayout<nh_hook>.size,
            malformed: { .invalidHookTable(path: path, reason: $0) }, size: { $0.struct_size })
        var declarations: [HookDeclaration] = []
        var functions: [HookName: UnsafeRawPointer] = [:]
        for entry in raw {
            guard let namePointer = entry.name, let signaturePointer = entry.signature else {
                throw .invalidHookTable(path: path, reason: "a hook has a NULL name or signature")
            }
            let name = String(cString: namePointer)
            let signatureText = String(cString: signaturePointer)
            guard !declarations.contains(where: { $0.name == name }) else {
                throw .duplicateHook(path: path, hook: name)
            }
            declarations.append(HookDeclaration(name: name, signature: signatureText))
            guard let hook = HookName(rawValue: name) else { continue }  // a newer minor's hook: ignored
            let declared: Signature
            do {
                declared = try Signature(parsing: signatureText)
            } catch {
                throw .malformedSignature(path: path, hook: name, signature: signatureText, reason: error.description)
            }
            guard declared == hook.requiredSignature else {
                throw .signatureMismatch(
                    path: path, hook: name, declared: signatureText,
                    required: hook.requiredSignature.description)
            }
            guard let function = entry.fn else { throw .nullHookFunction(path: path, hook: name) }
            functions[hook] = unsafeBitCast(function, to: UnsafeRawPointer.self)
        }
        for hook in HookName.allCases where hook.isRequired && functions[hook] == nil {
            throw .missingHook(path: path, hook: hook.rawValue)
        }
        return (declarations, functions)
    }
}
