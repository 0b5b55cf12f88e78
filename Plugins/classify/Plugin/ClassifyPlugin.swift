import ClassifyEngine
import Foundation
import NewsHostPluginKit

/// The `classify` plugin: multi-label topic classification against a
/// taxonomy file, with calibrated scores and the matched terms as evidence.
final class Classify: NewsHostPlugin {
    static let metadata = PluginMetadata(
        id: "classify", version: "0.2.0", vendor: "newshost",
        description:
            "Topic labels with calibrated scores from a taxonomy of weighted terms (Aho–Corasick); explains matches in `matched_terms`",
        kind: .classifier, isThreadSafe: true,
        options: [
            .init(
                "taxonomy", .path, default: "",
                help: "taxonomy JSON file; empty for the built-in one (Plugins/classify/taxonomy.json)"),
            .init("threshold", .float, default: "0.5", help: "lowest score (0 to 1) at which a label is added"),
            .init("max-labels", .int, default: "3", help: "most labels added to one article (1 to 50)"),
        ])

    private let classifier: Classifier
    private let threshold: Double
    private let maxLabels: Int

    init(options: [String: String], host: HostServices) throws(PluginFailure) {
        guard let threshold = Double(options["threshold"] ?? "0.5"), (0...1).contains(threshold) else {
            throw PluginFailure(.badConfig, "option threshold must be a number from 0 to 1")
        }
        guard let maxLabels = Int(options["max-labels"] ?? "3"), (1...50).contains(maxLabels) else {
            throw PluginFailure(.badConfig, "option max-labels must be an integer from 1 to 50")
        }
        let taxonomy: Taxonomy
        do {
            let path = options["taxonomy"] ?? ""
            taxonomy =
                path.isEmpty
                ? try Taxonomy.decode(Data(DefaultTaxonomy.json.utf8), source: "built-in taxonomy")
                : try Taxonomy.load(path: path)
        } catch {
            throw PluginFailure(.badConfig, error.description)
        }
        self.classifier = Classifier(taxonomy: taxonomy)
        self.threshold = threshold
        self.maxLabels = maxLabels
    }

    /// Reads the titles and the body in place, as bytes: what the matcher reads.
    func process(_ article: borrowing ArticleView, results: Results) throws(PluginFailure) {
        // The titles and the body, one per line.
        var text: [UInt8] = []
        text.reserveCapacity(article.body.utf8Count + 256)
        for title in article.titles {
            title.appendBytes(to: &text)
            text.append(UInt8(ascii: "\n"))
        }
        article.body.appendBytes(to: &text)
        let scores = classifier.scores(utf8: text.span)
        let chosen = scores.prefix(maxLabels).filter { $0.score >= threshold }
        for score in chosen { results.addLabel(score.label, score: score.score) }
        if chosen.isEmpty { results.addLabel("other", score: 1 - (scores.first?.score ?? 0)) }
        let evidence = Self.evidence(scores)
        if !evidence.isEmpty { results.setField("matched_terms", utf8: evidence) }
    }

    /// The matched terms of every label that has some, as
    /// `label: term×count, term×count; label: …`, written as UTF-8 into one
    /// buffer (appending to a `String`, or a string per term and a join per
    /// list, cost classify a fifth of its time).
    static func evidence(_ scores: [Classifier.Score]) -> [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity(512)
        // The separators are literals, kept in the string itself (no
        // object), where arrays shared by every thread would be retained and
        // released by all of them at once.
        for score in scores where !score.matches.isEmpty {
            if !text.isEmpty { text.append(contentsOf: "; ".utf8) }
            text.append(contentsOf: score.label.utf8)
            text.append(contentsOf: ": ".utf8)
            for (position, match) in score.matches.enumerated() {
                if position > 0 { text.append(contentsOf: ", ".utf8) }
                text.append(contentsOf: match.term.utf8)
                text.append(contentsOf: "×".utf8)
                text.append(contentsOf: String(match.count).utf8)
            }
        }
        return text
    }
}

/// The entry symbol the host looks up.
@_cdecl("newshost_plugin_entry")
public func newshostPluginEntry() -> UnsafeRawPointer {
    PluginExport.descriptor(for: Classify.self)
}
