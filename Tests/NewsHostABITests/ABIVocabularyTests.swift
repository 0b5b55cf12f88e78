import CNewsHostPlugin
import NewsHostABI
import Testing

/// The header's name rules, one table per use.
@Suite struct NameRuleTests {
    @Test(arguments: [
        ("classify", true), ("export-csv", true), ("2nd-pass", true), ("", false), ("-lead", false),
        ("Classify", false), ("my_plugin", false), ("a.b", false), ("分类", false),
        (String(repeating: "a", count: 64), true), (String(repeating: "a", count: 65), false),
    ])
    func pluginIDs(name: String, accepted: Bool) {
        #expect(NameRule.pluginID.accepts(name) == accepted)
    }

    @Test(arguments: [
        ("top-k", true), ("max_len", true), ("9", true), ("a.b", false), ("_x", false), ("Key", false),
        (String(repeating: "k", count: 300), true),
    ])
    func optionKeys(name: String, accepted: Bool) {
        #expect(NameRule.optionKey.accepts(name) == accepted)
    }

    @Test(arguments: [
        ("source.url", true), ("word_count", true), ("a-b", true), (".x", false), ("a b", false), ("a/b", false),
        (String(repeating: "f", count: 64), true), (String(repeating: "f", count: 65), false),
    ])
    func fieldKeys(name: String, accepted: Bool) {
        #expect(NameRule.fieldKey.accepts(name) == accepted)
    }

    @Test func patternsAreWrittenAsTheHeaderWritesThem() {
        #expect(NameRule.pluginID.pattern == "[a-z0-9][a-z0-9-]*")
        #expect(NameRule.optionKey.pattern == "[a-z0-9][a-z0-9_-]*")
        #expect(NameRule.fieldKey.pattern == "[a-z0-9][a-z0-9_.-]*")
    }
}

/// The option types against the header's constants, both ways.
@Suite struct OptionTypeTests {
    @Test(arguments: [
        OptionType.string, .int, .float, .bool, .path, .choice(["lead", "rank"]),
    ])
    func everyTypeRoundTripsThroughItsCode(type: OptionType) {
        #expect(OptionType(code: type.code, choices: type.choicesText) == type)
    }

    @Test func codesAreTheHeadersAndUnknownOnesAreRefused() {
        #expect(Set([OptionType.string, .int, .float, .bool, .path, .choice([])].map(\.code)).count == 6)
        #expect(OptionType(code: 99, choices: nil) == nil)
        #expect(OptionType(code: OptionType.choice([]).code, choices: "a||b") == .choice(["a", "b"]))
        #expect(OptionType.choice(["a", "b"]).name == "a|b")
    }
}

/// The article flags (ABI 1.2) against the header, and read only as far as
/// the host's `struct_size` reaches.
@Suite struct ArticleFlagsTests {
    @Test func validUTF8IsTheHeadersBit() {
        #expect(ArticleFlags.validUTF8.rawValue == 1)
    }

    @Test func flagsBeyondAnOlderHostsStructAreNone() {
        var article = nh_article()
        article.flags = ArticleFlags.validUTF8.rawValue
        article.struct_size = UInt32(MemoryLayout<nh_article>.size)
        #expect(ArticleFlags(of: article) == .validUTF8)
        // A 1.1 host's struct ends with `record`: whatever lies past it is not flags.
        article.struct_size = 272
        #expect(ArticleFlags(of: article).isEmpty)
    }
}

/// `NH_HAS_FIELD` in Swift: a field counts only when the filler's
/// `struct_size` reaches past its end.
@Suite struct VersionedStructTests {
    @Test func aFieldIsThereOnlyWhenTheSizeReachesPastIt() {
        var article = nh_article()
        article.struct_size = 256  // a host that knew `notes` (240..<256), not `record`
        #expect(article.has(\.notes) && !article.has(\.record) && !article.has(\.flags))
        article.struct_size = 255
        #expect(!article.has(\.notes) && article.has(\.body))
        var api = nh_host_api()
        api.struct_size = 64  // a 1.0 host: up to `set_field`
        #expect(!api.has(\.stdout_fd) && api.has(\.set_field))
        api.struct_size = UInt32(MemoryLayout<nh_host_api>.size)
        #expect(api.has(\.stdout_fd) && api.has(\.set_record))
    }
}
