import CNewsHostPlugin
import NewsHostABI

/// The host, as a Swift plugin sees it: logging.
public struct HostServices: @unchecked Sendable {
    let api: UnsafePointer<nh_host_api>

    /// Log levels (`NH_LOG_*`, defined once in ``NewsHostABI``).
    public typealias LogLevel = NewsHostABI.LogLevel

    /// The descriptor of the run's real standard output, for an exporter
    /// given the path `-` (ABI 1.1's `stdout_fd`; fd 1 with an older host).
    public var standardOutput: Int32 {
        api.pointee.has(\.stdout_fd) ? api.pointee.stdout_fd : 1
    }

    /// Writes `message` to the host's log.
    public func log(_ level: LogLevel, _ message: String) {
        StringBridge.withStr(message) { api.pointee.log(api.pointee.host, level.code, $0) }
    }
}

/// Where a Swift plugin's results for one article go.
public struct Results {
    let api: UnsafePointer<nh_host_api>
    let result: OpaquePointer?

    /// Adds a label with a score in `0...1`; `false` when the host refused it.
    @discardableResult
    public func addLabel(_ name: String, score: Double) -> Bool {
        StringBridge.withStr(name) { api.pointee.add_label(result, $0, score) } == 0
    }

    /// Sets the summary; `false` when the host refused it.
    @discardableResult
    public func setSummary(_ text: String) -> Bool {
        StringBridge.withStr(text) { api.pointee.set_summary(result, $0) } == 0
    }

    /// Adds a weighted keyword; `false` when the host refused it.
    @discardableResult
    public func addKeyword(_ term: String, weight: Double) -> Bool {
        StringBridge.withStr(term) { api.pointee.add_keyword(result, $0, weight) } == 0
    }

    /// Sets a free-form field; `false` when the host refused it.
    @discardableResult
    public func setField(_ key: String, _ value: String) -> Bool {
        StringBridge.withStr(key) { key in StringBridge.withStr(value) { api.pointee.set_field(result, key, $0) } } == 0
    }

    /// Sets a free-form field whose value is UTF-8 built as bytes; `false`
    /// when the host refused it (the host checks the UTF-8).
    @discardableResult
    public func setField(_ key: String, utf8 value: [UInt8]) -> Bool {
        StringBridge.withStr(key) { key in StringBridge.withStr(utf8: value) { api.pointee.set_field(result, key, $0) }
        }
            == 0
    }
}

/// Conversions between Swift strings and the ABI's `nh_str`.
enum StringBridge {
    /// Calls `body` with a borrowed `nh_str` of `text`.
    static func withStr<R>(_ text: String, _ body: (nh_str) -> R) -> R {
        var text = text
        return text.withUTF8 { utf8 in
            body(nh_str(data: UnsafeRawPointer(utf8.baseAddress)?.assumingMemoryBound(to: CChar.self), len: utf8.count))
        }
    }

    /// Calls `body` with a borrowed `nh_str` of `utf8`, which is UTF-8.
    static func withStr<R>(utf8: [UInt8], _ body: (nh_str) -> R) -> R {
        utf8.withUnsafeBytes { bytes in
            body(nh_str(data: bytes.baseAddress?.assumingMemoryBound(to: CChar.self), len: bytes.count))
        }
    }

    /// A copy of `text`, invalid UTF-8 replaced by U+FFFD.
    static func string(_ text: nh_str) -> String {
        guard text.len > 0, let data = text.data else { return "" }
        return data.withMemoryRebound(to: UInt8.self, capacity: text.len) {
            String(decoding: UnsafeBufferPointer(start: $0, count: text.len), as: UTF8.self)
        }
    }

    /// Copies of the strings of a list.
    static func strings(_ list: nh_str_list) -> [String] {
        guard list.count > 0, let items = list.items else { return [] }
        return (0..<list.count).map { string(items[$0]) }
    }
}
