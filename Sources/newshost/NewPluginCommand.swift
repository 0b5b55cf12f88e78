import Foundation
import NewPluginTemplates
import NewsHostABI

/// `newshost new-plugin`: writes a plugin project that builds outside this
/// package and passes conformance out of the box.
struct NewPluginCommand: Command {
    static let kind = Flag(
        "--kind", value: "classifier|summarizer|exporter", help: "what the plugin is (default classifier)")
    static let language = Flag("--lang", value: "c|swift", help: "the language it is written in (default c)")
    static let directory = Flag("--dir", value: "DIR", help: "where the project's directory goes (default .)")

    static let configuration = CommandConfiguration(
        name: "new-plugin", abstract: "write a new plugin project (C or Swift) to start from",
        arguments: "NAME [--kind KIND] [--lang c|swift] [--dir DIR]",
        discussion: """
            Writes DIR/NAME (default ./NAME): a self-contained plugin project that
            builds outside this package against the installed header (a Makefile
            using `pkg-config newshost-plugin`; swiftc -emit-library for Swift) and
            passes `newshost conformance --level 3` as generated. Defaults: classifier, C.
            """,
        flags: [kind, language, directory],
        exitStatuses: "Exit status: 0 when written; 2 for a wrong command line or an existing directory.")

    let name: String
    let pluginKind: PluginTemplates.Kind
    let pluginLanguage: PluginTemplates.Language
    let projectDirectory: URL

    init(_ arguments: inout Arguments) throws {
        let kindText = try arguments.value(Self.kind) ?? "classifier"
        guard let kind = PluginTemplates.Kind(rawValue: kindText) else {
            throw UsageError(description: "--kind \(kindText): expected classifier, summarizer or exporter")
        }
        let languageText = try arguments.value(Self.language) ?? "c"
        guard let language = PluginTemplates.Language(rawValue: languageText) else {
            throw UsageError(description: "--lang \(languageText): expected c or swift")
        }
        let parent = try arguments.value(Self.directory) ?? "."
        let operands = try arguments.operands(command: Self.configuration.name)
        guard operands.count == 1, let name = operands.first else {
            throw UsageError(
                description:
                    "newshost new-plugin takes one NAME, e.g. `newshost new-plugin my-classifier --kind classifier`")
        }
        guard NameRule.pluginID.accepts(name) else {
            throw UsageError(
                description:
                    "plugin name `\(name)` is invalid; use lower-case letters, digits and -, starting with a letter or digit, at most \(NameRule.pluginID.maximumBytes) bytes"
            )
        }
        let directory = URL(fileURLWithPath: parent).appendingPathComponent(name)
        guard !FileManager.default.fileExists(atPath: directory.path) else {
            throw UsageError(description: "\(directory.path) already exists; choose another NAME or --dir")
        }
        self.name = name
        pluginKind = kind
        pluginLanguage = language
        projectDirectory = directory
    }

    func run() throws -> ExitStatus {
        do {
            try FileManager.default.createDirectory(at: projectDirectory, withIntermediateDirectories: true)
            for file in PluginTemplates.files(name: name, kind: pluginKind, language: pluginLanguage) {
                let destination = projectDirectory.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(
                    at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: destination)
            }
        } catch {
            throw UsageError(description: "\(projectDirectory.path): cannot write the project (\(error))")
        }
        let path = projectDirectory.path
        Console.out(
            "wrote \(path): a \(pluginKind.rawValue) in \(pluginLanguage == .c ? "C" : "Swift"); build it with `make -C \(path)`, check it with `make -C \(path) conformance`"
        )
        return .success
    }
}
