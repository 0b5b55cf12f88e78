import UTF8Assembly

/// Character classes and joining rules for Chinese text mixed with Latin.
enum CJKText {
    /// Whether `value` is a CJK ideograph: the Unified Ideographs and
    /// Extension A (U+4E00–U+9FFF, U+3400–U+4DBF), which Chinese news is
    /// written in; rarer extensions count as other letters.
    @inline(__always)
    static func isIdeograph(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value)
    }

    /// Whether `scalar` is a CJK ideograph (``isIdeograph(_:)-(UInt32)``).
    static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool { isIdeograph(scalar.value) }

    /// Marks that end a sentence or a clause (`。！？；：` and their ASCII
    /// forms): a byline never holds one, and a run-in heading stops at one.
    static let clauseEnds: Set<Unicode.Scalar> = ["。", "！", "？", "；", "：", "!", "?", ";", ":"]

    /// Whether `scalar` is an ASCII digit, `0`–`9`: what numbers and dates
    /// in the dumps are written with (full-width digits are wide).
    static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }

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

    /// Folds runs of white space into one space and trims the ends, for
    /// titles, where a space between CJK words separates phrases.
    static func collapseSpaces<S: StringProtocol>(_ text: S) -> String {
        let source = String(text)
        var words = UTF8Builder(slicing: source)
        let bytes = source.utf8.span
        var index = 0
        var wordStart: Int?
        var sawSpace = false
        func endWord(at end: Int) {
            guard let start = wordStart else { return }
            if !words.isEmpty { words.append(" ") }
            words.append(start..<end)
            wordStart = nil
        }
        while index < bytes.count {
            let (value, length) = UTF8Scan.scalar(in: bytes, at: index)
            if isWhiteSpace(value) {
                endWord(at: index)
                sawSpace = true
            } else if wordStart == nil {
                wordStart = index
            }
            index += length
        }
        guard sawSpace else { return source }
        endWord(at: bytes.count)
        return words.string
    }

    /// Unicode's White_Space property, which `Character.isWhitespace` tests,
    /// without the property lookup.
    static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        isWhiteSpace(scalar.value)
    }

    @inline(__always)
    static func isWhiteSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// White space within a line, as page dumps have it: space, tab,
    /// vertical tab, form feed, CR, no-break space, the ideographic space
    /// and a stray byte-order mark. Unlike ``isWhiteSpace(_:)-(Unicode.Scalar)``
    /// it never includes the line feed, which ends a line rather than
    /// spacing it, and it includes U+FEFF, which is no white space to
    /// Unicode but shows as nothing.
    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        isBlank(scalar.value)
    }

    @inline(__always)
    static func isBlank(_ value: UInt32) -> Bool {
        switch value {
        case 0x20, 0x09, 0x0B, 0x0C, 0x0D, 0xA0, 0x3000, 0xFEFF: return true
        default: return false
        }
    }

    /// Joins column-wrapped fragments of one paragraph: no space between
    /// wide characters, one space between Latin words or numbers.
    static func joinFragments<S: StringProtocol>(_ fragments: [S]) -> String {
        var out = FragmentJoiner(capacity: fragments.reduce(0) { $0 + $1.utf8.count + 1 })
        for fragment in fragments { out.appendFragment(fragment.unicodeScalars) }
        return out.string
    }
}

/// Builds a paragraph from column fragments, dropping white space next to
/// wide characters and folding other runs of white space (and the line
/// breaks between fragments) into one space.
struct FragmentJoiner {
    private var out: UTF8Builder
    private var last: Unicode.Scalar?
    private var pendingSpace = false

    /// An empty joiner with room for `capacity` bytes, for fragments given
    /// as text or as byte ranges of `source`.
    init(slicing source: String = "", capacity: Int) {
        out = UTF8Builder(slicing: source, capacity: capacity)
    }

    /// The text so far.
    var string: String { out.string }

    /// Empties the joiner for the next paragraph, keeping its storage.
    mutating func removeAll() {
        out.removeAll()
        last = nil
        pendingSpace = false
    }

    /// Appends one fragment after a line break.
    mutating func appendFragment(_ scalars: some Sequence<Unicode.Scalar>) {
        // Whether the space waiting is only the line break.
        var atBreak = last != nil
        if last != nil { pendingSpace = true }
        for scalar in scalars {
            if CJKText.isBlank(scalar) || scalar == "\n" {
                pendingSpace = last != nil
                atBreak = false
                continue
            }
            if pendingSpace, let previous = last, Self.spaced(previous, scalar, acrossBreak: atBreak) {
                out.append(" ")
            }
            pendingSpace = false
            atBreak = false
            out.append(scalar)
            last = scalar
        }
    }

    /// Whether a space goes between `previous` and `next` where white space
    /// or a line break (`acrossBreak`) stood: between two narrow characters
    /// (Latin words, numbers), except where a column broke a number
    /// (2 / 025, 419. / 6, 50 / %): digits, their decimal point and a
    /// percent sign are never set apart, and a break inside a number is
    /// only the column's.
    static func spaced(_ previous: Unicode.Scalar, _ next: Unicode.Scalar, acrossBreak: Bool) -> Bool {
        guard !CJKText.isWide(previous), !CJKText.isWide(next) else { return false }
        guard acrossBreak else { return true }
        let numberGoesOn =
            CJKText.isASCIIDigit(previous) && (CJKText.isASCIIDigit(next) || next == "." || next == "%")
        let decimalGoesOn = previous == "." && CJKText.isASCIIDigit(next)
        return !numberGoesOn && !decimalGoesOn
    }

    /// Appends, after a line break, the fragment at `bytes` of the source,
    /// which has no white space in it, given its first and last scalars:
    /// as it is, without looking at each character.
    mutating func appendSlice(_ bytes: Range<Int>, first: Unicode.Scalar, last: Unicode.Scalar) {
        guard !bytes.isEmpty else { return }
        if let previous = self.last, Self.spaced(previous, first, acrossBreak: true) { out.append(" ") }
        out.append(bytes)
        self.last = last
        pendingSpace = false
    }
}
