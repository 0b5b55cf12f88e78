import NewsHostABI

/// Why a plugin library could not be loaded. Every message names the file,
/// says what is wrong and what was expected.
public enum PluginLoadError: Error, CustomStringConvertible, Equatable, Sendable {
    /// `dlopen` failed (file missing, not a shared library, unresolved symbols…).
    case cannotOpen(path: String, reason: String)
    /// The library does not export `newshost_plugin_entry`.
    case missingEntrySymbol(path: String)
    /// `newshost_plugin_entry` returned NULL.
    case nullDescriptor(path: String)
    /// A struct's `struct_size` is smaller than ABI v1 requires, or absurd.
    case badStructSize(path: String, structName: String, size: UInt32, minimum: Int)
    /// The plugin was built for another ABI major version.
    case abiMajorMismatch(path: String, plugin: Int, host: Int)
    /// The plugin needs a newer ABI minor version than this host has.
    case abiMinorTooNew(path: String, plugin: Int, host: Int)
    /// The id does not match `[a-z0-9][a-z0-9-]*`.
    case invalidID(path: String, id: String)
    /// A required descriptor string is NULL or empty.
    case missingText(path: String, field: String)
    /// The kind is not one the ABI defines.
    case unknownKind(path: String, kind: UInt32)
    /// Flag bits the ABI does not define are set.
    case unknownFlags(path: String, flags: UInt32)
    /// A required hook is absent from the hook table.
    case missingHook(path: String, hook: String)
    /// A hook appears twice in the hook table.
    case duplicateHook(path: String, hook: String)
    /// A hook's function pointer is NULL.
    case nullHookFunction(path: String, hook: String)
    /// A hook's declared signature cannot be parsed.
    case malformedSignature(path: String, hook: String, signature: String, reason: String)
    /// A hook's declared signature differs from the one the ABI defines.
    case signatureMismatch(path: String, hook: String, declared: String, required: String)
    /// libffi refused to prepare a call interface.
    case cannotPrepareCall(path: String, hook: String)
    /// The option table is malformed.
    case invalidOption(path: String, reason: String)
    /// The hook table is malformed (NULL with a count, absurd count, NULL names).
    case invalidHookTable(path: String, reason: String)
    /// A hook added in a later minor than the descriptor's `abi_minor`.
    case hookNeedsNewerMinor(path: String, hook: String, minor: Int, declared: Int)
    /// A hook the plugin's kind never gets called (`commit` outside an exporter).
    case hookNotForKind(path: String, hook: String, kind: String)

    /// A message for the person running the command.
    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "\(path): cannot be loaded as a plugin: \(reason)"
        case .missingEntrySymbol(let path):
            return
                "\(path): does not export `newshost_plugin_entry`; a plugin must define `const nh_plugin_descriptor *newshost_plugin_entry(void)` with default visibility"
        case .nullDescriptor(let path):
            return
                "\(path): `newshost_plugin_entry` returned NULL; it must return a pointer to a static nh_plugin_descriptor"
        case .badStructSize(let path, let name, let size, let minimum):
            return
                "\(path): `\(name).struct_size` is \(size), ABI v1 requires at least \(minimum); set it to sizeof(\(name))"
        case .abiMajorMismatch(let path, let plugin, let host):
            return
                "\(path): built for plugin ABI v\(plugin), this host speaks ABI v\(host); rebuild the plugin against the v\(host) header"
        case .abiMinorTooNew(let path, let plugin, let host):
            return
                "\(path): needs plugin ABI 1.\(plugin), this host has 1.\(host); upgrade newshost or rebuild the plugin against the 1.\(host) header"
        case .invalidID(let path, let id):
            let rule = NameRule.pluginID
            return
                "\(path): plugin id `\(id)` is invalid; ids match \(rule.pattern) and are at most \(rule.maximumBytes) bytes"
        case .missingText(let path, let field):
            return "\(path): descriptor field `\(field)` is NULL or empty; it must be a non-empty NUL-terminated string"
        case .unknownKind(let path, let kind):
            return
                "\(path): plugin kind \(kind) is unknown; use NH_KIND_CLASSIFIER (1), NH_KIND_SUMMARIZER (2) or NH_KIND_EXPORTER (3)"
        case .unknownFlags(let path, let flags):
            return
                "\(path): descriptor flags 0x\(String(flags, radix: 16)) set bits ABI v1 does not define; only NH_FLAG_THREAD_SAFE (0x1) exists"
        case .missingHook(let path, let hook):
            return "\(path): required hook `\(hook)` is missing from the hook table"
        case .duplicateHook(let path, let hook):
            return "\(path): hook `\(hook)` appears more than once in the hook table"
        case .nullHookFunction(let path, let hook):
            return "\(path): hook `\(hook)` has a NULL function pointer"
        case .malformedSignature(let path, let hook, let signature, let reason):
            return "\(path): hook `\(hook)` declares the signature `\(signature)`, which cannot be parsed (\(reason))"
        case .signatureMismatch(let path, let hook, let declared, let required):
            return "\(path): hook `\(hook)` declares `\(declared)`, ABI v1 requires `\(required)`"
        case .cannotPrepareCall(let path, let hook):
            return "\(path): libffi could not prepare a call interface for hook `\(hook)`"
        case .invalidOption(let path, let reason):
            return "\(path): malformed option table: \(reason)"
        case .invalidHookTable(let path, let reason):
            return "\(path): malformed hook table: \(reason)"
        case .hookNeedsNewerMinor(let path, let hook, let minor, let declared):
            return
                "\(path): hook `\(hook)` was added in ABI 1.\(minor) but the descriptor declares abi_minor \(declared); set abi_minor to at least \(minor) (NH_ABI_VERSION_MINOR), or a 1.\(declared) host would load the plugin and never call the hook"
        case .hookNotForKind(let path, let hook, let kind):
            return
                "\(path): hook `\(hook)` is for exporters only, and this plugin is a \(kind); remove it from the hook table"
        }
    }
}
