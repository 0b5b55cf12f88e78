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

    /// Folds runs of white space into one space and trims the ends, for
    /// titles, where a space between CJK words separates phrases.
    static func collapseSpaces<S: StringProtocol>(_ text: S) -> String {
        if !text.unicodeScalars.contains(where: isWhiteSpace) { return String(text) }
        var collapsed = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isWhiteSpace(scalar) {
                pendingSpace = !collapsed.isEmpty
                continue
            }
            if pendingSpace { collapsed.append(" ") }
            pendingSpace = false
            collapsed.append(scalar)
        }
        return String(collapsed)
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
        var out = FragmentJoiner(capacity: fragments.reduce(0) { $0 + $1.utf8.count + 1 })
        for fragment in fragments { out.appendFragment(Substring(fragment)) }
        return out.string
    }
}

/// Builds a paragraph from column fragments, dropping white space next to
/// wide characters and folding other runs of white space (and the line
/// breaks between fragments) into one space.
struct FragmentJoiner {
    /// The text so far.
    private(set) var string = ""
    private var last: Unicode.Scalar?
    private var pendingSpace = false

    /// An empty joiner with room for `capacity` bytes.
    init(capacity: Int) {
        string.reserveCapacity(capacity)
    }

    /// Appends one fragment after a line break.
    mutating func appendFragment(_ fragment: Substring) {
        guard let first = fragment.unicodeScalars.first, let last = fragment.unicodeScalars.last else { return }
        let hasBlank = fragment.unicodeScalars.contains { PageLine.isBlank($0) || $0 == "\n" }
        append(fragment, first: first, last: last, hasBlank: hasBlank)
    }

    /// Appends one fragment after a line break, given its first and last
    /// scalars and whether white space stands in it: as it is when there is
    /// none (most CJK lines), else scalar by scalar.
    mutating func append(_ fragment: Substring, first: Unicode.Scalar, last: Unicode.Scalar, hasBlank: Bool) {
        guard !hasBlank else { return appendScalars(fragment.unicodeScalars) }
        if let previous = self.last, !CJKText.isWide(previous), !CJKText.isWide(first) { string.append(" ") }
        string.append(contentsOf: fragment)
        self.last = last
        pendingSpace = false
    }

    private mutating func appendScalars(_ scalars: Substring.UnicodeScalarView) {
        if last != nil { pendingSpace = true }
        for scalar in scalars {
            if PageLine.isBlank(scalar) || scalar == "\n" {
                pendingSpace = last != nil
                continue
            }
            if pendingSpace, let previous = last, !CJKText.isWide(previous), !CJKText.isWide(scalar) {
                string.append(" ")
            }
            pendingSpace = false
            string.unicodeScalars.append(scalar)
            last = scalar
        }
    }
}
