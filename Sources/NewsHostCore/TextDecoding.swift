import Foundation

/// Turns the bytes of an input into normalized text.
public enum TextDecoding {
    /// Decodes `bytes` as UTF-8 (a leading byte-order mark is dropped),
    /// turns CRLF and CR line ends into LF.
    ///
    /// - Parameter path: how to name the input in errors.
    /// - Throws: ``InputError/empty(path:)`` when there is nothing but white
    ///   space, ``InputError/notText(path:reason:)`` for NUL bytes or invalid UTF-8.
    public static func decode(_ bytes: [UInt8], path: String) throws -> String {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let nul = body.firstIndex(of: 0) {
            throw InputError.notText(path: path, reason: "NUL byte at offset \(nul), which text never has; is it a binary file?")
        }
        guard let text = String(validating: body, as: UTF8.self) else {
            let offset = firstInvalidUTF8Offset(body) ?? body.startIndex
            throw InputError.notText(path: path, reason: "invalid UTF-8 at byte offset \(offset)")
        }
        let normalized = text.contains("\r")
            ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            : text
        if normalized.allSatisfy({ $0.isWhitespace }) { throw InputError.empty(path: path) }
        return normalized
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
            default: return index
            }
            guard index + length <= bytes.endIndex,
                  String(validating: bytes[index..<index + length], as: UTF8.self) != nil
            else { return index }
            index += length
        }
        return nil
    }
}
