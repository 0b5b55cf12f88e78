import Testing

@testable import NewsHostCore

@Suite struct TextDecodingTests {
    @Test func dropsTheByteOrderMarkAndNormalizesLineEnds() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("标题\r\n正文\r第二行\n".utf8)
        #expect(try TextDecoding.decode(bytes, path: "a.txt") == "标题\n正文\n第二行\n")
    }

    @Test func refusesNULBytesNamingTheFile() {
        #expect(
            throws: InputError.notText(
                path: "bin.dat", reason: "NUL byte at offset 2, which text never has; is it a binary file?")
        ) {
            try TextDecoding.decode([0x41, 0x42, 0x00, 0x43], path: "bin.dat")
        }
    }

    @Test func refusesBytesThatAreNeitherUTF8NorGB18030WithTheOffset() {
        #expect(
            throws: InputError.notText(
                path: "x.txt",
                reason: "invalid UTF-8 at byte offset 3, not GB18030 either (invalid sequence at byte offset 3)")
        ) {
            try TextDecoding.decode(Array("abc".utf8) + [0xFF, 0x41], path: "x.txt")
        }
    }

    @Test func decodesGB18030() throws {
        // 本报讯 今天开会。 in GB18030.
        let bytes: [UInt8] = [
            0xB1, 0xBE, 0xB1, 0xA8, 0xD1, 0xB6, 0x20, 0xBD, 0xF1, 0xCC, 0xEC, 0xBF, 0xAA, 0xBB, 0xE1, 0xA1, 0xA3, 0x0D,
            0x0A,
        ]
        let decoded = try TextDecoding.decodeDetectingEncoding(bytes, path: "gb.txt")
        #expect(decoded.text == "本报讯 今天开会。\n")
        #expect(decoded.encoding == .gb18030)
    }

    @Test(arguments: [true, false])
    func decodesUTF16WithAByteOrderMark(littleEndian: Bool) throws {
        let units = Array("标题\r\n正文".utf16)
        var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for unit in units {
            bytes += littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        let decoded = try TextDecoding.decodeDetectingEncoding(bytes, path: "u16.txt")
        #expect(decoded.text == "标题\n正文")
        #expect(decoded.encoding == (littleEndian ? .utf16LE : .utf16BE))
    }

    @Test func refusesRandomBytes() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let bytes = (0..<4096).map { _ in UInt8.random(in: 1...255, using: &generator) }
            #expect(throws: InputError.self) { try TextDecoding.decode(bytes, path: "noise.bin") }
        }
    }

    @Test func whiteSpaceOnlyIsEmpty() {
        #expect(throws: InputError.empty(path: "blank.txt")) {
            try TextDecoding.decode(Array(" \n\n\u{3000}\n".utf8), path: "blank.txt")
        }
    }
}
