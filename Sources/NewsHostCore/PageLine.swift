/// One non-blank line of a page dump, with what the parser learned about it.
struct PageLine {
    /// What a line is, judged from the line alone.
    enum Kind: Equatable {
        /// Starts an article: `本报讯…`, with any byline given in brackets.
        case lead(bylines: [String], rest: Substring)
        /// A byline: `● 记者 耿洁玉`.
        case byline([String])
        /// A photo credit: `朱亮 摄`.
        case credit
        /// A source note wholly in brackets: `（转摘自“今日漕河泾”）`.
        case note
        /// Anything else: body text, titles, captions, labels.
        case text
    }

    /// The line without surrounding white space.
    var text: Substring
    /// Whether the raw line began with white space: in these dumps that
    /// marks the start of a new text block on the page.
    var indented: Bool
    var kind: Kind {
        didSet { isText = kind == .text }
    }
    /// Whether ``kind`` is ``Kind/text`` (read without copying the kind).
    private(set) var isText: Bool
    /// Display width in half-width units (an ideograph counts 2).
    var width: Int
    /// Whether it ends a sentence.
    var endsSentence: Bool
    /// Whether a full stop, exclamation or question mark stands anywhere in it.
    var hasSentenceMark: Bool
    /// Whether white space stands inside it (between words).
    var hasInnerBlank: Bool
    /// Its first and last scalars.
    var first: Unicode.Scalar, last: Unicode.Scalar

    /// The line in `raw` without surrounding white space and what one pass
    /// over its bytes shows; `nil` when it is blank.
    init?(raw: Substring) {
        let bytes = raw.utf8.span
        var lower = 0, upper = bytes.count
        while lower < upper {
            let length = UTF8Scan.blankLength(in: bytes, at: lower, end: upper)
            if length == 0 { break }
            lower += length
        }
        while upper > lower {
            let length = UTF8Scan.blankLength(in: bytes, before: upper, start: lower)
            if length == 0 { break }
            upper -= length
        }
        guard lower < upper else { return nil }

        var width = 0, marks = false, innerBlank = false
        var first: UInt32 = 0, last: UInt32 = 0, beforeLast: UInt32 = 0, content: UInt32 = 0
        var index = lower
        while index < upper {
            let (value, length) = UTF8Scan.scalar(in: bytes, at: index)
            if index == lower { first = value }
            index += length
            beforeLast = last
            last = value
            width += CJKText.isWide(value) ? 2 : 1
            marks = marks || value == 0x3002 || value == 0xFF01 || value == 0xFF1F
            if PageLine.isBlank(value) {
                innerBlank = true
            } else if content == 0, value >= 0x80, !Bylines.isNoise(value) {
                content = value
            } else if content == 0, value < 0x80 {
                content = value
            }
        }
        let utf8 = raw.utf8
        text = raw[utf8.index(utf8.startIndex, offsetBy: lower)..<utf8.index(utf8.startIndex, offsetBy: upper)]
        indented = lower != 0
        self.width = width
        hasSentenceMark = marks
        hasInnerBlank = innerBlank
        self.first = Unicode.Scalar(first) ?? "\u{FFFD}"
        self.last = Unicode.Scalar(last) ?? "\u{FFFD}"
        let closing = PageLine.closers.contains(last) && index > lower + Int(UTF8.width(self.last))
        endsSentence = PageLine.sentenceEnds.contains(closing ? beforeLast : last)
        // Body text, by far the most lines, is told apart by its first
        // character and its last without looking further.
        let start = Unicode.Scalar(content) ?? "\u{FFFD}"
        let kind = Bylines.mayStart(with: start) || self.last == "摄" ? PageLine.classify(text) : .text
        self.kind = kind
        isText = kind == .text
    }

    private static let closers = "”’）)」』\"".unicodeScalars.map(\.value)
    private static let sentenceEnds = "。！？；!?;".unicodeScalars.map(\.value)

    /// The non-blank lines of `text`.
    static func lines(of text: String) -> [PageLine] {
        var text = text
        text.makeContiguousUTF8()
        let utf8 = text.utf8
        let bytes = utf8.span
        var lines: [PageLine] = []
        lines.reserveCapacity(bytes.count / 48)
        var start = 0, lineStart = utf8.startIndex
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            let lineEnd = utf8.index(lineStart, offsetBy: end - start)
            if let line = PageLine(raw: text[lineStart..<lineEnd]) { lines.append(line) }
            start = end + 1
            if start <= bytes.count { lineStart = utf8.index(after: lineEnd) }
        }
        return lines
    }

    /// The same line (its width, sentence ends and kind) with its text
    /// narrowed to `part`, such as a lead's text after its byline; `nil`
    /// when `part` is blank.
    func narrowed(to part: Substring) -> PageLine? {
        guard let scanned = PageLine(raw: part) else { return nil }
        var line = self
        line.text = scanned.text
        line.first = scanned.first
        line.hasInnerBlank = scanned.hasInnerBlank
        return line
    }

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

    static func displayWidth(_ text: Substring) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (CJKText.isWide($1) ? 2 : 1) }
    }

    private static let leadMarker = Array("本报讯".unicodeScalars)

    private static func classify(_ line: Substring) -> Kind {
        let scalars = line.unicodeScalars.drop(while: { Bylines.noiseScalars.contains($0) || $0 == " " })
        if scalars.starts(with: leadMarker) {
            let start = Substring(scalars)
            if let split = Bylines.splitLead(Substring(start)) { return .lead(bylines: split.names, rest: split.rest) }
            return .lead(bylines: [], rest: start.dropFirst(3))
        }
        if let names = Bylines.names(in: line) { return .byline(names) }
        if line.unicodeScalars.last == "摄", line.utf8.count <= 60, line.count <= 14, line.dropLast().hasSuffix(" ") || line.count <= 6 {
            return .credit
        }
        if isBracketedNote(line) { return .note }
        return .text
    }

    /// A line wholly in brackets, such as `（转摘自“今日漕河泾”）`.
    static func isBracketedNote(_ line: Substring) -> Bool {
        guard let first = line.unicodeScalars.first, let last = line.unicodeScalars.last,
              first == "（" || first == "(", last == "）" || last == ")", line.unicodeScalars.count >= 4 else { return false }
        guard (first == "（" && last == "）") || (first == "(" && last == ")") else { return false }
        // The brackets must enclose the whole line, not open and close twice.
        let inner = line.dropFirst().dropLast()
        return !inner.contains("（") && !inner.contains("）") && !inner.contains("(") && !inner.contains(")")
    }
}
