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

    @Test func missingPathIsNamed() {
        #expect(throws: InputError.missing(path: "/no/such/page.txt")) {
            try InputSource.expand(["/no/such/page.txt"])
        }
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
