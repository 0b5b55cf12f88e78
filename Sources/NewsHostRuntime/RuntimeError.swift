import PluginHost

/// Why a run could not start.
public enum RuntimeError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A `--plugins` name matched no file in the search path.
    case unknownPlugin(name: String, searched: [String], available: [String])
    /// A `--plugins` path does not exist.
    case pluginFileMissing(path: String)
    /// The same plugin was named twice in `--plugins`.
    case duplicatePlugin(id: String)
    /// An `--option` is not of the form `PLUGIN.KEY=VALUE`.
    case malformedOption(String)
    /// An `--option` names a plugin that is not in the chain.
    case optionForAbsentPlugin(option: String, plugin: String, chain: [String])
    /// An `--option` key is not in the plugin's option table.
    case unknownOptionKey(plugin: String, key: String, known: [String])
    /// An `--option` value does not fit the option's type.
    case badOptionValue(plugin: String, key: String, value: String, problem: String)
    /// `--plugins` was empty.
    case noPlugins
    /// `--isolate` names a plugin that is not in the chain.
    case isolationOfAbsentPlugin(name: String, chain: [String])
    /// `--isolate` names an exporter.
    case isolationOfExporter(plugin: String)
    /// The library found for a `--plugins` name says it is another plugin.
    case pluginIDMismatch(name: String, path: String, id: String)
    /// Two exporters would write the same file, or both to stdout.
    case sharedOutput(target: String, first: String, second: String)

    /// A message for the person running the command.
    public var description: String {
        switch self {
        case .unknownPlugin(let name, let searched, let available):
            let found =
                available.isEmpty ? "no plugins were found" : "plugins found: \(available.joined(separator: ", "))"
            return
                "unknown plugin `\(name)`: no lib\(name).so or \(name).so in \(searched.joined(separator: ":")); \(found). Add --plugin-path DIR or give the .so path"
        case .pluginIDMismatch(let name, let path, let id):
            return
                "--plugins \(name): \(path) is the plugin `\(id)`, not `\(name)`; rename the file to lib\(id).so, or give its path (--plugins \(path)) to load it whatever its name"
        case .sharedOutput(let target, let first, let second):
            return
                "exporters \(first) and \(second) would both write \(target), and one would destroy the other's output; give each its own path (e.g. --option \(second).path=FILE)"
        case .pluginFileMissing(let path):
            return "\(path): no such plugin file"
        case .duplicatePlugin(let id):
            return "plugin `\(id)` is named twice in --plugins; name each plugin once"
        case .malformedOption(let text):
            return "--option \(text): expected PLUGIN.KEY=VALUE, e.g. --option classify.threshold=0.5"
        case .optionForAbsentPlugin(let option, let plugin, let chain):
            return "--option \(option): plugin `\(plugin)` is not in --plugins (\(chain.joined(separator: ",")))"
        case .unknownOptionKey(let plugin, let key, let known):
            let list = known.isEmpty ? "it takes no options" : "it takes \(known.joined(separator: ", "))"
            return "plugin \(plugin) has no option `\(key)`; \(list) (see `newshost inspect \(plugin)`)"
        case .badOptionValue(let plugin, let key, let value, let problem):
            return "option \(plugin).\(key)=\(value): \(problem)"
        case .isolationOfAbsentPlugin(let name, let chain):
            return "--isolate \(name): plugin `\(name)` is not in --plugins (\(chain.joined(separator: ",")))"
        case .isolationOfExporter(let plugin):
            return
                "--isolate \(plugin): \(plugin) is an exporter, and exporters run in the host: a restarted exporter would begin its output afresh and lose what it had written. Isolate the classifiers and summarizers you do not trust"
        case .noPlugins:
            return "--plugins is empty; name at least one plugin, e.g. --plugins classify,export-csv"
        }
    }
}
