import Testing
import UTF8Assembly

/// The hand-written check against the standard library's, which is the
/// definition of valid UTF-8 here.
@Suite struct UTF8ValidationTests {
    private func expectAgreement(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = String(validating: bytes, as: UTF8.self)
        #expect(UTF8Validation.isValid(bytes.span) == (expected != nil), "\(bytes)", sourceLocation: sourceLocation)
        #expect(UTF8Validation.string(validating: bytes.span) == expected, "\(bytes)", sourceLocation: sourceLocation)
    }

    /// Bytes that matter to the check: ASCII, every kind of lead, the edges
    /// of the continuation range and of the leads that narrow it.
    private let interesting: [UInt8] = [
        0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED,
        0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF,
    ]

    @Test func everySequenceOfUpToThreeInterestingBytesAtEveryOffsetOfAWord() {
        var sequences: [[UInt8]] = [[]]
        for _ in 0..<3 { sequences = sequences.flatMap { prefix in interesting.map { prefix + [$0] } } }
        for sequence in sequences {
            // Alone, after ASCII (so it falls at each offset of the eight-byte
            // test), and followed by a continuation byte and by more text.
            for padding in 0..<8 {
                let ascii = [UInt8](repeating: 0x61, count: padding)
                expectAgreement(ascii + sequence)
                expectAgreement(ascii + sequence + [0x80])
                expectAgreement(ascii + sequence + Array("中文 text".utf8))
            }
        }
    }

    @Test func everyFourByteLeadWithInterestingContinuations() {
        for lead in [UInt8](0xF0...0xF7) {
            for second in interesting {
                for third: UInt8 in [0x7F, 0x80, 0xBF, 0xC0] {
                    for fourth: UInt8 in [0x7F, 0x80, 0xBF, 0xC0] { expectAgreement([lead, second, third, fourth]) }
                }
            }
        }
    }

    @Test func randomTextWithDamage() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["新华社北京12月1日电", "abc", "é", "😀", "\u{FFFD}", "\n", "\u{10FFFF}", "\u{E000}"]
        for _ in 0..<2_000 {
            var bytes = Array(
                (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                    pieces.randomElement(using: &generator)!
                }.joined().utf8)
            expectAgreement(bytes)
            guard !bytes.isEmpty else { continue }
            // One byte replaced, or the text cut anywhere.
            bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            expectAgreement(bytes)
            expectAgreement(Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &generator))))
        }
    }
}
