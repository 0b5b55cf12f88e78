import Foundation
import NewsHostTestSupport
import Testing

@testable import NewsHostCore

/// The parser against expected results written by reading the five seed
/// pages (`Tests/Fixtures/pages/*.json`). Prints the quality table; fails if
/// any figure drops below what the parser achieves today.
@Suite struct SeedPageQualityTests {
    struct Expected: Decodable {
        struct Item: Decodable {
            var titles: [String]
            var headline: String?
            var bylines: [String]
            var dateline: String?
            var bodyStarts: String
            var bodyEnds: String
            var paragraphs: Int
            var subheadings: [String]
            var captions: [String]
            var notes: [String]
        }
        var source: String
        var articles: [Item]
    }

    struct Score {
        var expected = 0, found = 0, titles = 0, bylines = 0, datelines = 0, boundaries = 0, paragraphs = 0, extras = 0

        mutating func add(_ other: Score) {
            expected += other.expected
            found += other.found
            titles += other.titles
            bylines += other.bylines
            datelines += other.datelines
            boundaries += other.boundaries
            paragraphs += other.paragraphs
            extras += other.extras
        }

        func row(_ name: String) -> String {
            "\(name.padding(toLength: 26, withPad: " ", startingAt: 0)) \(found)/\(expected)    \(titles)/\(expected)     \(bylines)/\(expected)    \(datelines)/\(expected)     \(boundaries)/\(expected)       \(paragraphs)/\(expected)        \(extras)/\(expected)"
        }
    }

    static func score(_ expected: Expected, _ page: Page) -> Score {
        var score = Score(expected: expected.articles.count)
        for item in expected.articles {
            guard let article = page.articles.first(where: { $0.body.hasPrefix(item.bodyStarts) }) else { continue }
            score.found += 1
            if article.titles == item.titles && article.headline == item.headline { score.titles += 1 }
            if article.bylines == item.bylines { score.bylines += 1 }
            if article.dateline == item.dateline { score.datelines += 1 }
            if article.body.hasSuffix(item.bodyEnds) { score.boundaries += 1 }
            if article.paragraphs.count == item.paragraphs { score.paragraphs += 1 }
            if article.subheadings == item.subheadings && article.captions == item.captions
                && article.notes == item.notes
            {
                score.extras += 1
            }
        }
        return score
    }

    @Test func qualityOnTheSeedPages() throws {
        let directory = TestPaths.root.appendingPathComponent("Tests/Fixtures/pages")
        var total = Score()
        var table = [
            "page                       found  titles  bylines  datelines  boundaries  paragraphs  sub/captions/notes"
        ]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() {
            let expected = try snakeCaseDecoder.decode(
                Expected.self, from: Data(contentsOf: directory.appendingPathComponent(name)))
            let page = try PageReader(parser: LayoutPageParser()).read(
                .file(TestPaths.seeds.appendingPathComponent(expected.source).path))
            let score = Self.score(expected, page)
            table.append(score.row(expected.source))
            #expect(
                page.articles.count == expected.articles.count,
                "\(expected.source): \(page.articles.count) articles, expected \(expected.articles.count)")
            total.add(score)
        }
        table.append(total.row("all pages"))
        print(table.joined(separator: "\n"))
        // Measured when this test was written; raise them as the parser improves.
        #expect(total.found == total.expected)
        #expect(total.titles >= 21)
        #expect(total.bylines >= 21)
        #expect(total.datelines >= 21)
        #expect(total.boundaries >= 21)
        #expect(total.paragraphs >= 21)
        #expect(total.extras >= 21)
    }
}

/// The fixture files spell their keys in snake case (`body_starts`).
private let snakeCaseDecoder: JSONDecoder = {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return decoder
}()
