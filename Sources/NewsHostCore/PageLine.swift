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
    var kind: Kind
    /// Display width in half-width units (an ideograph counts 2).
    var width: Int
    /// Whether it ends a sentence.
    var endsSentence: Bool
    /// Whether a full stop, exclamation or question mark stands anywhere in it.
    var hasSentenceMark: Bool

    init(raw: Substring) {
        let trimmed = PageLine.trim(raw)
        text = trimmed
        indented = trimmed.startIndex != raw.startIndex
        kind = PageLine.classify(trimmed)
        (width, hasSentenceMark) = PageLine.measure(trimmed)
        endsSentence = CJKText.endsSentence(trimmed)
    }

    /// The non-blank lines of `text`.
    static func lines(of text: String) -> [PageLine] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: true).compactMap { raw in
            let line = PageLine(raw: Substring(raw))
            return line.text.isEmpty ? nil : line
        }
    }

    static func trim(_ line: Substring) -> Substring {
        let scalars = line.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isBlank($0) }),
              let last = scalars.lastIndex(where: { !isBlank($0) })
        else { return line[line.endIndex...] }
        return Substring(scalars[first...last])
    }

    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0B, 0x0C, 0x0D, 0xA0, 0x3000, 0xFEFF: return true
        default: return false
        }
    }

    /// Display width and whether 。！？ occurs, decoding the UTF-8 by hand
    /// (the scalar view of a Substring checks every index it is given).
    static func measure(_ text: Substring) -> (width: Int, hasSentenceMark: Bool) {
        var text = text
        return text.withUTF8 { utf8 in
            var width = 0, marks = false, index = 0
            while index < utf8.count {
                let lead = UInt32(utf8[index])
                var value = lead, length = 1
                if lead >= 0xF0 { value = lead & 0x07; length = 4 } else if lead >= 0xE0 { value = lead & 0x0F; length = 3 }
                else if lead >= 0xC0 { value = lead & 0x1F; length = 2 }
                for offset in 1..<max(1, min(length, utf8.count - index)) { value = value << 6 | UInt32(utf8[index + offset] & 0x3F) }
                index += length
                let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
                width += CJKText.isWide(scalar) ? 2 : 1
                marks = marks || value == 0x3002 || value == 0xFF01 || value == 0xFF1F
            }
            return (width, marks)
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
