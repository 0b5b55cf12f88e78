import CNewsHostPlugin
import Locking
import NewsHostABI

/// Exports a ``NewsHostPlugin`` through the C ABI. In the plugin module:
///
/// ```swift
/// @_cdecl("newshost_plugin_entry")
/// public func newshostPluginEntry() -> UnsafeRawPointer {
///     PluginExport.descriptor(for: MyPlugin.self)
/// }
/// ```
///
/// One library exports one plugin type.
public enum PluginExport {
    private static let exported = LockedValue<(type: any NewsHostPlugin.Type, descriptor: UnsafeRawPointer)?>(nil)

    /// The descriptor of `type`, built on the first call and kept for the
    /// life of the library.
    public static func descriptor(for type: any NewsHostPlugin.Type) -> UnsafeRawPointer {
        exported.withLock { exported in
            if let exported { return exported.descriptor }
            ImagePinning.pinImage(containing: unsafeBitCast(create, to: UnsafeRawPointer.self))
            let descriptor = UnsafeRawPointer(DescriptorBuilder.build(type.metadata, hooks: hooks(for: type)))
            exported = (type, descriptor)
            return descriptor
        }
    }

    private static var pluginType: any NewsHostPlugin.Type {
        exported.withLock { $0!.type }
    }

    /// The instance handle the host holds: the plugin object and the host API.
    private final class Instance {
        let plugin: any NewsHostPlugin
        let api: UnsafePointer<nh_host_api>
        /// Whether `process` writes the record `prepare` made (an exporter that prepares records).
        let writesRecords: Bool
        /// Whether the output is final, so `destroy` keeps it.
        var committed = false
        init(plugin: any NewsHostPlugin, api: UnsafePointer<nh_host_api>) {
            self.plugin = plugin
            self.api = api
            let type = Swift.type(of: plugin)
            writesRecords = type.metadata.kind == .exporter && type.preparesRecords
        }
    }

    private static func instance(_ pointer: UnsafeMutableRawPointer?) -> Instance {
        Unmanaged<Instance>.fromOpaque(pointer!).takeUnretainedValue()
    }

    private static func report(
        _ failure: PluginFailure, _ api: UnsafePointer<nh_host_api>, _ result: OpaquePointer?
    ) -> Int32 {
        StringBridge.withStr(failure.description) { api.pointee.set_error(api.pointee.host, result, $0) }
        return failure.status.rawValue
    }

    private static let create:
        @convention(c) (
            UnsafePointer<nh_host_api>?, UnsafePointer<nh_config>?,
            UnsafeMutablePointer<UnsafeMutableRawPointer?>?
        ) -> Int32 = { api, config, out in
            guard let api, let config, let out else { return PluginStatus.invalidInput.rawValue }
            var options: [String: String] = [:]
            for index in 0..<config.pointee.count {
                let entry = config.pointee.entries[index]
                options[StringBridge.string(entry.key)] = StringBridge.string(entry.value)
            }
            let known = Set(pluginType.metadata.options.map(\.key))
            if let unknown = options.keys.sorted().first(where: { !known.contains($0) }) {
                let list = known.isEmpty ? "none" : known.sorted().joined(separator: ", ")
                return report(
                    PluginFailure(.badConfig, "unknown option `\(unknown)`; known options: \(list)"), api, nil)
            }
            for option in pluginType.metadata.options {
                if let value = options[option.key], let problem = option.type.problem(with: value) {
                    return report(PluginFailure(.badConfig, "option \(option.key)=\(value): \(problem)"), api, nil)
                }
            }
            do throws(PluginFailure) {
                let plugin = try pluginType.init(options: options, host: HostServices(api: api))
                out.pointee = Unmanaged.passRetained(Instance(plugin: plugin, api: api)).toOpaque()
                return 0
            } catch {
                return report(error, api, nil)
            }
        }

