import Foundation
import NewsHostConformance

/// `newshost new-plugin`: writes a plugin project that builds outside this
/// package and passes conformance out of the box.
enum NewPluginCommand {
    static func main(_ arguments: inout Arguments) throws -> ExitStatus {
        let kindText = try arguments.value("--kind") ?? "classifier"
        guard let kind = PluginTemplates.Kind(rawValue: kindText) else {
            throw UsageError(description: "--kind \(kindText): expected classifier, summarizer or exporter")
        }
        let languageText = try arguments.value("--lang") ?? "c"
        guard let language = PluginTemplates.Language(rawValue: languageText) else {
            throw UsageError(description: "--lang \(languageText): expected c or swift")
        }
        let parent = try arguments.value("--dir") ?? "."
        let operands = try arguments.operands(command: "new-plugin")
        guard operands.count == 1, let name = operands.first else {
            throw UsageError(
                description:
                    "newshost new-plugin takes one NAME, e.g. `newshost new-plugin my-classifier --kind classifier`")
        }
        guard PluginTemplates.isValidName(name) else {
            throw UsageError(
                description:
                    "plugin name `\(name)` is invalid; use lower-case letters, digits and -, starting with a letter or digit"
            )
        }
        let directory = URL(fileURLWithPath: parent).appendingPathComponent(name)
        guard !FileManager.default.fileExists(atPath: directory.path) else {
            throw UsageError(description: "\(directory.path) already exists; choose another NAME or --dir")
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for file in PluginTemplates.files(name: name, kind: kind, language: language) {
                let destination = directory.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(
                    at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: destination)
            }
        } catch {
            throw UsageError(description: "\(directory.path): cannot write the project (\(error))")
        }
        Console.out(
            "wrote \(directory.path): a \(kind.rawValue) in \(language == .c ? "C" : "Swift"); build it with `make -C \(directory.path)`, check it with `make -C \(directory.path) conformance`"
        )
        return .success
    }
}
