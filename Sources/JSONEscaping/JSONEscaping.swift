/// JSON string literals, shared by the host (`newshost parse`) and the Swift
/// plugin kit (export-jsonl), which write JSON Lines by hand.
public enum JSONEscaping {
    /// `text` as a JSON string literal: quotes, backslashes and control
    /// characters escaped, everything else copied as UTF-8 bytes.
    public static func quoted(_ text: String) -> String {
        var text = text
        return text.withUTF8 { source in
            String(unsafeUninitializedCapacity: source.count * 6 + 2) { buffer in
                var count = 0
                func put(_ byte: UInt8) {
                    buffer[count] = byte
                    count += 1
                }
                put(0x22)
                for byte in source {
                    switch byte {
                    case 0x22:
                        put(0x5C)
                        put(0x22)
                    case 0x5C:
                        put(0x5C)
                        put(0x5C)
                    case 0x0A:
                        put(0x5C)
                        put(0x6E)
                    case 0x0D:
                        put(0x5C)
                        put(0x72)
                    case 0x09:
                        put(0x5C)
                        put(0x74)
                    case 0x00..<0x20:
                        let hex = Array("0123456789abcdef".utf8)
                        for digit in [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]] as [UInt8] {
                            put(digit)
                        }
                    default: put(byte)
                    }
                }
                put(0x22)
                return count
            }
        }
    }
}
