import PluginHost

/// One `--option PLUGIN.KEY=VALUE` from the command line.
public struct OptionAssignment: Sendable, Equatable {
    /// The plugin id.
    public var plugin: String
    /// The option key.
    public var key: String
    /// The value, as text.
    public var value: String

    /// Parses `PLUGIN.KEY=VALUE`.
    public init(parsing text: String) throws(RuntimeError) {
        guard let equals = text.firstIndex(of: "="), let dot = text[..<equals].firstIndex(of: ".") else {
            throw .malformedOption(text)
        }
        plugin = String(text[..<dot])
        key = String(text[text.index(after: dot)..<equals])
        value = String(text[text.index(after: equals)...])
        guard !plugin.isEmpty, !key.isEmpty else { throw .malformedOption(text) }
    }
}

/// The option values of one plugin in a run: every key of its table, in
/// table order, with the user's value or the default.
public enum PluginOptions {
    /// Validates `assignments` for `descriptor` and fills in defaults.
    ///
    /// - Throws: ``RuntimeError/unknownOptionKey(plugin:key:known:)`` or
    ///   ``RuntimeError/badOptionValue(plugin:key:value:problem:)``.
    public static func resolve(
        _ assignments: [OptionAssignment], for descriptor: PluginDescriptor
    )
        throws(RuntimeError) -> [(key: String, value: String)]
    {
        var values: [String: String] = [:]
        for assignment in assignments where assignment.plugin == descriptor.id {
            guard let spec = descriptor.options.first(where: { $0.key == assignment.key }) else {
                throw .unknownOptionKey(
                    plugin: descriptor.id, key: assignment.key, known: descriptor.options.map(\.key))
            }
            if let problem = OptionValidation.problem(with: assignment.value, for: spec.type) {
                throw .badOptionValue(
                    plugin: descriptor.id, key: assignment.key, value: assignment.value, problem: problem)
            }
            values[assignment.key] = assignment.value
        }
        return descriptor.options.map { (key: $0.key, value: values[$0.key] ?? $0.defaultValue) }
    }
}
