import Foundation
import NewsHostTestSupport
import Testing

@testable import NewsHostCore

/// Generalisation by variants: each seed page re-set in ways that change its
/// bytes but not what a reader sees must parse to exactly the same articles.
/// The expected result follows from the page itself, so these hold for any
/// page, not only the five seeds.
@Suite struct LayoutVariantTests {
    /// A way of re-setting a page, and what it does to the bytes.
    enum Variant: String, CaseIterable {
        case crlf = "CRLF line ends"
        case byteOrderMark = "a UTF-8 byte-order mark"
        case gb18030 = "GB18030"
        case trailingBlanks = "white space after every line"
        case doubledBlankLines = "every blank line doubled"

        func apply(to text: String) throws -> [UInt8] {
            switch self {
            case .crlf: return Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
            case .byteOrderMark: return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
            case .gb18030: return try LayoutVariantTests.gb18030(text)
            case .trailingBlanks: return Array(text.replacingOccurrences(of: "\n", with: " \u{3000}\n").utf8)
            case .doubledBlankLines: return Array(text.replacingOccurrences(of: "\n\n", with: "\n\n\n").utf8)
            }
        }
    }

    static let seeds: [String] = {
        (try? FileManager.default.contentsOfDirectory(atPath: TestPaths.seeds.path))?.filter { $0.hasSuffix(".txt") }
            .sorted() ?? []
    }()

    @Test(arguments: Variant.allCases)
    func aReSetPageGivesTheSameArticles(variant: Variant) throws {
        #expect(Self.seeds.count == 5)
        let reader = PageReader()
        for name in Self.seeds {
            let path = TestPaths.seeds.appendingPathComponent(name).path
            let original = try reader.read(.file(path))
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let varied = try variant.apply(to: text)
            let page = try reader.read(bytes: varied, from: .file(path))
            #expect(page.articles == original.articles, "\(name) re-set with \(variant.rawValue)")
        }
    }

    /// The page re-set in columns twice as wide: each wrapped line of body
    /// text that does not end a sentence is joined with the line after it
    /// (when that one goes on with the same paragraph), as a wider column
    /// would have set them. Titles, leads, bylines, every line that ends
    /// a paragraph and pages set a paragraph per line stay as they are.
    static func widerColumns(_ text: String) -> String {
        let page = PageLines(text)
        let titles = LayoutPageParser().markTitles(page)
        var out: [String] = []
        var index = 0
        while index < page.lines.count {
            let line = page.lines[index]
            var joined = String(page.text(of: line))
            if line.kind == .text, !titles[index], !line.endsSentence,
                line.width <= LayoutPageParser().paragraphLineWidth,
                index + 1 < page.lines.count
            {
                let next = page.lines[index + 1]
                if next.kind == .text, !titles[index + 1], !next.indented {
                    joined += CJKText.collapseSpaces(page.text(of: next))
                    index += 1
                }
            }
            out.append((line.indented ? "  " : "") + joined)
            index += 1
        }
        return out.joined(separator: "\n\n") + "\n"
    }

    /// Set in wider columns, every page keeps its articles, their titles,
    /// bylines and datelines, and its text (paragraphs may be cut
    /// differently: the short last line of a paragraph is what the
    /// column width tells).
    @Test func aPageSetInWiderColumnsKeepsItsArticles() throws {
        let reader = PageReader()
        for name in Self.seeds {
            let path = TestPaths.seeds.appendingPathComponent(name).path
            let original = try reader.read(.file(path))
            let wide = Self.widerColumns(try String(contentsOfFile: path, encoding: .utf8))
            let page = LayoutPageParser().parse(wide, source: name)
            #expect(page.articles.count == original.articles.count, "\(name) in wider columns")
            for (was, now) in zip(original.articles, page.articles) {
                #expect(now.titles == was.titles, "\(name)")
                #expect(now.bylines == was.bylines, "\(name)")
                #expect(now.dateline == was.dateline, "\(name)")
                let (a, b) = (Array(now.paragraphs.joined()), Array(was.paragraphs.joined()))
                let at = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
                #expect(
                    a == b,
                    "\(name): \(now.id) at \(at): \(String(a[max(0, at - 15)..<min(a.count, at + 15)])) / \(String(b[max(0, at - 15)..<min(b.count, at + 15)]))"
                )
            }
        }
    }

    /// `text` in GB18030, converted by iconv from file to file (its output
    /// is bytes, not UTF-8 text).
    static func gb18030(_ text: String) throws -> [UInt8] {
        let directory = try TestPaths.temporaryDirectory()
        let input = directory.appendingPathComponent("utf8.txt")
        let output = directory.appendingPathComponent("gb.txt")
        try Data(text.utf8).write(to: input)
        let result = try Command.run(
            "/bin/sh", ["-c", "iconv -f UTF-8 -t GB18030 \"$1\" > \"$2\"", "sh", input.path, output.path])
        #expect(result.status == 0, "\(result.stderr)")
        return [UInt8](try Data(contentsOf: output))
    }
}

