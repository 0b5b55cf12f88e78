import Testing
@testable import NewsHostCore

@Suite struct TextDecodingTests {
    @Test func dropsTheByteOrderMarkAndNormalizesLineEnds() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("标题\r\n正文\r第二行\n".utf8)
        #expect(try TextDecoding.decode(bytes, path: "a.txt") == "标题\n正文\n第二行\n")
    }

    @Test func refusesNULBytesNamingTheFile() {
        #expect(throws: InputError.notText(path: "bin.dat", reason: "NUL byte at offset 2, which text never has; is it a binary file?")) {
            try TextDecoding.decode([0x41, 0x42, 0x00, 0x43], path: "bin.dat")
        }
    }

    @Test func refusesInvalidUTF8WithTheOffset() {
        #expect(throws: InputError.notText(path: "x.txt", reason: "invalid UTF-8 at byte offset 3")) {
            try TextDecoding.decode(Array("abc".utf8) + [0xFF, 0x41], path: "x.txt")
        }
    }

    @Test func whiteSpaceOnlyIsEmpty() {
        #expect(throws: InputError.empty(path: "blank.txt")) {
            try TextDecoding.decode(Array(" \n\n\u{3000}\n".utf8), path: "blank.txt")
        }
    }
}
