import NewsHostCore

/// `newshost parse`.
enum ParseCommand {
    static func main(_ arguments: inout Arguments) throws -> ExitStatus {
        let format = try arguments.value("--format") ?? "jsonl"
        guard ["jsonl", "text", "lines"].contains(format) else {
            throw UsageError(description: "--format \(format): expected jsonl, text or lines")
        }
        let reader = try InputSelection.reader(&arguments)
        let inputs = try InputSelection.resolve(&arguments, command: "parse")
        var refused = false
        for input in inputs {
            do {
                if format == "lines" {
                    let text = try TextDecoding.decode(
                        try input.readBytes(pageLimit: reader.maximumPageBytes), path: input.displayPath)
                    LayoutPageParser().explain(text).forEach(Console.out)
                    continue
                }
                let page = try reader.read(input)
                for article in page.articles {
                    Console.out(format == "jsonl" ? ArticleJSON.line(for: article) : text(article))
                }
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
