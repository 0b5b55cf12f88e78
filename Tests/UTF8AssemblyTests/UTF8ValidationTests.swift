import CByteScan
import Testing

@testable import UTF8Assembly

/// The hand-written checks (the sixteen-byte one in C where this machine
/// has it, and the word-at-a-time one) against the standard library's,
/// which is the definition of valid UTF-8 here.
@Suite struct UTF8ValidationTests {
    private func expectAgreement(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = String(validating: bytes, as: UTF8.self)
        #expect(UTF8Validation.isValid(bytes.span) == (expected != nil), "\(bytes)", sourceLocation: sourceLocation)
        #expect(
            UTF8Validation.isValidWordByWord(bytes.span) == (expected != nil), "\(bytes)",
            sourceLocation: sourceLocation)
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
            // test, and across and after the end of a sixteen-byte block),
            // and followed by a continuation byte and by more text.
            for padding in [0, 1, 2, 3, 4, 5, 6, 7, 13, 14, 15, 29] {
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

    /// The sixteen-byte check runs on this machine (x86-64 with SSSE3, as
    /// every x86-64 processor since 2011 has), so the tests above check it.
    @Test func theSixteenByteCheckRunsHere() {
        #if arch(x86_64)
        #expect(nh_scan_utf8_valid(nil, 0) == 1)
        #endif
    }

    /// Runs of interesting bytes and whole characters, long enough to span
    /// several sixteen-byte blocks: every kind of error at every place of a
    /// block, and sequences cut by a block's end.
    @Test func randomInterestingBytesAcrossBlocks() {
        var generator = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = interesting.map { [$0] } + ["中", "é", "😀", "a"].map { Array($0.utf8) }
        for _ in 0..<5_000 {
            let bytes = (0..<Int.random(in: 0...40, using: &generator)).flatMap { _ in
                pieces.randomElement(using: &generator)!
            }
            expectAgreement(bytes)
        }
    }

    @Test func randomTextWithDamage() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["新华社北京12月1日电", "abc", "é", "😀", "\u{FFFD}", "\n", "\u{10FFFF}", "\u{E000}"]
        for _ in 0..<2_000 {
            var bytes = Array(
                (0..<Int.random(in: 0...24, using: &generator)).map { _ in
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
