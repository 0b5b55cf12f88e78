import Testing

@testable import NewsHostCore

@Suite struct CJKTextTests {
    @Test func titleSpacesFoldIntoOneAndTheEndsAreTrimmed() {
        #expect(CJKText.collapseSpaces("  区里召开 \t 重要会议\u{3000}") == "区里召开 重要会议")
        #expect(CJKText.collapseSpaces("区里召开重要会议") == "区里召开重要会议")
        #expect(CJKText.collapseSpaces("Smart\u{3000}\u{3000}City") == "Smart City")
        #expect(CJKText.collapseSpaces(" \u{3000} ").isEmpty)
    }

    @Test func widthCountsIdeographsAndFullWidthMarksTwice() {
        #expect(PageLine.displayWidth("区里，AB") == 8)
    }
}

/// The parser's character classes against Unicode's own properties.
@Suite struct CharacterClassTableTests {
    /// Every scalar of the BMP below the compatibility block: an ideograph
    /// exactly when Unicode calls it a unified ideograph (the dozen unified
    /// ideographs among the compatibility ones at U+FA0E… are left out).
    @Test func ideographsAreTheUnifiedIdeographsOfTheBMP() {
        let mismatches = (0..<UInt32(0xF900)).compactMap(Unicode.Scalar.init).filter {
            CJKText.isIdeograph($0) != $0.properties.isUnifiedIdeograph
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10).map { String($0.value, radix: 16) })")
    }

    /// Blanks within a line are white space to Unicode (all but a stray
    /// byte-order mark), never the line feed that ends the line.
    @Test func blanksAreWhiteSpaceWithinALine() {
        let blanks = (0..<UInt32(0x10000)).compactMap(Unicode.Scalar.init).filter(CJKText.isBlank)
        #expect(blanks.allSatisfy { $0.properties.isWhitespace || $0 == "\u{FEFF}" })
        #expect(blanks.allSatisfy { CJKText.isWhiteSpace($0) == $0.properties.isWhitespace })
        #expect(!CJKText.isBlank("\n") && CJKText.isBlank("\u{3000}") && CJKText.isBlank("\u{FEFF}"))
    }

    @Test func clauseEndsAreSentenceAndClausePunctuationOnly() {
        for mark in CJKText.clauseEnds {
            #expect(mark.properties.generalCategory == .otherPunctuation, "\(mark)")
        }
        #expect(!CJKText.clauseEnds.contains("，"), "a comma pauses, it does not end a clause")
        #expect(!CJKText.clauseEnds.contains("、"))
    }
}
