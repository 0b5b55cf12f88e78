import Foundation
import OutputFiles
import PluginHost

/// Where the exporters of a chain write, checked before anything is created
/// so that no two of them write the same file or both write stdout.
///
/// An exporter's options of type path are its outputs. Two that name the
/// same file (after following symbolic links and `..`), or two on stdout
/// (`-`, `/dev/stdout`), would overwrite or interleave each other's output.
/// Character devices other than stdout (`/dev/null`) may be shared.
enum OutputTargets {
    /// An exporter of the chain and its option values.
    typealias Exporter = (spec: PluginDescriptor, options: [(key: String, value: String)])

    /// How ``canonical(_:)`` spells standard output.
    static let standardOutput = "-"

    /// Throws ``RuntimeError/sharedOutput(target:first:second:)`` for the
    /// first target two exporters share.
    static func checkDistinct(_ exporters: [Exporter]) throws(RuntimeError) {
        var owners: [String: String] = [:]
        for exporter in exporters {
            for target in outputs(of: exporter).compactMap(canonical) {
                if let first = owners[target], first != exporter.spec.id {
                    throw .sharedOutput(
                        target: target == standardOutput ? "stdout" : target, first: first, second: exporter.spec.id)
                }
                owners[target] = exporter.spec.id
            }
        }
    }

    /// Whether any exporter built for ABI 1.0 writes stdout: such a plugin
    /// writes to fd 1 itself, so fd 1 must stay the real standard output.
    static func legacyExporterWritesStandardOutput(_ exporters: [Exporter]) -> Bool {
        exporters.contains { $0.spec.abiMinor < 1 && outputs(of: $0).contains(where: OutputFile.isStandardOutput) }
    }

    /// The values of an exporter's path options: its outputs.
    static func outputs(of exporter: Exporter) -> [String] {
        exporter.spec.options.filter { $0.type == .path }.compactMap { option in
            exporter.options.first { $0.key == option.key }?.value
        }
    }

    /// One spelling per file: `-` for stdout, the resolved absolute path for
    /// a file, `nil` for an empty value or a shareable device.
    static func canonical(_ value: String) -> String? {
        if value.isEmpty { return nil }
        if OutputFile.isStandardOutput(value) { return standardOutput }
        let path = URL(fileURLWithPath: value).standardizedFileURL.resolvingSymlinksInPath().path
        let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
        return type == .typeCharacterSpecial ? nil : path
    }
}
