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
