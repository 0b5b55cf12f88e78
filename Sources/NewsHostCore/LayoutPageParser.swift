import FilledArrays
import Foundation
import UTF8Assembly

/// The page parser: recovers articles from column-wrapped page dumps.
///
/// It works in three passes, each a general rule about page dumps:
/// 1. **Lines.** Every line is a lead (`本报讯…`), a byline, a photo credit,
///    a bracketed source note, or text; text lines at a paragraph boundary
///    that do not end a sentence and are not as wide as the surrounding
///    column are title-like.
/// 2. **Layout.** Bodies start at leads, after headers and at the top of the
///    page; a lone title-like line inside a body is a sub-heading; a caption
///    is the short line before a credit (and may interrupt a sentence); a
///    source note ends its article; very short title-like lines are section
///    labels.
/// 3. **Matching.** Titles and bylines are given to the body they share most
///    character bigrams with (``HeaderAssignment``), so headlines clustered
///    at the top or placed after their body still find it; paragraphs are
///    rebuilt from sentence ends and the column width; a paragraph that
///    repeats text found elsewhere on the page is a pull-quote, set aside.
///
/// Everything not in an article is kept as page furniture. Time is linear
/// in the input apart from the matching step, which is linear in
/// (titles × articles) on one page.
public struct LayoutPageParser: PageParser {
    /// Widest line (half-width units) that can be a title.
    public var maxTitleWidth = 84
    /// Title-like lines this short (in characters) are section labels.
    public var maxSectionLabelLength = 3
    /// Lines wider than this are whole paragraphs (pages without column wrapping).
    public var paragraphLineWidth = 120

    /// Creates a parser with the default settings.
    public init() {}

    /// An article as pass 2 (``LayoutPass``) gathers it, before matching.
    struct Draft {
        var lines: [PageLine] = []
        var hasLead = false
        var leadBylines: [String] = []
        var captions: [String] = []
        var notes: [String] = []
        var subheadings: [String] = []
        var titles: [(text: String, line: Int)] = []
        var bylines: [String] = []
        var closed = false
        /// The line the article's body starts on.
        var start = 0
    }

    /// Parses `text` into articles named after `source`.
    public func parse(_ text: String, source: String) -> Page {
        // Pass 1: the lines, classified, without pull-quotes; which are title-like.
        var page = PageLines(text)
        var furniture: [String] = []
        for range in pullQuotes(page).reversed() {
            furniture.append(CJKText.joinFragments(page.lines[range].map(page.text(of:))))
            page.lines.removeSubrange(range)
        }
        let titleLike = markTitles(page)
        // Pass 2: article drafts and the title and byline units.
        let layout = LayoutPass(page: page, titleLike: titleLike, parser: self, furniture: furniture)
        // Pass 3: units matched to drafts, paragraphs rebuilt.
        return assemble(
            drafts: layout.drafts, units: layout.units, furniture: layout.furniture, source: source, page: page)
    }

    /// Pull-quotes: an indented block of up to four lines, ending a sentence,
    /// whose text (at least 12 characters) also stands elsewhere on the page.
    func pullQuotes(_ page: PageLines) -> [Range<Int>] {
        let lines = page.lines
        guard lines.contains(where: \.indented) else { return [] }
        func squeezed<C: Collection<PageLine>>(_ lines: C) -> [UInt8] {
            var bytes: [UInt8] = []
            for line in lines {
                for scalar in page.text(of: line).unicodeScalars where !CJKText.isBlank(scalar) {
                    UTF8.encode(scalar) { bytes.append($0) }
                }
            }
            return bytes
        }
        let whole = squeezed(lines)
        var found: [Range<Int>] = []
        var index = 0
        while index < lines.count {
            defer { index += 1 }
            guard lines[index].indented, lines[index].isText else { continue }
            var end = index
            while end < lines.count, end - index < 4, lines[end].isText {
                end += 1
                if lines[end - 1].endsSentence { break }
            }
            guard lines[end - 1].endsSentence else { continue }
            let quote = squeezed(lines[index..<end])
            guard quote.lazy.filter({ $0 & 0xC0 != 0x80 }).count >= 12, quote.count <= 1000,
                Self.occurs(quote, in: whole, times: 2)
            else { continue }
            found.append(index..<end)
            index = end - 1
        }
        return found
    }

