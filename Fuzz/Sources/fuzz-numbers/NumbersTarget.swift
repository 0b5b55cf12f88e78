import NewsHostPluginKit

// libFuzzer target: any bytes as doubles, each written as a JSON number
// (what export-jsonl writes for scores and weights), which must be the
// double's `description`: the C path (`nh_shortest_decimal`) must agree
// with the standard library digit for digit wherever it answers.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNumbers(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    var start = 0
    while start + 8 <= bytes.count {
        var bits: UInt64 = 0
        for byte in bytes[start..<start + 8] { bits = bits << 8 | UInt64(byte) }
        start += 8
        // The bit pattern as it is (any exponent), and with its exponent
        // folded into the range the C path covers (2^-13 to 2^53).
        let covered = (bits & ~(0x7FF << 52)) | ((1010 + (bits >> 52 & 0x7FF) % 66) << 52)
        for value in [Double(bitPattern: bits), Double(bitPattern: covered)] where value.isFinite {
            var json = JSONWriter()
            json.number(value)
            precondition(json.text == value.description, "\(value.description) written as \(json.text)")
        }
    }
    return 0
}
