import CNewsHostPlugin

/// What a plugin kind promises to produce: `nh_plugin_descriptor.kind`.
/// The one Swift spelling of the header's `NH_KIND_*`, shared by the host,
/// the Swift plugin kit and the scaffolds.
public enum PluginKind: String, Sendable, CaseIterable {
    /// `NH_KIND_CLASSIFIER`: adds labels with scores.
    case classifier
    /// `NH_KIND_SUMMARIZER`: sets a summary, may add keywords.
    case summarizer
    /// `NH_KIND_EXPORTER`: writes articles out; gets them in input order.
    case exporter

    /// The header's constant for the kind.
    public var code: UInt32 {
        switch self {
        case .classifier: UInt32(NH_KIND_CLASSIFIER)
        case .summarizer: UInt32(NH_KIND_SUMMARIZER)
        case .exporter: UInt32(NH_KIND_EXPORTER)
        }
    }

    /// The kind of an `nh_plugin_descriptor.kind` value, or nil for a value
    /// the header does not define.
    public init?(code: UInt32) {
        guard let kind = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = kind
    }
}