    /// Whether `needle` occurs at least `times` times in `haystack`, without
    /// overlapping, by bytes.
    static func occurs(_ needle: [UInt8], in haystack: [UInt8], times: Int) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return false }
        var seen = 0
        var start = 0
        let last = haystack.count - needle.count
        while start <= last, let at = haystack[start...last].firstIndex(of: first) {
            if haystack[at..<at + needle.count].elementsEqual(needle) {
                seen += 1
                if seen == times { return true }
                start = at + needle.count
            } else {
                start = at + 1
            }
        }
        return false
    }

    /// How each line of `text` was classified, one line each (for
    /// `newshost parse --format lines`, when a page parses surprisingly).
    public func explain(_ text: String) -> [String] {
        let page = PageLines(text)
        let titleLike = markTitles(page)
        return page.lines.enumerated().map { index, line in
            let kind: String
            switch line.kind {
            case .lead: kind = "lead"
            case .byline: kind = "byline"
            case .credit: kind = "credit"
            case .note: kind = "note"
            case .text: kind = titleLike[index] ? "title" : "text"
            }
            let flags = (line.indented ? ">" : " ") + (line.endsSentence ? "." : " ")
            return
                "\(kind.padding(toLength: 6, withPad: " ", startingAt: 0)) \(flags) w\(line.width)\t\(page.text(of: line))"
        }
    }

    /// Most lines one article's headline block has: a kicker, the headline
    /// and a deck.
    static let headlineBlockLines = 3

    /// Most lines a run of titles before a lead or byline can have.
    static let maximumTitleRun = 6

    /// Most lines of a headline cluster (the titles of several articles
    /// gathered at the top of a page, eight articles of three lines) that
    /// can be taken for titles though the run is longer than
    /// ``maximumTitleRun``: only when its lines are ragged (``isRagged``).
    static let maximumClusterRun = 24

    /// Whether lines `run` have no column: at most half of them are as wide
    /// as the widest, give or take ``widthSlack(_:)``. Wrapped body text is
    /// set to its column, all but the last line; headlines each have their
    /// own length.
    static func isRagged(_ run: Range<Int>, in lines: [PageLine]) -> Bool {
        let widest = run.map { lines[$0].width }.max() ?? 0
        let full = run.filter { lines[$0].width >= widest - widthSlack(widest) }.count
        return full * 2 <= run.count
    }

    /// Whether a run of title-like lines closed by a lead, byline, note or
    /// the end of the page is a header: short enough for one article's
    /// titles, or a ragged cluster of several articles' titles.
    static func isHeaderRun(_ run: Range<Int>, in lines: [PageLine]) -> Bool {
        run.count <= maximumTitleRun || run.count <= maximumClusterRun && isRagged(run, in: lines)
    }

    /// Which lines are title-like. Two rules, both for text at a paragraph
    /// boundary that does not end a sentence:
    /// - a run of such lines right before a lead, byline, note, photo credit
    ///   or the end of the page is a header (its sentence never ends);
    /// - a line followed by body text is a title (or sub-heading) when it is
    ///   not as wide as the column around it (a paragraph's first line fills
    ///   the column, less its two-character indent).
    func markTitles(_ page: PageLines) -> [Bool] {
        let lines = page.lines
        var marks = [Bool](filledWith: false, count: lines.count)
        func candidate(_ index: Int) -> Bool {
            let line = lines[index]
            return line.isText && !line.endsSentence && line.width <= maxTitleWidth
                && !PageLine.pauses.contains(line.last)
                && !line.hasSentenceMark && !line.leavesBracketOpen
        }
        func atBoundary(_ index: Int) -> Bool {
            guard index > 0 else { return true }
            let previous = lines[index - 1]
            switch previous.kind {
            case .text: return previous.endsSentence || marks[index - 1]
            case .lead: return previous.endsSentence
            default: return true
            }
        }
        /// A question or exclamation standing alone (如何真改实干？): a
        /// headline only within a run that a lead, byline, note or credit
        /// closes, never on the width rule, since body text ends that way too.
        func questionHeadline(_ index: Int) -> Bool {
            let line = lines[index]
            guard line.isText, line.width <= maxTitleWidth, line.last == "？" || line.last == "！" else { return false }
            return !page.text(of: line).dropLast().unicodeScalars.contains {
                $0 == "。" || $0 == "？" || $0 == "！" || $0 == "；"
            }
        }
        func runEnd(from index: Int, admitting admits: (Int) -> Bool) -> Int {
            var end = index
            while end < lines.count, admits(end) { end += 1 }
            return end
        }
        var index = 0
        while index < lines.count {
            defer { index += 1 }
            guard candidate(index) || questionHeadline(index), atBoundary(index) else { continue }
            let headed = runEnd(from: index) { candidate($0) || questionHeadline($0) }
            if headed == lines.count || !lines[headed].isText, Self.isHeaderRun(index..<headed, in: lines) {
                for title in index..<headed { marks[title] = true }
                index = headed - 1
                continue
            }
            guard candidate(index) else { continue }
            let end = runEnd(from: index, admitting: candidate)
            let closedByMarker = end == lines.count || !lines[end].isText
            if closedByMarker, Self.isHeaderRun(index..<end, in: lines) {
                for title in index..<end { marks[title] = true }
                index = end - 1
                continue
            }
            // A line whose next line starts mid-sentence (题，… or ，…) was wrapped.
            if index + 1 < lines.count, lines[index + 1].isText, page.startsMidSentence(lines[index + 1]) {
                continue
            }
            if index + 1 < lines.count, lines[index + 1].isText {
                // Between two lines that are whole paragraphs (a page set a
                // paragraph per line) there is no column to fall short of:
                // a short line there is a paragraph broken by the page
                // (面对这一课题,徐汇区市场监管局充分 / 发挥保险的…).
                if index > 0, lines[index - 1].isText || lines[index - 1].isLead,
                    lines[index - 1].width > paragraphLineWidth,
                    lines[index + 1].width > paragraphLineWidth
                {
                    continue
                }
                // Without a column to compare with there is no evidence of a title.
                let columns = (
                    columnWidth(after: index, in: lines, marks: marks),
                    columnWidth(before: index, in: lines, marks: marks)
                )
                if columns.0 == nil, columns.1 == nil { continue }
                func fills(_ column: Int?) -> Bool {
                    guard let column else { return false }
                    let slack = Self.widthSlack(column)
                    return abs(lines[index].width - column) <= slack
                        || abs(lines[index].width - (column - Self.paragraphIndent)) <= slack
                }
                if fills(columns.0) || fills(columns.1), !isOneLineParagraph(index, in: page, marks: marks) {
                    continue
                }
            }
            marks[index] = true
        }
        return marks
    }

    /// Whether the full-width line at `index`, after a sentence end, is a
    /// paragraph of its own: the next line is short by exactly the
    /// paragraph indent (all wide characters, so no digits narrow it) and
    /// goes on past its end, and the one after is full again. Body text does not stop without a
    /// sentence mark, so such a line is a heading.
    private func isOneLineParagraph(_ index: Int, in page: PageLines, marks: [Bool]) -> Bool {
        let lines = page.lines
        guard index + 2 < lines.count, lines[index + 1].isText, !lines[index + 1].endsSentence, lines[index + 2].isText,
            let column = columnWidth(after: index + 1, in: lines, marks: marks),
            // Only where lines jitter less than the indent can it be told apart.
            Self.widthSlack(column) < Self.paragraphIndent,
            abs(lines[index].width - column) <= 2, abs(lines[index + 1].width - (column - Self.paragraphIndent)) <= 1,
            abs(lines[index + 2].width - column) <= 2
        else { return false }
        return page.text(of: lines[index + 1]).unicodeScalars.allSatisfy(CJKText.isWide)
    }

    /// How far (half-width units) a full line may fall short of its column
    /// and still fill it: justified lines differ by the odd half-width
    /// character, about one in sixteen of a line's width, and never less
    /// than a character.
    static func widthSlack(_ column: Int) -> Int { max(2, column / 16) }

    /// How far (half-width units) the column widths on either side of a
    /// title may differ and still be one article's column: wrapped lines of
    /// one column differ by a character or so.
    static let columnWidthTolerance = 4

    /// Whether the text column changes width at the title on line `index`:
    /// the body after it is set in another column than the body before, so
    /// the title heads a new article rather than a sub-section.
    func changesColumn(at index: Int, in lines: [PageLine], marks: [Bool]) -> Bool {
        guard let before = columnWidth(before: index, in: lines, marks: marks),
            let after = columnWidth(after: index, in: lines, marks: marks)
        else { return false }
        return abs(before - after) > Self.columnWidthTolerance
    }

    /// Whether the indented line at `index`, after a sentence end, opens a
    /// column of another width than the one before it: an article that
    /// starts bare, with no lead or title above it, set in its own column.
    func startsColumnOfItsOwn(at index: Int, in lines: [PageLine], marks: [Bool]) -> Bool {
        lines[index].indented && changesColumn(at: index, in: lines, marks: marks)
    }

    /// How many lines on each side of a line are looked at for the width of
    /// its column: enough for six full lines in a column where paragraphs
    /// are short, near enough to stay in one article's column.
    static let columnWindow = 12

    /// The typical width of full lines after `index` (median of up to six).
    private func columnWidth(after index: Int, in lines: [PageLine], marks: [Bool]) -> Int? {
        columnWidth(
            of: min(lines.count, index + 1)..<min(lines.count, index + 1 + Self.columnWindow), in: lines,
            marks: marks)
    }

    /// The typical width of full lines before `index` (median of up to six).
    private func columnWidth(before index: Int, in lines: [PageLine], marks: [Bool]) -> Int? {
        columnWidth(of: (max(0, index - Self.columnWindow)..<index).reversed(), in: lines, marks: marks)
    }

    private func columnWidth(of window: some Sequence<Int>, in lines: [PageLine], marks: [Bool]) -> Int? {
        var widths = WidthSample()
        for index in window where !marks[index] && lines[index].isText && !lines[index].endsSentence {
            widths.insert(lines[index].width)
            if widths.count == 6 { break }
        }
        return widths.median
    }
}

