/// Run-in sub-headings: a bold phrase that opens a paragraph and is set off
/// from its text by a space only, as in
/// `坚持财力一分增长，民生一分改善 落实南部职校…`. In a dump the space between
/// two ideographs is the only trace of it, since CJK prose has no spaces.
struct RunInHeading {
    /// The heading, its lines joined.
    var text: String
    /// The last line the heading reaches into.
    var lastLine: Int
    /// That line from just after the space: where the paragraph's text
    /// starts.
    var rest: PageLine

    /// Most lines a run-in heading spans.
    static let maximumLines = 3
    /// Shortest and longest heading, in characters.
    static let lengths = 6...60

    /// The run-in heading that opens the paragraph starting at line
    /// `start`, if any: within its first lines, before any mark that ends
    /// or pauses a sentence (，、 are allowed), a blank between two
    /// ideographs, outside quotes and brackets.
    static func find(at start: Int, in page: PageLines, titleLike: [Bool]) -> RunInHeading? {
        let lines = page.lines
        // Most paragraphs have no blank in their first lines: rule them out
        // from what the line pass learned.
        var mayHaveBlank = false
        for index in start..<min(lines.count, start + maximumLines) {
            let line = lines[index]
            guard line.isText, !titleLike[index] else { break }
            if line.hasInnerBlank {
                mayHaveBlank = true
                break
            }
            if line.endsSentence || line.hasSentenceMark { break }
        }
        guard mayHaveBlank else { return nil }
        var heading: [Substring] = []
        var length = 0
        var quoted = 0
        for index in start..<min(lines.count, start + maximumLines) {
            let line = lines[index]
            guard line.isText, !titleLike[index], index == start || !line.indented else { return nil }
            let text = page.text(of: line)
            var previous: Unicode.Scalar?
            var scalars = text.unicodeScalars.indices.makeIterator()
            while let position = scalars.next() {
                let scalar = text.unicodeScalars[position]
                if CJKText.clauseEnds.contains(scalar) { return nil }
                length += 1
                if openers.contains(scalar) {
                    quoted += 1
                } else if closers.contains(scalar) {
                    quoted = max(0, quoted - 1)
                }
                // A space inside quotes or brackets belongs to what they quote.
                guard CJKText.isBlank(scalar), quoted == 0, let before = previous, CJKText.isIdeograph(before) else {
                    previous = scalar
                    continue
                }
                let after = text.unicodeScalars[position...].drop(while: CJKText.isBlank)
                let restStart = page.text.utf8.distance(from: page.text.utf8.startIndex, to: after.startIndex)
                guard let next = after.first, CJKText.isIdeograph(next), lengths.contains(length - 1),
                    let rest = line.narrowed(to: restStart..<line.bytes.upperBound, in: page.text.utf8.span)
                else { return nil }
                heading.append(text[..<position])
                return RunInHeading(text: CJKText.joinFragments(heading), lastLine: index, rest: rest)
            }
            guard !line.endsSentence else { return nil }
            heading.append(text)
        }
        return nil
    }

    private static let openers = Array("“‘「『《（(".unicodeScalars)
    private static let closers = Array("”’」』》）)".unicodeScalars)

}
