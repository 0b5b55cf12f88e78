import Foundation
import Testing

@testable import NewsHostCore

/// The JSON Lines reader's own JSON reader: strict RFC 8259, strings as
/// Foundation decodes them, every refusal placed.
@Suite struct JSONValueTests {
    @Test(arguments: [
        "{}", "[]", "0", "-0.5e+3", "1E9", "true", "false", "null", "\"\"", " {\"a\" : [1, {\"b\": null}] } ",
        "\"\\u00e9\\ud83d\\ude00\\n\\/\"", "\"本报讯\\t“引号”\"", "[[[[[]]]]]", "{\"a\":1,\"a\":2}",
    ])
    func validDocumentsAreRead(text: String) throws {
        _ = try JSONReader.value(of: text[...])
        #expect(throws: Never.self) {
            try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)
        }
    }

    @Test(arguments: [
        ("", "Unexpected end of file around character 0"), ("{", "around character 1"),
        ("{\"a\" 1}", "expected ':'"), ("{\"a\":1,}", "a key must be a string"), ("[1,]", "Invalid value"),
        ("[1 2]", "expected ',' or ']'"), ("01", "Invalid number"), ("1.", "no digits after '.'"),
        ("1e", "no digits in the exponent"), ("-", "Invalid number"), ("tru", "Invalid value"),
        ("\"abc", "Unterminated string around character 0"), ("\"a\\x\"", "Invalid escape sequence around character 3"),
        ("\"\\u12\"", "four hexadecimal digits"), ("\"\\ud800\"", "without its low surrogate"),
        ("\"\\udc00\"", "without its high surrogate"), ("\"a\u{01}\"", "Unescaped control character"),
        ("{} {}", "Garbage at end around character 3"), ("{'a':1}", "a key must be a string"),
    ])
    func invalidDocumentsAreRefusedWithTheirPlace(text: String, message: String) {
        #expect {
            try JSONReader.value(of: text[...])
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test func stringsDecodeAsFoundationDecodesThem() throws {
        let text = "[\"a\\\"b\\\\c\\b\\f\\r\\t\", \"\\u0041\\u4e2d\\uD834\\uDD1E\", \"plain 中文 😀\"]"
        guard case .array(let items) = try JSONReader.value(of: text[...]) else {
            Issue.record("not an array")
            return
        }
        let foundation = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String]
        #expect(items.compactMap(\.string) == foundation)
        #expect(items.count == 3)
    }

    @Test func nestingDeeperThanTheLimitIsRefusedNotRecursedInto() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONSyntaxError.self) { try JSONReader.value(of: deep[...]) }
        let fine = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(throws: Never.self) { try JSONReader.value(of: fine[...]) }
    }

    @Test func membersKeepTheTextTheyWereWrittenAs() throws {
        let line = "{\"body\":\"x\", \"meta\" : {\"b\": [1, 2.50]} , \"body\":\"y\"}"
        guard case .object(let object) = try JSONReader.value(of: line[...]) else {
            Issue.record("not an object")
            return
        }
        #expect(object.keys == ["body", "meta"])
        #expect(object["body"] == .string("y"))
        #expect(object.text(of: "meta") == "{\"b\": [1, 2.50]}")
    }
}