extension LayoutPageParser {
    private func assemble(
        drafts: [Draft], units: [HeaderAssignment.Unit], furniture: [String],
        source: String, page: PageLines
    ) -> Page {
        var drafts = drafts
        var furniture = furniture
        let paragraphs = drafts.map { paragraphsOf($0.lines, in: page) }

        // Section labels glued to the end of a title (…交流看法徐汇区).
        // In page order and each once, so the same page always parses the same way.
        var seen = Set<String>()
        let labels = furniture.filter { $0.count <= maxSectionLabelLength && seen.insert($0).inserted }
        var units = units
        for u in units.indices {
            for t in units[u].titles.indices {
                let (title, label) = Self.splitGluedLabel(units[u].titles[t].text, knownLabels: labels)
                units[u].titles[t].text = title
                if let label { furniture.append(label) }
            }
        }

        // What each unit's titles, and each title line alone, share with each body.
        let titleLines = units.flatMap { unit in unit.titles.map { [$0.text] } }
        let shares = HeaderAssignment.overlaps(of: units.map { $0.titles.map(\.text) } + titleLines, bodies: paragraphs)
        var overlaps = Array(shares.prefix(units.count))
        let lineOverlaps = Array(shares.dropFirst(units.count))
        HeaderAssignment.separateHeadlinesAfterTheirBody(&units, overlaps: &overlaps)
        var assignment = HeaderAssignment.assign(
            units, overlaps: overlaps, leadBylines: drafts.map { !$0.leadBylines.isEmpty })
        HeaderAssignment.keepBlocksTogether(units, overlaps: overlaps, &assignment)
        HeaderAssignment.attachUnmatchedBlocks(units, &assignment)
        HeaderAssignment.attachToNeighbours(units, overlaps: overlaps, &assignment)
        HeaderAssignment.attachKickers(units, &assignment)
        let titleAssignment = HeaderAssignment.releaseStrayLines(
            units, lineOverlaps: lineOverlaps, assignment: assignment)
        for (u, unit) in units.enumerated() {
            for (title, article) in zip(unit.titles, titleAssignment[u]) {
                if let article { drafts[article].titles.append(title) } else { furniture.append(title.text) }
            }
            if let article = assignment[u] {
                drafts[article].bylines += unit.bylines
            } else if !unit.bylines.isEmpty {
                furniture.append("记者 " + unit.bylines.joined(separator: " "))
            }
        }

        var articles: [Article] = []
        for (index, draft) in drafts.enumerated() where !paragraphs[index].isEmpty || !draft.titles.isEmpty {
            var titles = draft.titles.sorted { $0.line < $1.line }.map(\.text)
            var subheadings = draft.subheadings
            if Self.opensFirstSection(draft.titles, start: draft.start, subheadings: subheadings) {
                subheadings.insert(titles.removeFirst(), at: 0)
            }
            let headline = titles.max { PageLine.displayWidth(Substring($0)) < PageLine.displayWidth(Substring($1)) }
            var article = Article(
                source: source, index: articles.count, titles: titles, headline: headline,
                bylines: draft.leadBylines + draft.bylines,
                dateline: paragraphs[index].first.flatMap { Datelines.find(in: $0, within: draft.hasLead ? 40 : 0) },
                paragraphs: paragraphs[index], captions: draft.captions, subheadings: subheadings)
            article.notes = draft.notes
            articles.append(article)
        }
        return Page(source: source, articles: articles, furniture: furniture)
    }

