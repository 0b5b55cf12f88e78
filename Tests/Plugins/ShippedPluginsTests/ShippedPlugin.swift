import Foundation
import NewsHostCore
import NewsHostRuntime
import NewsHostTestSupport
import PluginHost

/// Instances of the shipped plugins, loaded from their real `.so` files with
/// options validated and defaulted the way `newshost run` does it.
enum ShippedPlugin {
    static let ids = ["classify", "summarize", "export-csv", "export-jsonl", "export-sqlite"]

    static func instance(_ id: String, _ options: [String: String] = [:]) throws -> PluginInstance {
        let library = try PluginLibrary(path: TestPaths.plugin(id))
        let assignments = try options.map { try OptionAssignment(parsing: "\(id).\($0.key)=\($0.value)") }
        let values = try PluginOptions.resolve(assignments, for: library.descriptor)
        return try PluginInstance(library: library, options: values, logHandler: { _ in })
    }

    /// Options that keep an exporter's output inside `directory`.
    static func outputOptions(_ id: String, in directory: URL) -> [String: String] {
        switch id {
        case "export-csv": return ["path": directory.appendingPathComponent("out.csv").path]
        case "export-jsonl": return ["path": directory.appendingPathComponent("out.jsonl").path]
        case "export-sqlite": return ["path": directory.appendingPathComponent("out.sqlite").path]
        default: return [:]
        }
    }

    /// The seed articles, parsed.
    static func seedArticles() throws -> [Article] {
        try InputSource.expand([TestPaths.seeds.path]).flatMap { try PageReader().read($0).articles }
    }

    /// Articles no parser would produce, that a plugin must survive.
    static let hostileArticles: [Article] = [
        Article(source: "hostile", index: 0),
        Article(source: "hostile", index: 1, paragraphs: ["没有任何标点符号的一段很长的文字" + String(repeating: "继续写下去", count: 50)]),
        Article(source: "hostile", index: 2, paragraphs: [String(repeating: "知识产权保护。企业发展很快！", count: 75_000)]),
        Article(
            source: "hostile", index: 3, titles: ["English only"], headline: "English only",
            paragraphs: [
                "The council met on Monday. It approved the budget; members voted 9 to 2!", "No Chinese here.",
            ]),
        Article(
            source: "hostile", index: 4, paragraphs: ["表情😀👍🏽与组合字符é、ñ，以及从右到左的文字 مرحبا بالعالم。", "\u{0}内嵌空字符\u{0}。"]),
    ]
}
