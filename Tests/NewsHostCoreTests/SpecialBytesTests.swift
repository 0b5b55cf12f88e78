import JSONEscaping
import Testing

@Suite struct SpecialBytesTests {
    /// The byte-by-byte answer the scan, 64 and 16 bytes at a time, must give.
    private static func naiveFirstSpecial(_ bytes: [UInt8], from start: Int) -> Int {
        (start..<bytes.count).first { bytes[$0] < 0x20 || bytes[$0] == 0x22 || bytes[$0] == 0x5C } ?? bytes.count
    }

    /// Each byte value, alone among plain bytes at every offset of a word
    /// and of the tail, in and after a 64-byte step: found exactly when it is special. Bytes that differ
    /// from a special one only in the high bit (0xA2, 0xDC, 0x80–0x9F) and
    /// the UTF-8 of ideographs around them must not be taken for one.
    @Test func everyByteAtEveryOffsetIsJudgedAlone() {
        for value in 0...255 {
            for length in [1, 7, 8, 9, 15, 16, 17, 23, 31, 32, 33, 47, 63, 64, 65, 79, 130] {
                for offset in 0..<length {
                    var bytes = [UInt8](repeating: 0xE4, count: length)
                    bytes[offset] = UInt8(value)
                    for start in [0, min(offset, 3), min(offset, 17), min(offset, 66)] {
                        #expect(
                            SpecialBytes.firstSpecial(in: bytes.span, from: start)
                                == Self.naiveFirstSpecial(bytes, from: start),
                            "byte \(value) at \(offset) of \(length), from \(start)")
                    }
                }
            }
        }
    }

    /// A byte's first place, as a search byte by byte finds it, from every
    /// start: at every offset of long and short runs, absent, repeated.
    @Test func aBytesFirstPlaceFromEveryStart() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let bytes = (0..<Int.random(in: 0...90, using: &generator)).map { _ in
                [0x0A, 0x61, 0xE4, 0x00].randomElement(using: &generator)! as UInt8
            }
            for start in 0...bytes.count {
                let expected = (start..<bytes.count).first { bytes[$0] == 0x0A } ?? bytes.count
                #expect(SpecialBytes.first(0x0A, in: bytes.span, from: start) == expected, "\(bytes) from \(start)")
            }
        }
    }

    /// Several special bytes in one word: the first counts, whatever comes
    /// after it (the scan's borrows may mark bytes above the first match).
    @Test func theFirstOfSeveralIsFound() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [
            0x00, 0x01, 0x0A, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0xA2, 0xDC, 0xE4, 0xFF,
        ]
        for _ in 0..<2_000 {
            let bytes = (0..<Int.random(in: 0...200, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator)!
            }
            let start = Int.random(in: 0...bytes.count, using: &generator)
            #expect(
                SpecialBytes.firstSpecial(in: bytes.span, from: start) == Self.naiveFirstSpecial(bytes, from: start),
                "\(bytes) from \(start)")
        }
    }
}
