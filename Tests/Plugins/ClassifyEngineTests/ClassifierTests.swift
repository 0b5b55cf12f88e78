import Foundation
import NewsHostTestSupport
import Testing

@testable import ClassifyEngine

@Suite struct AhoCorasickTests {
    @Test func countsEveryOccurrenceOfEveryPatternIncludingOverlaps() {
        let matcher = AhoCorasick(patterns: ["知识产权", "产权", "专利", "he", "she", "hers", ""])
        #expect(matcher.counts(in: "知识产权和专利，产权保护；专利专利") == [1, 2, 3, 0, 0, 0, 0])
        #expect(matcher.counts(in: "ushers") == [0, 0, 0, 1, 1, 1, 0])
    }

    /// The text is scanned as two halves at once: a pattern across the
    /// middle is counted once, wherever in it the middle falls, and short
    /// texts (no second half to speak of) are counted too.
    @Test func aPatternAcrossTheMiddleIsCountedOnce() {
        let matcher = AhoCorasick(patterns: ["知识产权", "权", "ab", "b"])
        for padding in 0..<8 {
            let text = String(repeating: "x", count: padding) + "知识产权" + String(repeating: "y", count: 7 - padding)
            #expect(matcher.counts(in: text) == [1, 1, 0, 0], "middle at byte \(9 - padding) of the pattern")
        }
        #expect(matcher.counts(in: "") == [0, 0, 0, 0])
        #expect(matcher.counts(in: "b") == [0, 0, 0, 1])
        #expect(matcher.counts(in: "ab") == [0, 0, 1, 1])
        #expect(matcher.counts(in: "abab") == [0, 0, 2, 2])
    }

    /// The text also has characters of no pattern (x, ，, 汉), and is long
    /// enough that patterns cross the middle, where the scan's two halves meet.
    @Test func agreesWithNaiveCountingOnRandomText() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("产权专利知识保护ab")
        let patterns = (0..<20).map { _ in
            String(
                (0..<Int.random(in: 1...3, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
        }
        let textAlphabet = alphabet + Array("x，汉")
        let text = String((0..<2000).map { _ in textAlphabet.randomElement(using: &generator)! })
        let counts = AhoCorasick(patterns: patterns).counts(in: text)
        for (pattern, count) in zip(patterns, counts) {
            let needle = Array(pattern.utf8)
            let hay = Array(text.utf8)
            let naive =
                hay.count < needle.count
                ? 0 : (0...(hay.count - needle.count)).filter { Array(hay[$0..<$0 + needle.count]) == needle }.count
            #expect(count == naive, "\(pattern)")
        }
    }
}

@Suite struct TaxonomyTests {
    @Test func builtInTaxonomyIsTheShippedFile() throws {
        let file = try String(
            contentsOf: TestPaths.root.appendingPathComponent("Plugins/classify/taxonomy.json"), encoding: .utf8)
        #expect(file.trimmingCharacters(in: .newlines) == DefaultTaxonomy.json)
        let taxonomy = try Taxonomy.decode(Data(DefaultTaxonomy.json.utf8), source: "built-in")
        #expect(taxonomy.labels.count >= 9)
    }

    @Test func problemsNameTheFileAndThePlace() {
        #expect {
            try Taxonomy.decode(
                Data(
                    #"{"name":"x","calibration":{"slope":1,"offset":0,"reference_length":400},"labels":[{"id":"a"}]}"#
                        .utf8), source: "t.json")
        } throws: { error in
            "\(error)".contains("t.json: not a valid taxonomy (missing key `terms` at .labels[0])")
        }
        #expect {
            try Taxonomy.decode(
                Data(
                    #"{"name":"x","calibration":{"slope":1,"offset":0,"reference_length":400},"labels":[{"id":"a","terms":{"b":-1}}]}"#
                        .utf8), source: "t.json")
        } throws: { error in
            "\(error)".contains("term `b` needs a positive finite weight")
        }
    }
}

@Suite struct ClassifierTests {
    let taxonomy = Taxonomy(
        name: "test", calibration: .init(slope: 1, offset: -2, referenceLength: 100),
        labels: [
            .init(id: "ip", title: nil, terms: ["专利": 2, "商标": 1], negative: nil),
            .init(id: "economy", title: nil, terms: ["企业": 1], negative: ["专利": 0.5]),
        ])

    @Test func scoresAreCalibratedAndOrdered() {
        let scores = Classifier(taxonomy: taxonomy).scores(for: "专利专利商标企业")
        #expect(scores.map(\.label) == ["ip", "economy"])
        // ip: x = 2·2 + 1 = 5 → σ(5 − 2); economy: 1 − 0.5·2 = 0 → 0.
        #expect(abs(scores[0].score - 1 / (1 + exp(-3.0))) < 1e-12)
        #expect(scores[1].score == 0)
        #expect(scores[0].matches.map(\.term) == ["专利", "商标"])
    }

    @Test func longTextsNeedProportionallyMoreEvidence() {
        let classifier = Classifier(taxonomy: taxonomy)
        let short = classifier.scores(for: "专利" + String(repeating: "字", count: 98))[0].score
        let long = classifier.scores(for: "专利" + String(repeating: "字", count: 9998))[0].score
        #expect(long < short)
    }
}