    /// Whether an article's only title is really the heading of its first
    /// section: it stands right above the body and has the punctuation
    /// pattern (at least two different marks, as in `X，Y———Z`) of a
    /// sub-heading further down. Articles with no headline of their own on
    /// the page start that way.
    static func opensFirstSection(_ titles: [(text: String, line: Int)], start: Int, subheadings: [String]) -> Bool {
        guard titles.count == 1, titles[0].line == start - 1 else { return false }
        let pattern = punctuationPattern(titles[0].text)
        return pattern.count >= 2 && subheadings.contains { punctuationPattern($0) == pattern }
    }

    /// The punctuation of `text` in order, each run of one mark counted once.
    static func punctuationPattern(_ text: String) -> [Unicode.Scalar] {
        var pattern: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars where pattern.last != scalar {
            switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                .initialPunctuation, .finalPunctuation, .otherPunctuation:
                pattern.append(scalar)
            default:
                continue
            }
        }
        return pattern
    }

    /// Characters that, opening the last three characters of a title that
    /// ends in 区, show those three to be words of the title (本社区, 全城区,
    /// 该小区) rather than a district's name glued to it.
    static let notDistrictNames = Array("本我全该市城新园社小".unicodeScalars)

    /// Words that take what follows them as their object (建造于红灯区,
    /// 来到徐汇区): a …区 ending right after one is part of the title's
    /// phrase, never a label glued to its end.
    static let objectTakers = Array("于在到至往向自从的为与和及同跟把被对给离".unicodeScalars)

    /// A title ending in a section label: one seen alone on the page, or a
    /// district name (`徐汇区`) after at least eight characters of title.
    static func splitGluedLabel(_ title: String, knownLabels: [String]) -> (String, String?) {
        // The longest label that fits, the first on the page among equals.
        let glued = knownLabels.filter { title.hasSuffix($0) && title.count - $0.count >= 8 }
        if let label = glued.max(by: { $0.count < $1.count }) {
            return (String(title.dropLast(label.count)), label)
        }
        let scalars = Array(title.unicodeScalars)
        if scalars.count >= 11, scalars.last == "区",
            scalars.suffix(3).allSatisfy(CJKText.isIdeograph),
            !notDistrictNames.contains(scalars[scalars.count - 3]),
            !objectTakers.contains(scalars[scalars.count - 4])
        {
            return (UTF8Builder.string(scalars.dropLast(3)), UTF8Builder.string(scalars.suffix(3)))
        }
        return (title, nil)
    }

    /// Joins body lines into paragraphs: a line that ends a sentence and is
    /// clearly narrower than the column around it ends a paragraph; so does
    /// a sentence end on a line wider than any column (one paragraph per
    /// line); an indented line starts one.
    /// How much narrower than the column a paragraph's first line is: the
    /// two-character indent the dumps drop (half-width units).
    static let paragraphIndent = 4

    /// Whether the line at `index`, the first of its paragraph and short by
    /// the indent, goes on into the next line although it ends a sentence:
    /// the next line runs the full column, which a new paragraph's first
    /// line would not (这项全面铺开的业务到底好不好用？ / 能不能真正为…).
    func continuesAfterFirstLine(
        at index: Int, paragraphStart: Int, in lines: [PageLine], window: ClosedRange<Int>
    ) -> Bool {
        guard index == paragraphStart, index + 1 < lines.count, !lines[index + 1].indented,
            let median = WidthSample(window.lazy.filter { !lines[$0].endsSentence }.map { lines[$0].width }).median
        else { return false }
        return abs(lines[index].width - (median - Self.paragraphIndent)) <= 1 && lines[index + 1].width >= median - 2
    }

    func paragraphsOf(_ lines: [PageLine], in page: PageLines) -> [String] {
        var paragraphs: [String] = []
        var pending = 0..<0
        var out = FragmentJoiner(slicing: page.text, capacity: 1024)
        func flush() {
            guard !pending.isEmpty else { return }
            out.removeAll()
            for line in lines[pending] {
                if line.hasInnerBlank {
                    out.appendFragment(page.text(of: line).unicodeScalars)
                } else {
                    out.appendSlice(line.bytes, first: line.first, last: line.last)
                }
            }
            let text = out.string
            if !text.isEmpty { paragraphs.append(text) }
            pending = pending.upperBound..<pending.upperBound
        }
        for index in lines.indices {
            let window = max(0, index - 4)...min(lines.count - 1, index + 4)
            let line = lines[index]
            // A new paragraph: an indented block, or a line after a sentence
            // end that is short by the paragraph indent though the next line is full.
            if !pending.isEmpty, line.indented { flush() }
            if !pending.isEmpty, lines[index - 1].endsSentence, !line.endsSentence,
                index + 1 < lines.count, lines[index + 1].width > line.width,
                let median = WidthSample(window.lazy.filter { !lines[$0].endsSentence }.map { lines[$0].width }).median,
                line.width <= median - 3
            {
                flush()
            }
            if pending.isEmpty { pending = index..<index }
            pending = pending.lowerBound..<index + 1
            guard line.endsSentence else { continue }
            if continuesAfterFirstLine(at: index, paragraphStart: pending.lowerBound, in: lines, window: window) {
                continue
            }
            let column = window.lazy.map { lines[$0].width }.max() ?? line.width
            if line.width > paragraphLineWidth || line.width < column - 3 { flush() }
        }
        flush()
        return paragraphs
    }
}

extension PageLine {
    /// Marks that close or continue a sentence: a line that starts with
    /// one begins in the middle of a sentence.
    static let midSentenceMarks = Array("，。、；：！？）」』”,.;:!?)".unicodeScalars)

    /// Marks that end a line on a pause, so the sentence goes on.
    static let pauses = Array("，、：,:—".unicodeScalars)
}
