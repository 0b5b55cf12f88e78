/// One non-blank line of a page dump, with what the parser learned about
/// it: a plain value, so the parser's many passes over lines copy nothing
/// but numbers. The text itself stays in the page (``PageLines``).
struct PageLine {
    /// What a line is, judged from the line alone.
    enum Kind: Equatable {
        /// Starts an article: `本报讯…`. Its body text begins at byte offset
        /// `restStart` of the page, after any byline given in brackets.
        case lead(restStart: Int)
        /// A byline: `● 记者 耿洁玉` (the names are in ``PageLines``).
        case byline
        /// A photo credit: `朱亮 摄`.
        case credit
        /// A source note wholly in brackets: `（转摘自“今日漕河泾”）`.
        case note
        /// Anything else: body text, titles, captions, labels.
        case text
    }

    /// Where the line's text, without surrounding white space, is: UTF-8
    /// offsets into the page.
    var bytes: Range<Int>
    /// Whether the raw line began with white space: in these dumps that
    /// marks the start of a new text block on the page.
    var indented: Bool
    private(set) var kind: Kind = .text
    /// Whether ``kind`` is ``Kind/text``.
    private(set) var isText = true
    /// Whether ``kind`` is ``Kind/lead(restStart:)``.
    var isLead: Bool {
        if case .lead = kind { return true }
        return false
    }
    /// Display width in half-width units (an ideograph counts 2).
    var width: Int
    /// Whether it ends a sentence.
    var endsSentence: Bool
    /// Whether a full stop, exclamation or question mark stands anywhere in it.
    var hasSentenceMark: Bool
    /// Whether white space stands inside it (between words).
    var hasInnerBlank: Bool
    /// Whether it opens a bracket or quotation it does not close
    /// (`…《关于加强徐汇区`): it goes on in the next line.
    var leavesBracketOpen: Bool
    /// Its first and last scalars.
    var first: Unicode.Scalar, last: Unicode.Scalar
    /// Its first scalar that is neither white space nor a bullet glyph.
    var firstContent: Unicode.Scalar

    /// The line in `range` of `bytes` without surrounding white space, and
    /// what one pass over it shows; `nil` when it is blank. Its kind is
    /// ``Kind/text`` until ``classified(_:)``.
    init?(scanning bytes: Span<UInt8>, _ range: Range<Int>) {
        guard let line = PageLine.scan(bytes, from: range.lowerBound, to: range.upperBound).line else { return nil }
        self = line
    }

