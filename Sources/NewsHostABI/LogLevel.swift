import CNewsHostPlugin

/// The severity of a plugin's `log` message: the header's `NH_LOG_*`.
public enum LogLevel: Int32, Sendable, Comparable, CaseIterable {
    /// `NH_LOG_DEBUG`.
    case debug
    /// `NH_LOG_INFO`.
    case info
    /// `NH_LOG_WARN`.
    case warn
    /// `NH_LOG_ERROR`.
    case error

    /// The header's constant for the level.
    public var code: Int32 {
        switch self {
        case .debug: Int32(NH_LOG_DEBUG)
        case .info: Int32(NH_LOG_INFO)
        case .warn: Int32(NH_LOG_WARN)
        case .error: Int32(NH_LOG_ERROR)
        }
    }

    /// The level of an `int32_t` a plugin passed; an unknown value counts as
    /// `error` above the known range and `debug` below it.
    public init(code: Int32) {
        self = Self.allCases.first { $0.code == code } ?? (code > Int32(NH_LOG_ERROR) ? .error : .debug)
    }

    /// Orders levels by severity.
    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.code < rhs.code }
}
