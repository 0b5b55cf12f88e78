import CByteScan

/// Whether bytes are valid UTF-8, checked in place: every input the host
/// decodes, every string a plugin hands back, and what the plugin kit reads
/// that the host did not vouch for. Most of it is Chinese (three bytes a
/// character). The standard library's check (`UTF8Span(validating:)`) took
/// about eleven instructions a byte of Chinese news; the word-at-a-time
/// check here (eight ASCII bytes, or two such characters, pass with one
/// test of the word) about five; the SSSE3 one in C about one.
public enum UTF8Validation {
    /// Whether `bytes` are valid UTF-8 (RFC 3629: shortest forms only, no
    /// surrogates, nothing above U+10FFFF): sixteen bytes at a time in C
    /// where the processor allows (`nh_scan_utf8_valid`, SSSE3: about one
    /// instruction a byte), else a word at a time here.
    public static func isValid(_ bytes: Span<UInt8>) -> Bool {
        switch bytes.withUnsafeBufferPointer({ nh_scan_utf8_valid($0.baseAddress, $0.count) }) {
        case 1: true
        case 0: false
        default: isValidWordByWord(bytes)
        }
    }

    /// ``isValid(_:)`` eight bytes at a time, for processors without the C
    /// path (and for the tests, which check both).
    static func isValidWordByWord(_ bytes: Span<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var index = 0
            while index < count {
                if index &+ 8 <= count {
                    let word = UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self).littleEndian
                    if word & asciiMask == 0 {
                        index &+= 8
                        continue
                    }
                    if word & twoCharactersMask == twoCharacters, !narrowsSecondByte(word),
                        !narrowsSecondByte(word >> 24)
                    {
                        index &+= 6
                        continue
                    }
                }
                if buffer[index] < 0x80 {
                    index &+= 1
                    continue
                }
                guard let length = sequenceLength(buffer, at: index) else { return false }
                index &+= length
            }
            return true
        }
    }

    /// A string of `bytes` when they are valid UTF-8, else nil: checked
    /// here, then copied without the standard library checking again
    /// (`String(validating:)` costs about eleven instructions a byte of
    /// Chinese text; this about five).
    public static func string(validating bytes: Span<UInt8>) -> String? {
        guard isValid(bytes) else { return nil }
        return String(checkedUTF8: bytes)
    }

    /// The high bit of each of eight bytes: none set is eight ASCII bytes.
    private static let asciiMask: UInt64 = 0x8080_8080_8080_8080

    /// The bits of the first six bytes (the first in the low bits) that make
    /// them two three-byte characters: 1110xxxx 10xxxxxx 10xxxxxx, twice.
    private static let twoCharactersMask: UInt64 = 0xC0C0_F0C0_C0F0
    private static let twoCharacters: UInt64 = 0x8080_E080_80E0

    /// Whether the lead byte in the low bits of `word` is E0 or ED, which
    /// allow only part of the continuation range as the second byte (no
    /// overlong forms, no surrogates): the full check decides those.
    private static func narrowsSecondByte(_ word: UInt64) -> Bool {
        let lead = word & 0xFF
        return lead == 0xE0 || lead == 0xED
    }

    /// The length of the valid sequence that starts at `index` (not ASCII),
    /// or nil: the full check, by the table of RFC 3629, section 4.
    private static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let lead = bytes[index]
        let length: Int
        // The range of the second byte, which the lead may narrow.
        var second: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            second = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            second = 0x80...0x9F
        case 0xF0:
            length = 4
            second = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            second = 0x80...0x8F
        default: return nil
        }
        guard index + length <= bytes.count, second.contains(bytes[index + 1]) else { return nil }
        for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return nil }
        return length
    }
}
