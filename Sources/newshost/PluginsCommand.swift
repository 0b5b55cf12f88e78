import NewsHostRuntime
import PluginHost

/// `newshost plugins` and `newshost inspect`.
enum PluginsCommand {
    static func list(_ arguments: inout Arguments) throws -> ExitStatus {
        let searchPath = PluginSearchPath(explicit: try arguments.values("--plugin-path"))
        _ = try arguments.operands(command: "plugins")
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

    static func inspect(_ arguments: inout Arguments) throws -> ExitStatus {
        let searchPath = PluginSearchPath(explicit: try arguments.values("--plugin-path"))
        let operands = try arguments.operands(command: "inspect")
        guard operands.count == 1 else {
            throw UsageError(
                description: "newshost inspect takes one plugin name or path, e.g. `newshost inspect classify`")
        }
        CrashNotice.install(advice: "it is not a working plugin: fix it, or check it with `newshost conformance`")
        let library = try PluginLibrary(path: try searchPath.resolve(operands[0]))
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