extension LayoutVariantTests {
    /// The lines of `text` that make up each of `titles`, alone or wrapped
    /// over up to three lines, a section label glued to the last one or not
    /// (…交流看法徐汇区).
    static func titleLines(_ text: String, titles: [String]) -> [String: Set<Int>] {
        func squeezed(_ text: some StringProtocol) -> String { String(text.filter { !$0.isWhitespace }) }
        let wanted = Dictionary(titles.map { (squeezed($0), $0) }, uniquingKeysWith: { first, _ in first })
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let texts = lines.indices.filter { !squeezed(lines[$0]).isEmpty }
        var found: [String: Set<Int>] = [:]
        for position in texts.indices {
            var joined = ""
            for (offset, index) in texts[position...].prefix(3).enumerated() {
                joined += squeezed(lines[index])
                let match =
                    wanted[joined]
                    ?? wanted.first { joined.hasPrefix($0.key) && joined.count - $0.key.count <= 3 }?.value
                if let match { found[match, default: []].formUnion(texts[position...].prefix(offset + 1)) }
            }
        }
        return found
    }

    /// `text` without the lines of `titles`.
    static func removing(_ titles: [String], from text: String) -> [Substring] {
        let drop = titleLines(text, titles: titles).values.reduce(into: Set<Int>()) { $0.formUnion($1) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.indices.filter { !drop.contains($0) }.map { lines[$0] }
    }

    /// The page with every headline taken out (a page whose titles were
    /// lost, or a wire copy without them).
    static func withoutHeadlines(_ text: String, titles: Set<String>) -> String {
        removing(Array(titles), from: text).joined(separator: "\n")
    }

    /// Without its headlines, every page keeps its articles and their text:
    /// where an article starts shows in its lead and byline and in the
    /// sentence that ends the article before. A byline keeps its article
    /// or, where only the headlines tied it to a body far away (a cluster
    /// of headlines and bylines above several bodies), goes to none; it
    /// never goes to another article.
    @Test func aPageWithoutHeadlinesKeepsItsArticles() throws {
        let reader = PageReader()
        for name in Self.seeds {
            let path = TestPaths.seeds.appendingPathComponent(name).path
            let original = try reader.read(.file(path))
            let titles = Set(original.articles.flatMap(\.titles))
            let bare = Self.withoutHeadlines(try String(contentsOfFile: path, encoding: .utf8), titles: titles)
            let page = LayoutPageParser().parse(bare, source: name)
            #expect(
                page.articles.map { $0.paragraphs.joined().prefix(12) }
                    == original.articles.map { $0.paragraphs.joined().prefix(12) },
                "\(name) without headlines")
            for (was, now) in zip(original.articles, page.articles) {
                #expect(now.titles.isEmpty, "\(name): \(now.id) \(now.titles)")
                #expect(now.bylines == was.bylines || now.bylines.isEmpty, "\(name): \(now.id) \(now.bylines)")
                #expect(now.paragraphs.joined() == was.paragraphs.joined(), "\(name): \(now.id)")
            }
        }
    }
}

extension LayoutVariantTests {
    /// The page with the headlines of its first articles gathered at its
    /// top, one line each, in article order (as many as a run of headlines
    /// can hold, ``LayoutPageParser/maximumTitleRun``); their bodies stay
    /// where they were, bylines and all.
    static func headlinesClusteredAtTheTop(_ text: String, articles: [Article]) -> String {
        var clustered: [String] = []
        for article in articles {
            guard clustered.count + article.titles.count <= LayoutPageParser.maximumTitleRun else { break }
            clustered += article.titles
        }
        let rest = removing(clustered, from: text)
        return (clustered.flatMap { [$0, ""] } + rest.map(String.init)).joined(separator: "\n")
    }

