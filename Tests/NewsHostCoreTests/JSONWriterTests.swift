import Foundation
import JSONEscaping
import Locking
import NewsHostTestSupport
import Testing

@Suite struct JSONWriterTests {
    @Test func commasGoBetweenMembersAndElementsAtEveryLevel() {
        var json = JSONWriter()
        json.beginObject()
        json.key("a")
        json.strings(["x", "y"])
        json.key("b")
        json.beginArray()
        json.beginObject()
        json.key("n")
        json.number(1.5)
        json.endObject()
        json.beginObject()
        json.endObject()
        json.endArray()
        json.key("c")
        json.optionalString(nil as String?)
        json.key("d")
        json.integer(-3)
        json.endObject()
        #expect(json.text == #"{"a":["x","y"],"b":[{"n":1.5},{}],"c":null,"d":-3}"#)
    }

    /// Writers made on many threads at once, each starting with an escaped
    /// string (which appends an empty key to an empty buffer): nothing is
    /// written to the storage all empty arrays share, which ThreadSanitizer
    /// reports as a race (CI's TSan pass).
    @Test func writersOnManyThreadsShareNothing() {
        let texts = LockedValue<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            var last = ""
            for _ in 0..<500 {
                var json = JSONWriter()
                json.string("\"")
                last = json.text
            }
            texts.withLock { $0.append(last) }
        }
        #expect(texts.withLock { $0 } == [String](repeating: #""\"""#, count: 8))
    }

    /// Whatever the text, the literal reads back as the same string.
    @Test(arguments: ["", "plain 中文", "quote \" backslash \\ slash /", "\n\r\t\u{0}\u{1f}\u{7f}", "😀 \u{2028}"])
    func stringsReadBackUnchanged(text: String) throws {
        var json = JSONWriter()
        json.beginArray()
        json.string(text)
        json.endArray()
        let decoded = try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String]
        #expect(decoded == [text])
        #expect(JSONEscaping.quoted(text) == String(json.text.dropFirst().dropLast()))
    }

    /// Strings of every length up to 40 bytes, written with one copy (up to
    /// 15 bytes as two words that overlap) or escaped, as members after
    /// keys of every length and as array elements: each reads back as
    /// itself, under its own key.
    @Test func stringsOfEveryShortLengthReadBackUnchanged() throws {
        let pool = Array("abcdefgh中文\"\\\n\t".unicodeScalars)
        var random = SplitMix64(seed: 5)
        var json = JSONWriter()
        var expected: [String: String] = [:]
        var elements: [String] = []
        json.beginObject()
        for length in 0...40 {
            for _ in 0..<3 {
                var text = ""
                while text.utf8.count < length { text.unicodeScalars.append(pool.randomElement(using: &random)!) }
                let key = String(repeating: "k", count: length % 17) + "\(expected.count)"
                expected[key] = text
                elements.append(text)
                json.member(JSONKey(key), text)
            }
        }
        json.key("elements")
        json.strings(elements)
        json.endObject()
        var decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: Any])
        #expect(decoded.removeValue(forKey: "elements") as? [String] == elements)
        #expect(decoded as? [String: String] == expected)
    }

    @Test func nonFiniteNumbersAreNull() {
        var json = JSONWriter()
        json.beginArray()
        json.number(.nan)
        json.number(.infinity)
        json.endArray()
        #expect(json.text == "[null,null]")
    }

    /// A key written ahead reads as the same key quoted each time, escapes
    /// and commas included.
    @Test func keysWrittenAheadAreTheKeysQuotedEachTime() {
        let names = ["id", "引号\"与\\反斜杠", "tab\there", ""]
        var ahead = JSONWriter()
        var each = JSONWriter()
        ahead.beginObject()
        each.beginObject()
        for name in names {
            ahead.key(JSONKey(name))
            ahead.integer(1)
            each.key(name)
            each.integer(1)
        }
        ahead.endObject()
        each.endObject()
        #expect(ahead.bytes == each.bytes)
        #expect(ahead.text == #"{"id":1,"引号\"与\\反斜杠":1,"tab\there":1,"":1}"#)
    }

    /// The body is the paragraphs joined with line feeds, escapes and all,
    /// however many paragraphs there are.
    @Test(arguments: [[], [""], ["一段"], ["引号\"与\\反斜杠", "", "换\n行\t", "😀"]] as [[String]])
    func theBodyIsTheParagraphsJoinedWithLineFeeds(paragraphs: [String]) throws {
        var json = JSONWriter()
        json.beginObject()
        json.articleMembers(
            id: "p#0", source: "p", index: 0, headline: nil, titles: [], bylines: [], dateline: nil,
            paragraphs: paragraphs, captions: ["图"], subheadings: [], notes: [])
        json.endObject()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: Any])
        #expect(object["paragraphs"] as? [String] == paragraphs)
        #expect(object["body"] as? String == paragraphs.joined(separator: "\n"))
        #expect(object["captions"] as? [String] == ["图"])
    }

    /// Strings with and without escapes in turn (written by two paths),
    /// alone and as members, and numbers between them: every comma where
    /// it belongs, every value read back as written.
    @Test func valuesOfEveryKindInTurnTakeTheirCommas() throws {
        let texts = ["plain", "引号\"", "", "tab\t", "中文", "\u{1}"]
        var json = JSONWriter()
        json.beginArray()
        for (index, text) in texts.enumerated() {
            json.string(text)
            json.number(Double(index) + 0.5)
            json.beginObject()
            json.key(JSONKey("k"))
            json.string(text)
            json.key("n")
            json.null()
            json.member(JSONKey("m"), text)
            json.endObject()
        }
        json.endArray()
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [Any])
        #expect(decoded.count == 3 * texts.count)
        for (index, text) in texts.enumerated() {
            #expect(decoded[3 * index] as? String == text)
            #expect(decoded[3 * index + 1] as? Double == Double(index) + 0.5)
            let object = decoded[3 * index + 2] as? [String: Any]
            #expect(object?["k"] as? String == text)
            #expect(object?["m"] as? String == text)
        }
    }

    /// A member written in one piece is a key and a string: no comma first
    /// in its object, one after an earlier member.
    @Test func membersAreKeysAndStrings() {
        var json = JSONWriter()
        json.beginObject()
        json.member(JSONKey("a"), "x")
        json.member(JSONKey("b"), "引\"号")
        json.key("c")
        json.beginObject()
        json.member(JSONKey("d"), "")
        json.endObject()
        json.endObject()
        #expect(json.text == #"{"a":"x","b":"引\"号","c":{"d":""}}"#)
    }

    /// A number's text is its `description`, the shortest that reads back
    /// as the same value, whatever its size: random bit patterns (every
    /// exponent) and random scores in [0, 1).
    @Test func numbersAreWrittenAsTheirDescription() {
        var random = SplitMix64(seed: 17)
        let values = (0..<20_000).map { index in
            index.isMultiple(of: 2) ? Double(bitPattern: random.next()) : Double.random(in: 0..<1, using: &random)
        }
        expectWrittenAsDescribed(values.filter(\.isFinite))
    }

    /// The doubles written by `nh_shortest_decimal` (magnitudes from 2^-13
    /// to below 2^53), where a digit can go wrong: every binary exponent
    /// with random significands, the powers of two (where the double below
    /// is nearer than the one above) and their neighbours, short decimals
    /// and the doubles next to them, whole numbers up to 2^53, negatives,
    /// and the edges of the range on both sides.
    @Test func numbersOfTheExactPathAreWrittenAsTheirDescription() {
        var random = SplitMix64(seed: 23)
        var values: [Double] = []
        for exponent in -14...53 {
            let power = Double(sign: .plus, exponent: exponent, significand: 1)
            values += [power, power.nextUp, power.nextDown, power.nextUp.nextUp, power.nextDown.nextDown]
            for _ in 0..<500 {
                values.append(Double(sign: .plus, exponent: exponent, significand: .random(in: 1..<2, using: &random)))
            }
        }
        for _ in 0..<20_000 {
            var digits: UInt64 = 0
            for _ in 0..<Int.random(in: 1...17, using: &random) {
                digits = digits * 10 + .random(in: 0...9, using: &random)
            }
            let decimal = Double("\(digits)e\(Int.random(in: -20...16, using: &random))")!
            values += [decimal, decimal.nextUp, decimal.nextDown]
            values.append(Double(UInt64.random(in: 1...(1 << 53), using: &random)))
        }
        values += [0.0001, 0.0001.nextUp, 0.0001.nextDown, 1e15, 1e16, 9_007_199_254_740_992, 0]
        expectWrittenAsDescribed(values + values.map(-))
    }

    /// Each of `values` (finite) written as a number is its `description`.
    private func expectWrittenAsDescribed(_ values: [Double]) {
        let mismatches = values.filter { value in
            var json = JSONWriter()
            json.number(value)
            return json.text != value.description
        }
        let count = mismatches.count
        #expect(count == 0, "written otherwise than described: \(mismatches.prefix(5))")
    }
}
