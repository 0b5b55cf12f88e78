import NewsHostConformance

/// Every command of `newshost`, and what is made from the list: the main
/// help with its command table, the lookup by name, and the message for a
/// name that is none of them.
enum CommandRegistry {
    /// In the order the main help lists them; hidden ones last.
    static var commands: [any Command.Type] {
        [
            RunCommand.self, ParseCommand.self, PackCommand.self, PluginsCommand.self, InspectCommand.self,
            ConformanceCommand.self, NewPluginCommand.self, ConformanceWorkerCommand.self, PluginWorkerCommand.self,
        ]
    }

    static func command(named name: String) -> (any Command.Type)? {
        commands.first { $0.configuration.name == name }
    }

    /// The command line of the listed commands' names, for messages.
    static var listedNames: [String] {
        commands.map { $0.configuration }.filter { !$0.isHidden }.map(\.name)
    }

    static func unknownCommand(_ name: String) -> UsageError {
        UsageError(
            description:
                "unknown command `\(name)`; commands are \(listedNames.joined(separator: ", ")) (see `newshost --help`)"
        )
    }

    static let version = "newshost \(ConformanceRunner.hostVersion) (plugin ABI \(ConformanceRunner.abiVersion))"

    /// `newshost --help`.
    static var mainHelp: String {
        let listed = commands.map { $0.configuration }.filter { !$0.isHidden }
        let width = (listed.map(\.name.count).max() ?? 0) + 2
        let table = listed.map { "  " + $0.name.padding(toLength: width, withPad: " ", startingAt: 0) + $0.abstract }
        return """
            newshost — parse Chinese newspaper page dumps into articles and run them
            through a chain of native plugins (.so files speaking the newshost C ABI).

            Usage: newshost <command> [options]

            Commands:
            \(table.joined(separator: "\n"))

            Options:
              -h, --help     show help (also `newshost <command> --help`)
              --version      show the version and the plugin ABI version

            Example:
              newshost run --plugins classify,export-csv seeds/

            \(ExitStatus.help)
            """
    }
}