    /// With the headlines gathered at the top of the page, every article
    /// keeps its body, bylines and headline (its widest title), found by
    /// what the headline shares with the body. A kicker that echoes no body
    /// may be left out or go with a neighbour, but no title is invented.
    @Test func headlinesClusteredAtTheTopFindTheirBodies() throws {
        let pairs = try Self.reSetSeedPages("with its headlines clustered", Self.headlinesClusteredAtTheTop)
        for (name, was, now) in pairs {
            #expect(now.bylines == was.bylines, "\(name): \(now.id)")
            #expect(now.headline == was.headline, "\(name): \(now.id) \(now.titles)")
        }
        print("headlines clustered at the top: \(Self.titlesKept(pairs))")
    }
}

extension LayoutVariantTests {
    /// The page with each article's headline lines moved to just after the
    /// last line of its body (its bylines stay above the body).
    static func headlinesAfterTheirBodies(_ text: String, articles: [Article]) -> String {
        func squeezed(_ text: some StringProtocol) -> String { String(text.filter { !$0.isWhitespace }) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var moved = Set<Int>()
        var after: [Int: [Int]] = [:]
        for article in articles where !article.titles.isEmpty {
            let own = titleLines(text, titles: article.titles).values.reduce(into: Set<Int>()) { $0.formUnion($1) }
            let tail = String(squeezed(article.body).suffix(6))
            guard !own.isEmpty, let end = lines.indices.last(where: { squeezed(lines[$0]).hasSuffix(tail) }) else {
                continue
            }
            moved.formUnion(own)
            after[end, default: []] += own.sorted()
        }
        var out: [Substring] = []
        for index in lines.indices where !moved.contains(index) {
            out.append(lines[index])
            for title in after[index] ?? [] { out += ["", lines[title]] }
        }
        return out.joined(separator: "\n")
    }

    /// With each headline set after its body, every article keeps its body,
    /// and a byline keeps its article or goes to none; no title is
    /// invented. The headline is found by what it shares with the body
    /// above it, and the byline under it stays with the body it stands on.
    @Test func headlinesAfterTheirBodiesFindThem() throws {
        let pairs = try Self.reSetSeedPages("with headlines after their bodies", Self.headlinesAfterTheirBodies)
        for (name, was, now) in pairs {
            #expect(now.bylines == was.bylines || now.bylines.isEmpty, "\(name): \(now.id) \(now.bylines)")
        }
        let bylines = pairs.filter { !$0.was.bylines.isEmpty }
        print(
            "headlines after their bodies: \(Self.titlesKept(pairs)), "
                + "\(bylines.filter { $0.now.bylines == $0.was.bylines }.count) of \(bylines.count) articles' bylines kept"
        )
    }

    /// Every seed page re-set by `vary` (from its text and its articles as
    /// parsed), parsed again: the same number of articles, each with the
    /// same text and no title the page did not have. Returns the articles
    /// side by side for the checks of each variant.
    static func reSetSeedPages(
        _ variant: String, _ vary: (String, [Article]) -> String
    ) throws -> [(name: String, was: Article, now: Article)] {
        let reader = PageReader()
        var pairs: [(name: String, was: Article, now: Article)] = []
        for name in seeds {
            let path = TestPaths.seeds.appendingPathComponent(name).path
            let original = try reader.read(.file(path))
            let text = vary(try String(contentsOfFile: path, encoding: .utf8), original.articles)
            let page = LayoutPageParser().parse(text, source: name)
            #expect(page.articles.count == original.articles.count, "\(name) \(variant)")
            let known = Set(original.articles.flatMap(\.titles))
            for (was, now) in zip(original.articles, page.articles) {
                #expect(now.paragraphs.joined() == was.paragraphs.joined(), "\(name) \(variant): \(now.id)")
                #expect(now.titles.allSatisfy(known.contains), "\(name) \(variant): \(now.id) \(now.titles)")
                pairs.append((name, was, now))
            }
        }
        return pairs
    }

    /// "27 of 29 titles with their own article".
    static func titlesKept(_ pairs: [(name: String, was: Article, now: Article)]) -> String {
        let kept = pairs.reduce(0) { $0 + Set($1.now.titles).intersection($1.was.titles).count }
        return "\(kept) of \(pairs.reduce(0) { $0 + $1.was.titles.count }) titles with their own article"
    }
}
