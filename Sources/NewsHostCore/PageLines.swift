/// The non-blank lines of one page over the page's text: the lines are
/// plain values pointing into ``text``, and the few that name people keep
/// those names here.
struct PageLines {
    /// The page's text, as contiguous UTF-8.
    let text: String
    /// The lines, in page order.
    var lines: [PageLine]
    /// The names on lead and byline lines, by the line's first byte offset.
    private var names: [Int: [String]]

    /// Splits `text` into lines and classifies each.
    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        (lines, names) = Self.scan(text)
        self.text = text
    }

    private static func scan(_ text: String) -> ([PageLine], [Int: [String]]) {
        let bytes = text.utf8.span
        var lines: [PageLine] = []
        var names: [Int: [String]] = [:]
        lines.reserveCapacity(bytes.count / 48)
        var start = 0
        while start < bytes.count {
            let (found, end) = PageLine.scan(bytes, from: start, to: bytes.count)
            if var line = found {
                // Body text, by far the most lines, is told apart by its
                // first character and its last without looking further.
                if line.needsClassifying {
                    let classified = PageLine.classify(
                        UTF8Scan.scalars(in: bytes, line.bytes), at: line.bytes.lowerBound)
                    line = line.classified(classified.kind)
                    if !classified.names.isEmpty { names[line.bytes.lowerBound] = classified.names }
                }
                lines.append(line)
            }
            start = end + 1
        }
        joinWrappedLeadBrackets(&lines, &names, in: bytes)
        return (lines, names)
    }

    /// Longest stretch, in scalars, a lead's bracketed byline may run into
    /// the next line: a byline is names and roles, never a paragraph.
    static let maximumWrappedBylineScalars = 40

    /// A lead whose byline bracket wraps onto the next line
    /// (`本报讯（记者 诸` / `葛云 通讯员 覃洁晨） 正文…`): the names are read
    /// across both lines, the lead keeps no body text of its own, and the
    /// next line starts after the closing bracket.
    private static func joinWrappedLeadBrackets(
        _ lines: inout [PageLine], _ names: inout [Int: [String]], in bytes: Span<UInt8>
    ) {
        var index = 0
        while index + 1 < lines.count {
            defer { index += 1 }
            guard case .lead(let restStart) = lines[index].kind, names[lines[index].bytes.lowerBound] == nil,
                lines[index + 1].isText
            else { continue }
            let opening = UTF8Scan.scalars(in: bytes, restStart..<lines[index].bytes.upperBound).drop(
                while: CJKText.isWhiteSpace)
            guard let first = opening.first, first == "（" || first == "(",
                !opening.contains(where: { $0 == "）" || $0 == ")" })
            else { continue }
            let next = UTF8Scan.scalars(in: bytes, lines[index + 1].bytes)
            guard let close = next.prefix(maximumWrappedBylineScalars).firstIndex(where: { $0 == "）" || $0 == ")" }),
                let found = Bylines.names(in: (Array(opening) + next[...close])[...])
            else { continue }
            names[lines[index].bytes.lowerBound] = found
            lines[index] = lines[index].classified(.lead(restStart: lines[index].bytes.upperBound))
            let afterClose = lines[index + 1].bytes.lowerBound + PageLine.utf8Length(of: next[...close])
            if let rest = lines[index + 1].narrowed(to: afterClose..<lines[index + 1].bytes.upperBound, in: bytes) {
                lines[index + 1] = rest
            } else {
                lines.remove(at: index + 1)
            }
        }
    }

    private static func substring(_ text: String, _ bytes: Range<Int>) -> Substring {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)
        // Through the UTF-8 view: the offsets are scalar boundaries, so the
        // check that subscripting the string itself makes is not needed.
        return Substring(utf8[lower..<utf8.index(lower, offsetBy: bytes.count)])
    }

    /// The text of `line`.
    func text(of line: PageLine) -> Substring {
        Self.substring(text, line.bytes)
    }

    /// Whether `line` begins in the middle of a sentence: with punctuation
    /// that closes or continues one, or with one ideograph and then such
    /// punctuation (the end of a word wrapped from the line before).
    func startsMidSentence(_ line: PageLine) -> Bool {
        if PageLine.midSentenceMarks.contains(line.first) { return true }
        let second = line.bytes.lowerBound + Int(UTF8.width(line.first))
        guard CJKText.isIdeograph(line.first), second < line.bytes.upperBound else { return false }
        let scalar = UTF8Scan.scalar(in: text.utf8.span, at: second).value
        return PageLine.midSentenceMarks.contains { $0.value == scalar }
    }

    /// The names a lead or byline line gives.
    func names(of line: PageLine) -> [String] {
        names[line.bytes.lowerBound] ?? []
    }

    /// A lead line narrowed to the text after its marker and byline, or
    /// `nil` when nothing follows them.
    func leadBody(_ line: PageLine) -> PageLine? {
        guard case .lead(let restStart) = line.kind else { return line }
        return line.narrowed(to: restStart..<line.bytes.upperBound, in: text.utf8.span)
    }
}
