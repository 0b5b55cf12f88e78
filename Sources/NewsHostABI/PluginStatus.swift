import CNewsHostPlugin

/// A hook's status: `NH_OK` or one of the negative `NH_ERR_*` codes. The one
/// Swift spelling of the header's statuses, in the swift-system style: any
/// `int32_t` a plugin returns is a value, and the known ones have names.
public struct PluginStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The `int32_t` as returned.
    public var rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// `NH_OK`.
    public static let ok = PluginStatus(rawValue: Int32(NH_OK))
    /// `NH_ERR_INVALID_INPUT`: the article or an argument cannot be used.
    public static let invalidInput = PluginStatus(rawValue: Int32(NH_ERR_INVALID_INPUT))
    /// `NH_ERR_BAD_CONFIG`: an option key or value cannot be used.
    public static let badConfig = PluginStatus(rawValue: Int32(NH_ERR_BAD_CONFIG))
    /// `NH_ERR_IO`: reading or writing failed.
    public static let io = PluginStatus(rawValue: Int32(NH_ERR_IO))
    /// `NH_ERR_UNSUPPORTED`: the request is valid but not supported.
    public static let unsupported = PluginStatus(rawValue: Int32(NH_ERR_UNSUPPORTED))
    /// `NH_ERR_INTERNAL`: a bug or resource failure inside the plugin.
    public static let internalError = PluginStatus(rawValue: Int32(NH_ERR_INTERNAL))

    /// The statuses the header names, with their C names.
    public static let named: [(status: PluginStatus, name: String)] = [
        (.ok, "NH_OK"), (.invalidInput, "NH_ERR_INVALID_INPUT"), (.badConfig, "NH_ERR_BAD_CONFIG"), (.io, "NH_ERR_IO"),
        (.unsupported, "NH_ERR_UNSUPPORTED"), (.internalError, "NH_ERR_INTERNAL"),
    ]

    /// The header's name for the status, or `status N` for one it does not name.
    public var description: String {
        Self.named.first { $0.status == self }?.name ?? "status \(rawValue)"
    }
}
