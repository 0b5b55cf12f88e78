import Testing

@testable import NewsHostCore

@Suite struct BigramIndexTests {
    /// Every bigram of `texts` as the scan reads them, unfiltered.
    private func bigrams(_ texts: [String], limit: Int = 1500) -> [UInt64] {
        var grams: [UInt64] = []
        BigramIndex.forEachBigram(in: texts, limit: limit) { grams.append($0) }
        return grams
    }

    @Test func bigramsAreBrokenByMarksSpacesAndLineBreaks() {
        // 区里 里召 召开 | AI | 会议 (the line break between the texts breaks 开会).
        #expect(bigrams(["区里召开，A I", "会议"]).count == 4)
        #expect(bigrams(["AB1"]).count == 2)
        #expect(bigrams(["区"]).isEmpty)
        // The limit counts scalars, a line break between texts included.
        #expect(bigrams(["区里召开"], limit: 2).count == 1)
        #expect(bigrams(["区里", "召开"], limit: 3).count == 1)
    }

    @Test func aBodysBitsAreExactlyTheTitleBigramsItHolds() {
        var index = BigramIndex()
        let titles = ["徐汇区召开城市更新大会", "Smart City 2025 发布"]
        var ids: [UInt64: Int] = [:]
        for gram in bigrams(titles) { ids[gram] = index.insert(gram) }
        let body = ["今年，徐汇区推进城市更新，", "Smart City 项目在 2025 年发布；大会", "于下午召开。"]
        let bits = index.bits(in: body, limit: 1500)
        let expected = Set(bigrams(body).compactMap { ids[$0] })
        let found = Set((0..<index.count).filter { bits[$0 >> 6] >> UInt64($0 & 63) & 1 != 0 })
        #expect(found == expected)
        #expect(!found.isEmpty)
        // 侐 (U+4F90) and 屇 (U+5C47) share the filter bits of 徐 (U+5F90)
        // and 汇 (U+6C47): they pass the filter, but their bigram is no title's.
        #expect(index.bits(in: ["侐屇，徐屇，侐汇"], limit: 1500).allSatisfy { $0 == 0 })
        #expect(index.bits(in: ["侐徐汇"], limit: 1500) != index.bits(in: ["侐"], limit: 1500))
    }
}
