import Foundation
import PluginHost

/// Where plugins are looked for, in order: `--plugin-path` directories,
/// then `NEWSHOST_PLUGIN_PATH` (a colon-separated list), then the directory
/// of the `newshost` executable.
public struct PluginSearchPath: Sendable, Equatable {
    /// The directories, in search order.
    public var directories: [String]

    /// Builds the search path from the command line and the environment.
    public init(
        explicit: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
        executableDirectory: String? = PluginSearchPath.executableDirectory()
    ) {
        var directories = explicit
        if let list = environment["NEWSHOST_PLUGIN_PATH"] {
            directories += list.split(separator: ":").map(String.init)
        }
        if let executableDirectory { directories.append(executableDirectory) }
        self.directories = directories
    }

    /// The directory holding the running executable.
    public static func executableDirectory() -> String? {
        executablePath().map { ($0 as NSString).deletingLastPathComponent }
    }

    /// The running executable.
    public static func executablePath() -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    }

    /// Whether a `--plugins` entry is a path (it contains `/` or ends in
    /// `.so`), which loads that file whatever plugin it holds.
    public static func isPathForm(_ name: String) -> Bool {
        name.contains("/") || name.hasSuffix(".so")
    }

    /// The file a `--plugins` entry names: a path when it contains `/` or
    /// ends in `.so`, else the first `lib<name>.so` or `<name>.so` found.
    public func resolve(_ name: String) throws(RuntimeError) -> String {
        let fileManager = FileManager.default
        if Self.isPathForm(name) {
            guard fileManager.fileExists(atPath: name) else { throw .pluginFileMissing(path: name) }
            return name
        }
        for directory in directories {
            for file in ["lib\(name).so", "\(name).so"] {
                let path = (directory as NSString).appendingPathComponent(file)
                if fileManager.fileExists(atPath: path) { return path }
            }
        }
        throw .unknownPlugin(name: name, searched: directories, available: candidateNames())
    }

    /// The plugin names the search path offers, from the file names alone
    /// (`lib<name>.so`, `<name>.so`): nothing is loaded, so no library's
    /// code runs just to list it.
    public func candidateNames() -> [String] {
        var names: [String] = []
        for directory in directories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for file in files where file.hasSuffix(".so") {
                let stem = String(file.dropLast(3))
                let name = stem.hasPrefix("lib") ? String(stem.dropFirst(3)) : stem
                if !name.isEmpty && !names.contains(name) { names.append(name) }
            }
        }
        return names.sorted()
    }

    /// A shared library found in the search path and what loading it gave.
    public struct Candidate: Sendable {
        /// The file.
        public var path: String
        /// The loaded plugin, or why it could not be loaded.
        public var result: Result<PluginLibrary, PluginLoadError>
    }

    /// Every `*.so` in the search path that exports the entry symbol, loaded
    /// (the first file for each id wins). Libraries that are not plugins
    /// (no entry symbol) are left out; broken plugins are returned with their error.
    public func discover() -> [Candidate] {
        var seen = Set<String>()
        var candidates: [Candidate] = []
        for directory in directories {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for name in names.sorted() where name.hasSuffix(".so") {
                let path = (directory as NSString).appendingPathComponent(name)
                do {
                    let library = try PluginLibrary(path: path)
                    if seen.insert(library.descriptor.id).inserted {
                        candidates.append(Candidate(path: path, result: .success(library)))
                    }
                } catch .missingEntrySymbol {
                    continue
                } catch {
                    candidates.append(Candidate(path: path, result: .failure(error)))
                }
            }
        }
        return candidates
    }
}
