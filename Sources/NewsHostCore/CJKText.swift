/// Character classes and joining rules for Chinese text mixed with Latin.
enum CJKText {
    /// Whether `scalar` is a CJK ideograph or CJK/full-width punctuation,
    /// next to which no space belongs.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        isWide(scalar.value)
    }

    @inline(__always)
    static func isWide(_ value: UInt32) -> Bool {
        guard value >= 0x2014 else { return false }
        switch value {
        case 0x2E80...0x9FFF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x2FA1F,
             0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026:
            return true
        default:
            return false
        }
    }

    /// Whether a line ends a sentence (a closing quote or bracket after the
    /// sentence mark counts too).
    static func endsSentence<S: StringProtocol>(_ line: S) -> Bool {
        var scalars = line.unicodeScalars.reversed().makeIterator()
        guard var last = scalars.next() else { return false }
        if "”’）)」』\"".unicodeScalars.contains(last), let before = scalars.next() { last = before }
        return "。！？；!?;".unicodeScalars.contains(last)
    }

    /// Folds runs of white space into one space and trims the ends, for
    /// titles, where a space between CJK words separates phrases.
    static func collapseSpaces<S: StringProtocol>(_ text: S) -> String {
        if !text.unicodeScalars.contains(where: isWhiteSpace) { return String(text) }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Unicode's White_Space property, which `Character.isWhitespace` tests,
    /// without the property lookup.
    static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Joins column-wrapped fragments of one paragraph: no space between
    /// wide characters, one space between Latin words or numbers.
    static func joinFragments<S: StringProtocol>(_ fragments: [S]) -> String {
        var out = UTF8Joiner()
        out.reserve(fragments.reduce(0) { $0 + $1.utf8.count + 1 })
        for fragment in fragments { out.appendFragment(Substring(fragment)) }
        return out.string
    }
}

/// Builds text as UTF-8 bytes, dropping white space next to wide characters
/// and folding other runs of white space (and line breaks between
/// fragments) into one space.
struct UTF8Joiner {
    private var bytes: [UInt8] = []
    private var last: Unicode.Scalar?
    private var pendingSpace = false

    /// Makes room for `count` more bytes.
    mutating func reserve(_ count: Int) {
        bytes.reserveCapacity(bytes.count + count)
    }

    /// Appends one column fragment after a line break: its bytes as they
    /// are when it holds no white space (most CJK lines), else scalar by scalar.
    mutating func appendFragment(_ fragment: Substring) {
        var text = fragment
        let copied: Bool = text.withUTF8 { utf8 in
            guard let first = fragment.unicodeScalars.first, !Self.mayHoldBlank(utf8) else { return false }
            appendBytes(utf8, first: first, last: fragment.unicodeScalars.last!)
            return true
        }
        if !copied { append(fragment.unicodeScalars, breakBefore: true) }
    }

    /// Appends a page line after a line break, using what the line pass
    /// learned about it.
    mutating func appendLine(_ line: PageLine) {
        guard !line.hasInnerBlank else { return append(line.text.unicodeScalars, breakBefore: true) }
        var text = line.text
        text.withUTF8 { appendBytes($0, first: line.first, last: line.last) }
    }

    private mutating func appendBytes(_ utf8: UnsafeBufferPointer<UInt8>, first: Unicode.Scalar, last: Unicode.Scalar) {
        if let previous = self.last, !CJKText.isWide(previous), !CJKText.isWide(first) { bytes.append(0x20) }
        bytes.append(contentsOf: utf8)
        self.last = last
        pendingSpace = false
    }

    /// Whether `utf8` may hold a scalar ``PageLine/isBlank(_:)`` counts, or a
    /// line break: any byte up to 0x20, or the lead bytes of U+00A0, U+3000, U+FEFF.
    private static func mayHoldBlank(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        utf8.indices.contains { index in
            let byte = utf8[index]
            if byte <= 0x20 { return true }
            guard byte == 0xC2 || byte == 0xE3 || byte == 0xEF else { return false }
            let next = index + 1 < utf8.count ? utf8[index + 1] : 0, after = index + 2 < utf8.count ? utf8[index + 2] : 0
            return (byte == 0xC2 && next == 0xA0) || (byte == 0xE3 && next == 0x80 && after == 0x80)
                || (byte == 0xEF && next == 0xBB && after == 0xBF)
        }
    }

    mutating func append<C: Collection<Unicode.Scalar>>(_ scalars: C, breakBefore: Bool = false) {
        if breakBefore, last != nil { pendingSpace = true }
        for scalar in scalars {
            if PageLine.isBlank(scalar) || scalar == "\n" {
                pendingSpace = last != nil
                continue
            }
            if pendingSpace, let previous = last, !CJKText.isWide(previous), !CJKText.isWide(scalar) {
                bytes.append(0x20)
            }
            pendingSpace = false
            UTF8.encode(scalar) { bytes.append($0) }
            last = scalar
        }
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