    /// The line that starts at `start` and ends at the next line feed or at
    /// `end`, in one pass over its bytes, and where it stopped (the line
    /// feed's offset, or `end`). The line is `nil` when it is blank.
    @inline(__always)
    static func scan(_ bytes: Span<UInt8>, from start: Int, to end: Int) -> (line: PageLine?, stop: Int) {
        // Bounded by the span, so the compiler can drop the checks on each byte read.
        let end = min(end, bytes.count)
        var index = start
        while index < end {
            let length = UTF8Scan.blankLength(in: bytes, at: index, end: end)
            if length == 0 { break }
            index += length
        }
        let lower = index
        var upper = lower
        var width = 0
        var count = 0
        var marks = false
        var bracketDepth = 0
        var innerBlank = false
        // White space is counted only once something other than white space follows it.
        var blankWidth = 0
        var blankCount = 0
        var first: UInt32 = 0
        var content: UInt32 = 0
        // Where the last non-blank scalar and the non-blank scalar before it
        // start (-1: none); decoded once at the end.
        var lastStart = -1
        var beforeLastStart = -1
        func take(_ start: Int, width scalarWidth: Int) {
            if blankCount > 0 {
                innerBlank = true
                width += blankWidth
                count += blankCount
                blankWidth = 0
                blankCount = 0
            }
            width += scalarWidth
            count += 1
            beforeLastStart = lastStart
            lastStart = start
            upper = index
        }
        while index < end {
            let lead = bytes[index]
            if lead == 0x0A { break }
            let start = index
            // Runs of ideographs U+4000–U+9FFF, most of the text: wide,
            // never white space or a sentence mark, so they need not be
            // decoded, and a run is taken as a whole. Only 筅, a mis-decoded
            // bullet, is looked at when nothing but bullets came before.
            if lead &- 0xE4 < 6 {
                if content == 0 {
                    let value = UTF8Scan.scalar(in: bytes, at: index).value
                    if count == 0 { first = value }
                    if Bylines.isNoise(value) {
                        index &+= 3
                        take(start, width: 2)
                        continue
                    }
                    content = value
                }
                var run = index &+ 3
                while run < end, bytes[run] &- 0xE4 < 6 { run &+= 3 }
                let ideographs = (run &- index) / 3
                index = run
                take(run &- 3, width: 2)
                width &+= 2 &* (ideographs &- 1)
                count &+= ideographs &- 1
                if ideographs > 1 { beforeLastStart = run &- 6 }
                continue
            }
            let (value, length) = UTF8Scan.scalar(in: bytes, at: index)
            index &+= length
            let scalarWidth = CJKText.isWide(value) ? 2 : 1
            if CJKText.isBlank(value) {
                // Not a "scalar before the last": `。 ”` ends its sentence
                // as `。”` does.
                blankWidth &+= scalarWidth
                blankCount &+= 1
                continue
            }
            if count == 0 { first = value }
            take(start, width: scalarWidth)
            marks = marks || value == 0x3002 || value == 0xFF01 || value == 0xFF1F
            bracketDepth = max(0, bracketDepth + bracketDepthChange(value))
            if content == 0, !Bylines.isNoise(value) { content = value }
        }
        let last = lastStart >= 0 ? UTF8Scan.scalar(in: bytes, at: lastStart).value : 0
        let beforeLast = beforeLastStart >= 0 ? UTF8Scan.scalar(in: bytes, at: beforeLastStart).value : 0
        guard count > 0 else { return (nil, index) }
        let closing = isCloser(last) && count >= 2
        let line = PageLine(
            bytes: lower..<upper, indented: lower != start, width: width,
            endsSentence: isSentenceEnd(closing ? beforeLast : last), hasSentenceMark: marks,
            hasInnerBlank: innerBlank, leavesBracketOpen: bracketDepth > 0, first: Unicode.Scalar(first) ?? "\u{FFFD}",
            last: Unicode.Scalar(last) ?? "\u{FFFD}",
            firstContent: Unicode.Scalar(content) ?? "\u{FFFD}")
        return (line, index)
    }

    private init(
        bytes: Range<Int>, indented: Bool, width: Int, endsSentence: Bool, hasSentenceMark: Bool,
        hasInnerBlank: Bool, leavesBracketOpen: Bool, first: Unicode.Scalar, last: Unicode.Scalar,
        firstContent: Unicode.Scalar
    ) {
        self.bytes = bytes
        self.indented = indented
        self.width = width
        self.endsSentence = endsSentence
        self.hasSentenceMark = hasSentenceMark
        self.leavesBracketOpen = leavesBracketOpen
        self.hasInnerBlank = hasInnerBlank
        self.first = first
        self.last = last
        self.firstContent = firstContent
    }

    /// Whether `value` closes a quotation or bracket: `”’）)」』"`.
    @inline(__always)
    private static func isCloser(_ value: UInt32) -> Bool {
        switch value {
        case 0x201D, 0x2019, 0xFF09, 0x29, 0x300D, 0x300F, 0x22: true
        default: false
        }
    }

    /// +1 for a scalar that opens a bracket or quotation (`《“（「『【(`), −1
    /// for one that closes it (`》”）」』】)`), 0 otherwise.
    @inline(__always)
    private static func bracketDepthChange(_ value: UInt32) -> Int {
        switch value {
        case 0x300A, 0x201C, 0xFF08, 0x300C, 0x300E, 0x3010, 0x28: 1
        case 0x300B, 0x201D, 0xFF09, 0x300D, 0x300F, 0x3011, 0x29: -1
        default: 0
        }
    }