    private static let process:
        @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<nh_article>?, OpaquePointer?) -> Int32 = {
            handle, article, result in
            articleCall(handle, article, result) { instance, article throws(PluginFailure) in
                if instance.writesRecords {
                    // The record was made in `prepare`; nothing else of the article is read.
                    let record = article.record
                    try instance.plugin.write(
                        record: UnsafeRawBufferPointer(start: record.data, count: record.data == nil ? 0 : record.len))
                } else {
                    try instance.plugin.process(
                        ArticleView(article), results: Results(api: instance.api, result: result))
                }
                return 0
            }
        }

    private static let prepare:
        @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<nh_article>?, OpaquePointer?) -> Int32 = {
            handle, article, result in
            articleCall(handle, article, result) { instance, article throws(PluginFailure) in
                let record = try instance.plugin.recordBytes(for: ArticleView(article))
                return StringBridge.withStr(utf8: record) { instance.api.pointee.set_record(result, $0) }
            }
        }

    /// Runs `process` or `prepare` of the instance behind `handle` on
    /// `article`, turning a failure into `set_error` on `result` and its status.
    private static func articleCall(
        _ handle: UnsafeMutableRawPointer?, _ article: UnsafePointer<nh_article>?, _ result: OpaquePointer?,
        _ body: (Instance, nh_article) throws(PluginFailure) -> Int32
    ) -> Int32 {
        let instance = instance(handle)
        guard let article else { return PluginStatus.invalidInput.rawValue }
        do throws(PluginFailure) {
            return try body(instance, article.pointee)
        } catch {
            return report(error, instance.api, result)
        }
    }

    private static let finish: @convention(c) (UnsafeMutableRawPointer?) -> Int32 = { handle in
        endOfRun(handle) { instance throws(PluginFailure) in
            try instance.plugin.finish()
            // An exporter's output is final only after `commit`.
            instance.committed = pluginType.metadata.kind != .exporter
        }
    }

    private static let commit: @convention(c) (UnsafeMutableRawPointer?) -> Int32 = { handle in
        endOfRun(handle) { instance throws(PluginFailure) in
            try instance.plugin.commit()
            instance.committed = true
        }
    }

    /// Runs `finish` or `commit` of the instance behind `handle`, turning a
    /// failure into `set_error` and its status.
    private static func endOfRun(
        _ handle: UnsafeMutableRawPointer?, _ body: (Instance) throws(PluginFailure) -> Void
    ) -> Int32 {
        let instance = instance(handle)
        do throws(PluginFailure) {
            try body(instance)
            return 0
        } catch {
            return report(error, instance.api, nil)
        }
    }

    private static let destroy: @convention(c) (UnsafeMutableRawPointer?) -> Void = { handle in
        guard let handle else { return }
        let instance = Unmanaged<Instance>.fromOpaque(handle)
        if !instance.takeUnretainedValue().committed { instance.takeUnretainedValue().plugin.discard() }
        instance.release()
    }

    /// The hook table of `kind`: exporters commit in two phases, and
    /// prepare their records ahead when the plugin type says so.
    private static func hooks(for type: any NewsHostPlugin.Type) -> [(name: String, signature: String, function: nh_fn)]
    {
        let kind = type.metadata.kind
        var hooks = [
            (NH_HOOK_CREATE, NH_SIG_CREATE, unsafeBitCast(create, to: nh_fn.self)),
            (NH_HOOK_PROCESS, NH_SIG_PROCESS, unsafeBitCast(process, to: nh_fn.self)),
            (NH_HOOK_FINISH, NH_SIG_FINISH, unsafeBitCast(finish, to: nh_fn.self)),
            (NH_HOOK_DESTROY, NH_SIG_DESTROY, unsafeBitCast(destroy, to: nh_fn.self)),
        ]
        if kind == .exporter { hooks.append((NH_HOOK_COMMIT, NH_SIG_COMMIT, unsafeBitCast(commit, to: nh_fn.self))) }
        if kind == .exporter && type.preparesRecords {
            hooks.append((NH_HOOK_PREPARE, NH_SIG_PREPARE, unsafeBitCast(prepare, to: nh_fn.self)))
        }
        return hooks
    }
}
