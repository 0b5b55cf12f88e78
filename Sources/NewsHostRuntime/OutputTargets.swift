import Foundation
import PluginHost

/// Where the exporters of a chain write, checked before anything is created
/// so that no two of them write the same file or both write stdout.
///
/// An exporter's options of type path are its outputs. Two that name the
/// same file (after following symbolic links and `..`), or two on stdout
/// (`-`, `/dev/stdout`), would overwrite or interleave each other's output.
/// Character devices other than stdout (`/dev/null`) may be shared.
enum OutputTargets {
    /// The value that means standard output.
    static let standardOutput = "-"

    /// Throws ``RuntimeError/sharedOutput(target:first:second:)`` for the
    /// first target two exporters share.
    static func checkDistinct(_ exporters: [(id: String, options: [(key: String, value: String)], spec: PluginDescriptor)])
        throws(RuntimeError)
    {
        var owners: [String: String] = [:]
        for exporter in exporters {
            for option in exporter.spec.options where option.type == .path {
                guard let value = exporter.options.first(where: { $0.key == option.key })?.value,
                      let target = canonical(value)
                else { continue }
                if let first = owners[target], first != exporter.id {
                    throw .sharedOutput(target: target == standardOutput ? "stdout" : target, first: first, second: exporter.id)
                }
                owners[target] = exporter.id
            }
        }
    }

    /// Whether any exporter built for ABI 1.0 writes stdout: such a plugin
    /// writes to fd 1 itself, so fd 1 must stay the real standard output.
    static func legacyExporterWritesStandardOutput(
        _ exporters: [(id: String, options: [(key: String, value: String)], spec: PluginDescriptor)]
    ) -> Bool {
        exporters.contains { exporter in
            exporter.spec.abiMinor < 1
                && exporter.options.contains { option in
                    exporter.spec.options.contains { $0.key == option.key && $0.type == .path }
                        && canonical(option.value) == standardOutput
                }
        }
    }

    /// One spelling per file: `-` for stdout, the resolved absolute path for
    /// a file, `nil` for an empty value or a shareable device.
    static func canonical(_ value: String) -> String? {
        if value.isEmpty { return nil }
        if value == standardOutput || value == "/dev/stdout" || value == "/proc/self/fd/1" { return standardOutput }
        let url = URL(fileURLWithPath: value).standardizedFileURL.resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
           let type = try? FileManager.default.attributesOfItem(atPath: url.path)[.type] as? FileAttributeType,
           type == .typeCharacterSpecial
        {
            return nil
        }
        return url.path
    }
}
