import PluginHost

/// Which plugins of a chain run in isolated worker processes (`--isolate`).
public enum IsolationSelection: Sendable, Equatable {
    /// None: every plugin runs in the host process.
    case none
    /// Every classifier and summarizer (exporters stay in the host).
    case all
    /// The plugins named here, by the name given in `--plugins` or by id.
    case plugins([String])

    /// The names that pick a `--plugins` entry: the entry itself and, for
    /// a path, its file name without `lib` and `.so` (`./lib/libx.so` → `x`).
    public static func aliases(of entry: String) -> [String] {
        let file = entry.split(separator: "/").last.map(String.init) ?? entry
        let stem = file.hasSuffix(".so") ? String(file.dropLast(3)) : file
        return [entry, stem, stem.hasPrefix("lib") ? String(stem.dropFirst(3)) : stem]
    }

    /// The chain positions to isolate.
    ///
    /// - Throws: ``RuntimeError/isolationOfAbsentPlugin(name:chain:)`` for a
    ///   name not in the chain, ``RuntimeError/isolationOfExporter(plugin:)``
    ///   for an exporter.
    func stages(names: [String], libraries: [PluginLibrary]) throws(RuntimeError) -> Set<Int> {
        switch self {
        case .none:
            return []
        case .all:
            return Set(libraries.indices.filter { libraries[$0].descriptor.kind != .exporter })
        case .plugins(let wanted):
            var stages = Set<Int>()
            for name in wanted {
                guard
                    let stage = libraries.indices.first(where: {
                        Self.aliases(of: names[$0]).contains(name) || libraries[$0].descriptor.id == name
                    })
                else {
                    throw .isolationOfAbsentPlugin(name: name, chain: libraries.map(\.descriptor.id))
                }
                guard libraries[stage].descriptor.kind != .exporter else {
                    throw .isolationOfExporter(plugin: libraries[stage].descriptor.id)
                }
                stages.insert(stage)
            }
            return stages
        }
    }
}
