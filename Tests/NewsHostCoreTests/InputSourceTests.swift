import Foundation
import NewsHostTestSupport
import Testing

@testable import NewsHostCore

@Suite struct InputSourceTests {
    @Test func directoriesExpandToTheirPagesSortedByName() throws {
        let directory = try TestPaths.temporaryDirectory()
        for name in ["b.txt", "a.txt", "notes.md", "c.jsonl"] {
            try Data("x".utf8).write(to: directory.appendingPathComponent(name))
        }
        let sources = try InputSource.expand([directory.path, "-"])
        #expect(sources.map(\.name) == ["a.txt", "b.txt", "c.jsonl", "-"])
    }

    @Test func aMissingPathStaysAnInputAndIsRefusedByNameWhenRead() throws {
        let sources = try InputSource.expand(["/no/such/page.txt", TestPaths.seeds.path])
        #expect(sources.count == 6, "the missing path and the five seed pages")
        #expect(throws: InputError.missing(path: "/no/such/page.txt")) { try sources[0].readBytes() }
    }

    @Test func clashingFileNamesTakeThePathAsTheirSource() throws {
        let directory = try TestPaths.temporaryDirectory()
        for folder in ["a", "b"] {
            try FileManager.default.createDirectory(
                at: directory.appendingPathComponent(folder), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: directory.appendingPathComponent("\(folder)/page.txt"))
        }
        try Data("x".utf8).write(to: directory.appendingPathComponent("a/other.txt"))
        let a = directory.appendingPathComponent("a").path
        let b = directory.appendingPathComponent("b").path
        let sources = try InputSource.expand([a, b])
        #expect(sources.map(\.name) == ["other.txt", "\(a)/page.txt", "\(b)/page.txt"])
        #expect(Set(sources.map(\.name)).count == sources.count)
    }

    @Test func theExtensionDecidesTheFormatAndOnlyOtherNamesAreSniffed() throws {
        let directory = try TestPaths.temporaryDirectory()
        // A page whose first line happens to start with a brace.
        let page = directory.appendingPathComponent("note.txt")
        try Data("{编者按}\n\n本报讯（记者 王明）今天上午，市里召开会议，部署全年工作。会议要求各部门抓好落实。\n".utf8).write(to: page)
        let read = try PageReader().read(.file(page.path))
        #expect(!read.articles.isEmpty)
        #expect(InputSource.file("x.jsonl").declaredFormat == .jsonLines)
        #expect(InputSource.file("x.TXT").declaredFormat == .page)
        #expect(InputSource.file("x").declaredFormat == nil)
        #expect(InputSource.standardInput.declaredFormat == nil)
    }

    @Test func directoryWithoutPagesIsRefused() throws {
        let directory = try TestPaths.temporaryDirectory()
        try Data("x".utf8).write(to: directory.appendingPathComponent("readme.md"))
        #expect(throws: InputError.noTextFiles(directory: directory.path)) {
            try InputSource.expand([directory.path])
        }
    }

    @Test func emptyFileIsReportedByTheReader() throws {
        let file = try TestPaths.temporaryDirectory().appendingPathComponent("empty.txt")
        try Data().write(to: file)
        #expect(throws: InputError.empty(path: file.path)) {
            try PageReader().read(.file(file.path))
        }
    }
}
