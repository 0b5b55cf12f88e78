import CNewsHostPlugin
import Glibc

/// Lays out an `nh_plugin_descriptor` from ``PluginMetadata`` in memory that
/// is never freed (the descriptor must live as long as the library).
enum DescriptorBuilder {
    static func build(
        _ metadata: PluginMetadata, hooks: [(name: String, signature: String, function: nh_fn)]
    )
        -> UnsafePointer<nh_plugin_descriptor>
    {
        let options = UnsafeMutablePointer<nh_option_spec>.allocate(capacity: max(1, metadata.options.count))
        for (index, option) in metadata.options.enumerated() {
            (options + index).initialize(
                to: nh_option_spec(
                    struct_size: UInt32(MemoryLayout<nh_option_spec>.size), type: option.type.code,
                    key: permanent(option.key), default_value: permanent(option.defaultValue),
                    help: permanent(option.help), choices: option.type.choicesText.map(permanent)))
        }
        let table = UnsafeMutablePointer<nh_hook>.allocate(capacity: hooks.count)
        for (index, hook) in hooks.enumerated() {
            (table + index).initialize(
                to: nh_hook(
                    struct_size: UInt32(MemoryLayout<nh_hook>.size), name: permanent(hook.name),
                    signature: permanent(hook.signature), fn: hook.function))
        }
        let descriptor = UnsafeMutablePointer<nh_plugin_descriptor>.allocate(capacity: 1)
        descriptor.initialize(
            to: nh_plugin_descriptor(
                struct_size: UInt32(MemoryLayout<nh_plugin_descriptor>.size),
                abi_major: UInt16(NH_ABI_VERSION_MAJOR), abi_minor: UInt16(NH_ABI_VERSION_MINOR),
                id: permanent(metadata.id), version: permanent(metadata.version), vendor: permanent(metadata.vendor),
                description: permanent(metadata.description), kind: metadata.kind.code,
                flags: metadata.isThreadSafe ? UInt32(NH_FLAG_THREAD_SAFE) : 0,
                options: metadata.options.isEmpty ? nil : UnsafePointer(options), option_count: metadata.options.count,
                hooks: UnsafePointer(table), hook_count: hooks.count))
        return UnsafePointer(descriptor)
    }

    /// A NUL-terminated copy of `text` that is never freed.
    private static func permanent(_ text: String) -> UnsafePointer<CChar> {
        UnsafePointer(strdup(text)!)
    }
}
