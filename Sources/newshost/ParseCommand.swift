import NewsHostCore

/// `newshost parse`: prints the parsed articles.
struct ParseCommand: Command {
    static let format = Flag(
        "--format", value: "jsonl|text|lines",
        help:
            "jsonl: one JSON object per line (default) with the keys id, source, index, headline, titles, bylines, dateline, paragraphs, body, captions, subheadings, notes; text: a readable view; lines: how each line was classified (lead, byline, title, text, credit, note; > indented, . ends a sentence)"
    )

    static let configuration = CommandConfiguration(
        name: "parse", abstract: "print the parsed articles (JSON Lines or text)",
        arguments: "[--format jsonl|text|lines] [INPUT...]",
        discussion: "Parses every INPUT (\(InputSelection.inputsHelp)) and prints the articles.",
        flags: [format] + InputSelection.flags)

    enum Format: String {
        case jsonl, text, lines
    }

    let format: Format
    let reader: PageReader
    let inputs: [InputSource]

    init(_ arguments: inout Arguments) throws {
        let formatText = try arguments.value(Self.format) ?? "jsonl"
        guard let format = Format(rawValue: formatText) else {
            throw UsageError(description: "--format \(formatText): expected jsonl, text or lines")
        }
        self.format = format
        reader = try InputSelection.reader(&arguments)
        inputs = try InputSelection.resolve(&arguments, command: Self.configuration.name)
    }

    func run() throws -> ExitStatus {
        var refused = false
        for input in inputs {
            do {
                if format == .lines {
                    let text = try TextDecoding.decode(
                        try input.readBytes(pageLimit: reader.maximumPageBytes), path: input.displayPath)
                    LayoutPageParser().explain(text).forEach(Console.out)
                    continue
                }
                let page = try reader.read(input)
                guard format == .jsonl else {
                    page.articles.map(Self.text).forEach(Console.out)
                    continue
                }
                // An input's lines in one write, each kept as the bytes written.
                var lines: [UInt8] = []
                for article in page.articles {
                    lines += ArticleJSON.lineBytes(for: article)
                    lines.append(UInt8(ascii: "\n"))
                }
                Console.out(bytes: lines)
            } catch {
                refused = true
                Console.err("newshost: \(error)")
            }
        }
        return refused ? .input : .success
    }

    private static func text(_ article: Article) -> String {
        var lines = ["── \(article.id) " + String(repeating: "─", count: 40)]
        for title in article.titles { lines.append(title == article.headline ? "# \(title)" : "  \(title)") }
        if !article.bylines.isEmpty { lines.append("by \(article.bylines.joined(separator: ", "))") }
        if let dateline = article.dateline { lines.append("dateline: \(dateline)") }
        lines.append("")
        lines += article.paragraphs.map { "    \($0)" }
        lines += article.subheadings.map { "  ## \($0)" }
        lines += article.captions.map { "  [caption] \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }
}
