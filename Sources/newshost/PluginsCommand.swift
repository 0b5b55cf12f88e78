import NewsHostRuntime
import PluginHost

/// `--plugin-path DIR`, which every command that looks plugins up takes.
extension PluginSearchPath {
    static let flag = Flag(
        "--plugin-path", value: "DIR",
        help:
            "look for plugins in DIR first (repeatable); then $NEWSHOST_PLUGIN_PATH (colon list), then the directory of the newshost executable"
    )

    /// The search path the command line asks for.
    static func from(_ arguments: inout Arguments) throws -> PluginSearchPath {
        PluginSearchPath(explicit: try arguments.values(flag))
    }
}

/// `newshost plugins`: the plugins of the search path, as a table.
struct PluginsCommand: Command {
    static let configuration = CommandConfiguration(
        name: "plugins", abstract: "list the plugins found in the search path",
        arguments: "[--plugin-path DIR]...",
        discussion: """
            Lists the plugins found in the search path (--plugin-path directories,
            then $NEWSHOST_PLUGIN_PATH, then the directory of the executable): id,
            kind, version, file and description. Libraries that are plugins but
            cannot be loaded are listed with the reason.
            """,
        flags: [PluginSearchPath.flag])

    let searchPath: PluginSearchPath

    init(_ arguments: inout Arguments) throws {
        searchPath = try PluginSearchPath.from(&arguments)
        _ = try arguments.operands(command: Self.configuration.name)
    }

    func run() throws -> ExitStatus {
        CrashNotice.install(advice: "it is not a working plugin: fix it, or move it out of the search path")
        let candidates = searchPath.discover()
        guard !candidates.isEmpty else {
            Console.err(
                "newshost: no plugins found in \(searchPath.directories.joined(separator: ":")); add --plugin-path DIR")
            return .success
        }
        var rows = [["ID", "KIND", "VERSION", "FILE", "DESCRIPTION"]]
        var broken = false
        for candidate in candidates {
            switch candidate.result {
            case .success(let library):
                let d = library.descriptor
                rows.append([d.id, d.kind.rawValue, d.version, candidate.path, d.description])
            case .failure(let error):
                broken = true
                rows.append(["?", "broken", "-", candidate.path, error.description])
            }
        }
        Console.out(Table.render(rows))
        return broken ? .pluginUnusable : .success
    }
}

/// `newshost inspect`: everything one plugin's descriptor says.
struct InspectCommand: Command {
    static let configuration = CommandConfiguration(
        name: "inspect", abstract: "show everything a plugin's descriptor says",
        arguments: "[--plugin-path DIR]... PLUGIN",
        discussion: """
            Shows everything PLUGIN's descriptor says: id, version, vendor, kind,
            ABI version, thread safety, options with types, defaults and help, and
            hooks with their signatures. PLUGIN is a name or a .so path.
            """,
        flags: [PluginSearchPath.flag])

    let path: String

    init(_ arguments: inout Arguments) throws {
        let searchPath = try PluginSearchPath.from(&arguments)
        let operands = try arguments.operands(command: Self.configuration.name)
        guard operands.count == 1 else {
            throw UsageError(
                description: "newshost inspect takes one plugin name or path, e.g. `newshost inspect classify`")
        }
        path = try searchPath.resolve(operands[0])
    }

    func run() throws -> ExitStatus {
        CrashNotice.install(advice: "it is not a working plugin: fix it, or check it with `newshost conformance`")
        let library = try PluginLibrary(path: path)
        let d = library.descriptor
        var lines = [
            "id:          \(d.id)",
            "version:     \(d.version)",
            "vendor:      \(d.vendor)",
            "description: \(d.description)",
            "kind:        \(d.kind.rawValue)",
            "abi:         \(d.abiMajor).\(d.abiMinor)",
            "thread-safe: \(d.isThreadSafe ? "yes" : "no")",
            "file:        \(library.path)",
            "",
            "options:",
        ]
        if d.options.isEmpty { lines.append("  (none)") }
        for option in d.options {
            lines.append(
                "  \(d.id).\(option.key) (\(option.type.name), default \(option.defaultValue.isEmpty ? "\"\"" : option.defaultValue))"
            )
            if !option.help.isEmpty { lines.append("      \(option.help)") }
        }
        lines += ["", "hooks:"]
        for hook in d.hooks {
            let known = HookName(rawValue: hook.name) != nil ? "" : "  (unknown to this host; ignored)"
            lines.append("  \(hook.name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(hook.signature)\(known)")
        }
        Console.out(lines.joined(separator: "\n"))
        return .success
    }
}

/// Plain-text tables with aligned columns.
enum Table {
    static func render(_ rows: [[String]]) -> String {
        guard let first = rows.first else { return "" }
        let widths = (0..<first.count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
