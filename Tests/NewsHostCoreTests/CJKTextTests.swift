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