    /// Whether `value` ends a sentence: `。！？；!?;`, and the ellipsis `…`
    /// (a paragraph that trails off in `……` has ended; its last lines are
    /// not a title).
    @inline(__always)
    private static func isSentenceEnd(_ value: UInt32) -> Bool {
        switch value {
        case 0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0x21, 0x3F, 0x3B, 0x2026: true
        default: false
        }
    }

    /// Whether the line must be looked at more closely than its first and
    /// last characters: only then can it be a lead, byline, credit or note.
    var needsClassifying: Bool {
        Bylines.mayStart(with: firstContent) || last == "摄"
    }

    /// The same line with the kind found for it.
    func classified(_ kind: Kind) -> PageLine {
        var line = self
        line.kind = kind
        line.isText = kind == .text
        return line
    }

    /// The same line (its width, sentence ends and kind) with its text
    /// narrowed to `part` of it, such as a lead's text after its byline;
    /// `nil` when that part is blank.
    func narrowed(to part: Range<Int>, in bytes: Span<UInt8>) -> PageLine? {
        guard let scanned = PageLine(scanning: bytes, part) else { return nil }
        var line = self
        line.bytes = scanned.bytes
        line.first = scanned.first
        line.hasInnerBlank = scanned.hasInnerBlank
        return line
    }

    static func displayWidth(_ text: Substring) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (CJKText.isWide($1) ? 2 : 1) }
    }

    /// What a lead opens with: `本报讯` ("this paper reports").
    static let leadMarker = Array("本报讯".unicodeScalars)

    /// What the line with these scalars, starting at byte offset
    /// `lineStart` of the page, is, and the names it gives if it is a lead
    /// or a byline.
    static func classify(_ scalars: [Unicode.Scalar], at lineStart: Int) -> (kind: Kind, names: [String]) {
        func offset(_ index: Int) -> Int { lineStart + utf8Length(of: scalars[..<index]) }
        let text = scalars.drop(while: { Bylines.isNoise($0.value) || $0 == " " })
        if text.starts(with: leadMarker) {
            if let split = Bylines.splitLead(text) { return (.lead(restStart: offset(split.rest)), split.names) }
            return (.lead(restStart: offset(text.startIndex + 3)), [])
        }
        if let names = Bylines.names(in: scalars[...]) { return (.byline, names) }
        if scalars.last == "摄", scalars.count <= 14, scalars.count <= 6 || scalars.dropLast().last == " ",
            scalars.reduce(0, { $0 + UTF8.width($1) }) <= 60
        {
            return (.credit, [])
        }
        return (isBracketedNote(scalars[...]) ? .note : .text, [])
    }

    /// How many UTF-8 bytes `scalars` take: a byte offset into the page.
    static func utf8Length<C: Collection<Unicode.Scalar>>(of scalars: C) -> Int {
        scalars.reduce(0) { $0 + Int(UTF8.width($1)) }
    }

    /// A source note: a line wholly in brackets that names where the text
    /// comes from, such as `（转摘自“今日漕河泾”）` or `（来源：新华社）`. A
    /// parenthetical of the body on a line of its own (`（以下合称启运地）`)
    /// names no source and stays text.
    static func isBracketedNote(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = scalars.first, let last = scalars.last,
            (first == "（" && last == "）") || (first == "(" && last == ")"), scalars.count >= 4
        else { return false }
        // The brackets must enclose the whole line, not open and close twice.
        let inside = scalars.dropFirst().dropLast()
        guard !inside.contains(where: { $0 == "（" || $0 == "）" || $0 == "(" || $0 == ")" }) else { return false }
        return sourceWords.contains { word in
            inside.indices.contains { inside[$0...].starts(with: word) }
        }
    }

    /// Words that say where a text comes from or who made it.
    static let sourceWords: [[Unicode.Scalar]] = [
        "来源", "转摘", "转自", "摘自", "转载", "原载", "供稿", "稿件", "编辑", "作者", "记者", "通讯员", "据", "本文", "整理", "摄",
    ].map { Array($0.unicodeScalars) }
}
