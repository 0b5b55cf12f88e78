import NewsHostPluginKit
import SummarizeEngine

/// The `summarize` plugin: an extractive summary and keywords computed from
/// the body alone (never from the headline, which many articles lack).
final class Summarize: NewsHostPlugin {
    static let metadata = PluginMetadata(
        id: "summarize", version: "0.1.0", vendor: "newshost",
        description:
            "Extractive summary (the lead sentence, then TextRank with a lead prior, without repeats) and keywords (TextRank over repeated terms) from the body",
        kind: .summarizer, isThreadSafe: true,
        options: [
            .init("sentences", .int, default: "2", help: "sentences in the summary (1 to 20)"),
            .init("keywords", .int, default: "10", help: "keywords per article (0 to 100)"),
            .init(
                "method", .choice(Summarizer.Method.allCases.map(\.rawValue)), default: "hybrid",
                help:
                    "hybrid: the lead sentence (unless a caption, source line, quotation or fragment), then TextRank blended with lead position, skipping repeats; textrank: graph only; lead: the first sentences"
            ),
        ])

    private let summarizer: Summarizer
    private let extractor: KeywordExtractor

    init(options: [String: String], host: HostServices) throws(PluginFailure) {
        guard let sentences = Int(options["sentences"] ?? "2"), (1...20).contains(sentences) else {
            throw PluginFailure(.badConfig, "option sentences must be an integer from 1 to 20")
        }
        guard let keywords = Int(options["keywords"] ?? "10"), (0...100).contains(keywords) else {
            throw PluginFailure(.badConfig, "option keywords must be an integer from 0 to 100")
        }
        guard let method = Summarizer.Method(rawValue: options["method"] ?? "hybrid") else {
            throw PluginFailure(.badConfig, "option method must be one of hybrid, textrank, lead")
        }
        summarizer = Summarizer(sentenceCount: sentences, method: method)
        extractor = KeywordExtractor(count: keywords)
    }

    /// Reads the body in place: nothing else of the article.
    func process(_ article: borrowing ArticleView, results: Results) throws(PluginFailure) {
        // Both read the decoded body and its sentences: made once.
        let sentenceLimit = max(summarizer.maximumSentences, extractor.maximumSentences)
        let text = article.body.withUTF8Span { ScalarText(utf8: $0, sentenceLimit: sentenceLimit) }
        if let summary = summarizer.summarize(text) { results.setSummary(summary) }
        for keyword in extractor.keywords(in: text) {
            results.addKeyword(keyword.term, weight: keyword.weight)
        }
    }
}

/// The entry symbol the host looks up.
@_cdecl("newshost_plugin_entry")
public func newshostPluginEntry() -> UnsafeRawPointer {
    PluginExport.descriptor(for: Summarize.self)
}
