import CharsetConversion
import Foundation
import UTF8Assembly

/// Turns the bytes of an input into normalized text.
///
/// Accepted: UTF-8 (with or without a byte-order mark), UTF-16 with a
/// byte-order mark, and GB18030/GBK (the common encodings of Chinese text,
/// converted with iconv) when the bytes are not UTF-8. Line ends become LF.
public enum TextDecoding {
    /// The encoding an input turned out to be in.
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf16LE = "UTF-16LE"
        case utf16BE = "UTF-16BE"
        case gb18030 = "GB18030"
    }

    /// Decodes `bytes`; see ``decodeDetectingEncoding(_:path:)``.
    public static func decode(_ bytes: [UInt8], path: String) throws -> String {
        try decodeDetectingEncoding(bytes, path: path).text
    }

    /// Decodes `bytes` and says which encoding they were in.
    ///
    /// - Parameter path: how to name the input in errors.
    /// - Throws: ``InputError/empty(path:)`` when there is nothing but white
    ///   space, ``InputError/notText(path:reason:)`` for binary data and for
    ///   bytes that are neither UTF-8 nor GB18030.
    public static func decodeDetectingEncoding(
        _ bytes: [UInt8], path: String
    ) throws -> (text: String, encoding: Encoding) {
        let (text, encoding, hasCR) = try rawDecode(bytes, path: path)
        let normalized =
            hasCR
            ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            : text
        if normalized.unicodeScalars.allSatisfy({ CJKText.isBlank($0) || $0 == "\n" }) {
            throw InputError.empty(path: path)
        }
        return (normalized, encoding)
    }

    /// Whether NUL bytes sit in every other position of the first bytes, as
    /// in UTF-16 text of ASCII or Latin characters, or CJK in one byte order.
    static func looksLikeUTF16WithoutMark(_ bytes: ArraySlice<UInt8>) -> Bool {
        let sample = Array(bytes.prefix(512))
        // Too few bytes to tell text from binary.
        guard sample.count >= 16 else { return false }
        let pairs = sample.count / 2
        // Chinese text in UTF-16 has NULs only beside ASCII characters: it
        // decodes as valid UTF-16 that reads as Chinese.
        for littleEndian in [true, false] {
            let units = stride(from: 0, to: pairs * 2, by: 2).map { index -> UInt16 in
                littleEndian
                    ? UInt16(sample[index]) | UInt16(sample[index + 1]) << 8
                    : UInt16(sample[index]) << 8 | UInt16(sample[index + 1])
            }
            if let text = String(validating: units, as: UTF16.self), looksLikeChineseText(text) { return true }
        }
        let even = stride(from: 0, to: pairs * 2, by: 2).filter { sample[$0] == 0 }.count
        let odd = stride(from: 1, to: pairs * 2, by: 2).filter { sample[$0] == 0 }.count
        // One side is NUL in most pairs, the other almost never.
        return (odd * 3 >= pairs && even == 0) || (even * 3 >= pairs && odd == 0)
    }

    /// The text, its encoding and whether it may hold a CR.
    private static func rawDecode(_ bytes: [UInt8], path: String) throws -> (String, Encoding, Bool) {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let littleEndian = bytes[0] == 0xFF
            let body = bytes.dropFirst(2)
            guard body.count % 2 == 0 else {
                throw InputError.notText(
                    path: path, reason: "UTF-16 byte-order mark, but an odd number of bytes follows")
            }
            let units = stride(from: body.startIndex, to: body.endIndex, by: 2).map { index -> UInt16 in
                littleEndian
                    ? UInt16(body[index]) | UInt16(body[index + 1]) << 8
                    : UInt16(body[index]) << 8 | UInt16(body[index + 1])
            }
            guard let text = String(validating: units, as: UTF16.self) else {
                throw InputError.notText(
                    path: path, reason: "UTF-16 byte-order mark, but the text has an unpaired surrogate")
            }
            try refuseControlCharacters(text, path: path)
            return (text, littleEndian ? .utf16LE : .utf16BE, true)
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let (nul, hasCR) = findNULAndCR(bytes.span, from: body.startIndex)
        if let nul {
            if looksLikeUTF16WithoutMark(body) {
                throw InputError.notText(
                    path: path,
                    reason:
                        "it looks like UTF-16 without a byte-order mark; convert it to UTF-8, e.g. iconv -f UTF-16LE -t UTF-8"
                )
            }
            throw InputError.notText(
                path: path, reason: "NUL byte at offset \(nul), which text never has; is it a binary file?")
        }
        if let text = UTF8Validation.string(validating: body.span) {
            return (text, .utf8, hasCR)
        }
        let utf8Offset = firstInvalidUTF8Offset(body) ?? body.startIndex
        do {
            let converted = try Iconv.toUTF8(Array(body), from: "GB18030")
            guard let text = String(validating: converted, as: UTF8.self), looksLikeChineseText(text) else {
                throw InputError.notText(
                    path: path, reason: "invalid UTF-8 at byte offset \(utf8Offset), and not readable as GB18030 either"
                )
            }
            try refuseControlCharacters(text, path: path)
            return (text, .gb18030, true)
        } catch let failure as Iconv.Failure {
            let detail: String
            switch failure {
            case .invalidSequence(let offset): detail = "not GB18030 either (invalid sequence at byte offset \(offset))"
            case .truncatedInput: detail = "not GB18030 either (it ends inside a character)"
            case .unsupportedEncoding: detail = "and this system cannot convert GB18030"
            }
            throw InputError.notText(path: path, reason: "invalid UTF-8 at byte offset \(utf8Offset), \(detail)")
        }
    }

    /// Text has line breaks and tabs, not other control characters; a few
    /// percent of them means binary data that happened to decode.
    private static func refuseControlCharacters(_ text: String, path: String) throws {
        var controls = 0
        var total = 0
        for scalar in text.unicodeScalars {
            total += 1
            if scalar.value < 0x20 && scalar != "\n" && scalar != "\r" && scalar != "\t" { controls += 1 }
        }
        if controls * 100 > total {
            throw InputError.notText(
                path: path, reason: "\(controls) control characters in \(total); is it a binary file?")
        }
    }

    /// Whether converted GB18030 text reads as Chinese (or ASCII) text
    /// rather than noise: at least 90% ASCII printable, CJK or CJK punctuation.
    private static func looksLikeChineseText(_ text: String) -> Bool {
        var good = 0
        var total = 0
        for scalar in text.unicodeScalars {
            total += 1
            let v = scalar.value
            if (0x20...0x7E).contains(v) || v == 0x0A || v == 0x0D || v == 0x09 || CJKText.isIdeograph(v)
                || (0x3000...0x303F).contains(v) || (0xFF00...0xFFEF).contains(v) || (0x2010...0x201F).contains(v)
            {
                good += 1
            }
        }
        return total > 0 && good * 10 >= total * 9
    }

    /// The offset of the first NUL byte from `start`, if any, and whether
    /// there is a CR (which matters only when there is no NUL).
    private static func findNULAndCR(_ bytes: Span<UInt8>, from start: Int) -> (nul: Int?, hasCR: Bool) {
        // A pass without an early exit, which the compiler vectorizes; the
        // NUL is looked for only when there is one.
        var seen: UInt8 = 0
        for index in start..<bytes.count {
            let byte = bytes[index]
            seen |= (byte == 0 ? 1 : 0) | (byte == 0x0D ? 2 : 0)
        }
        guard seen & 1 != 0 else { return (nil, seen & 2 != 0) }
        return ((start..<bytes.count).first { bytes[$0] == 0 }, seen & 2 != 0)
    }

    private static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index - bytes.startIndex
            }
            guard index + length <= bytes.endIndex,
                String(validating: bytes[index..<index + length], as: UTF8.self) != nil
            else { return index - bytes.startIndex }
            index += length
        }
        return nil
    }
}
