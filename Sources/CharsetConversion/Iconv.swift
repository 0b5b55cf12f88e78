import Glibc

/// Character-set conversion through the C library's iconv: the one place
/// in the input path that touches pointers.
public enum Iconv {
    /// Why a conversion failed.
    public enum Failure: Error, Equatable, Sendable {
        /// The system does not know the encoding.
        case unsupportedEncoding(String)
        /// The bytes are not valid in the source encoding, at this offset.
        case invalidSequence(offset: Int)
        /// The input ends in the middle of a character.
        case truncatedInput
    }

    /// Converts `bytes` from `encoding` (an iconv name such as "GB18030")
    /// to UTF-8.
    public static func toUTF8(_ bytes: [UInt8], from encoding: String) throws(Failure) -> [UInt8] {
        let descriptor = iconv_open("UTF-8", encoding)
        guard let descriptor, descriptor != UnsafeMutableRawPointer(bitPattern: -1) else {
            throw .unsupportedEncoding(encoding)
        }
        defer { iconv_close(descriptor) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var failure: Failure?
        let produced: Int = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = UnsafeMutableRawPointer(inBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer = UnsafeMutableRawPointer(outBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                if iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft) == -1 {
                    // Output is sized for GB18030's worst case (2 bytes in, up to 4 out
                    // only for 4-byte sequences), so only input problems remain.
                    failure = errno == EILSEQ ? .invalidSequence(offset: inBuffer.count - inLeft) : .truncatedInput
                }
                return outBuffer.count - outLeft
            }
        }
        if let failure { throw failure }
        return Array(output[..<produced])
    }
}
