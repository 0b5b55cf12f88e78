import CByteScan

/// JSON string literals, shared by the host (`newshost parse`) and the Swift
/// plugin kit (export-jsonl), which write JSON Lines by hand.
public enum JSONEscaping {
    /// `text` as a JSON string literal: quotes, backslashes and control
    /// characters escaped, everything else copied as UTF-8 bytes.
    public static func quoted(_ text: String) -> String {
        var writer = JSONWriter()
        writer.string(text)
        return writer.text
    }

    /// Appends `text` as a JSON string literal to `output`.
    public static func appendQuoted(_ text: String, to output: inout [UInt8]) {
        appendQuoted(utf8: text.utf8.span, to: &output)
    }

    /// Appends the UTF-8 text `utf8` as a JSON string literal to `output`.
    /// Runs of bytes with nothing to escape (nearly all of any text) are
    /// found sixteen bytes at a time (``SpecialBytes/firstSpecial(in:from:)``)
    /// and copied in one piece each.
    public static func appendQuoted(utf8: Span<UInt8>, to output: inout [UInt8]) {
        output.append(SpecialBytes.quote)
        var runStart = 0
        var special = SpecialBytes.firstSpecial(in: utf8, from: 0)
        while special < utf8.count {
            output.append(copying: utf8.extracting(runStart..<special))
            appendEscape(utf8[special], to: &output)
            runStart = special + 1
            special = SpecialBytes.firstSpecial(in: utf8, from: runStart)
        }
        output.append(copying: utf8.extracting(runStart...))
        output.append(SpecialBytes.quote)
    }

    /// The escape of one special byte: `\"`, `\\`, `\n`, `\r`, `\t` or `\u00XX`.
    private static func appendEscape(_ byte: UInt8, to output: inout [UInt8]) {
        output.append(SpecialBytes.backslash)
        switch byte {
        case SpecialBytes.quote, SpecialBytes.backslash: output.append(byte)
        case 0x0A: output.append(UInt8(ascii: "n"))
        case 0x0D: output.append(UInt8(ascii: "r"))
        case 0x09: output.append(UInt8(ascii: "t"))
        default:
            output.append(contentsOf: [
                UInt8(ascii: "u"), 0x30, 0x30, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)],
            ])
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}

extension JSONEscaping {
    /// ``JSONWriter``, by a name that modules which also have a `JSONWriter`
    /// (the plugin kit, which re-exports it) can reach: the module and this
    /// enum share the name `JSONEscaping`.
    public typealias Writer = JSONWriter

    /// ``JSONKey``, by a name the plugin kit can reach (see ``Writer``).
    public typealias Key = JSONKey
}

extension Array where Element == UInt8 {
    /// Appends `prefix`, then `utf8` as a JSON string literal, in one write
    /// (`nh_json_plain_string`) when `utf8` has nothing to escape, and says
    /// whether it did; when it has, nothing is appended.
    mutating func append(plainString utf8: Span<UInt8>, after prefix: Span<UInt8>) -> Bool {
        let written = append(atMost: prefix.count + utf8.count + 2) { out in
            prefix.withUnsafeBufferPointer { prefix in
                utf8.withUnsafeBufferPointer { text in
                    nh_json_plain_string(out, prefix.baseAddress, prefix.count, text.baseAddress, text.count)
                }
            }
        }
        return written > 0
    }
}
