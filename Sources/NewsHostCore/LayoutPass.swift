/// Pass 2 of the page parser: one walk over the classified lines that cuts
/// the page into article drafts and gathers the title and byline units that
/// pass 3 (``HeaderAssignment``) gives to them.
///
/// Each kind of line has its own step; ``startsArticle(at:)`` is the one
/// place that decides where a body starts.
struct LayoutPass {
    private let parser: LayoutPageParser
    private let page: PageLines
    private let lines: [PageLine]
    private let titleLike: [Bool]

    /// The articles so far, in page order.
    private(set) var drafts: [LayoutPageParser.Draft] = []
    /// Titles and bylines waiting to be matched to a draft.
    private(set) var units: [HeaderAssignment.Unit] = []
    /// What belongs to no article.
    private(set) var furniture: [String]

    /// Title lines read since the last body line, not yet in a unit.
    private var pendingTitles: [(text: String, line: Int)] = []
    /// Units that stand right before the next body (their `next` is set when it starts).
    private var unitsSinceBody: [Int] = []
    /// The draft body lines go to.
    private var current: Int?
    /// Headline blocks numbered so far.
    private var blocks = 0

    /// Walks the lines of `page`, which `titleLike` marks (pass 1).
    init(page: PageLines, titleLike: [Bool], parser: LayoutPageParser, furniture: [String]) {
        self.parser = parser
        self.page = page
        lines = page.lines
        self.titleLike = titleLike
        self.furniture = furniture
        var index = 0
        while index < lines.count { index = step(at: index) + 1 }
        flushPendingTitles(next: nil)
    }

    /// Takes the line at `index`; returns the last line it consumed (a
    /// run-in heading reaches into the lines after it).
    private mutating func step(at index: Int) -> Int {
        let line = lines[index]
        switch line.kind {
        case .lead: takeLead(line, at: index)
        case .byline: takeByline(line, at: index)
        case .credit: takeCredit(line)
        case .note: takeNote(line)
        case .text where titleLike[index]: takeTitle(line, at: index)
        case .text: return takeBodyText(line, at: index)
        }
        return index
    }

    /// Runs `body` on the current draft.
    private mutating func withCurrent<T>(_ body: (inout LayoutPageParser.Draft) -> T) -> T {
        body(&drafts[current!])
    }

    // MARK: Steps, one per kind of line

    /// A lead (`本报讯…`) always starts an article; its bracket names the reporters.
    private mutating func takeLead(_ line: PageLine, at index: Int) {
        startArticle(at: index, isLead: true)
        let bylines = page.names(of: line)
        let first = page.leadBody(line)
        withCurrent { draft in
            draft.hasLead = true
            draft.leadBylines = bylines
            if let first { draft.lines.append(first) }
        }
    }

    /// A byline line forms a unit with the headline block above it.
    private mutating func takeByline(_ line: PageLine, at index: Int) {
        // More title lines than one headline block holds (kicker, headline,
        // deck) above a byline are a cluster of several articles' headlines:
        // each line is matched on its own, and the byline goes with the
        // body below it.
        if pendingTitles.count > LayoutPageParser.headlineBlockLines { flushPendingTitles(next: nil) }
        units.append(.init(titles: pendingTitles, bylines: page.names(of: line), next: nil, previous: current))
        unitsSinceBody.append(units.count - 1)
        pendingTitles = []
    }

    /// A photo credit ends a caption: the title-like line before it, or the
    /// short line it interrupts the body with.
    private mutating func takeCredit(_ line: PageLine) {
        let credit = CJKText.collapseSpaces(page.text(of: line))
        if let title = pendingTitles.popLast() {
            addCaption(title.text + " " + credit)
        } else if let article = current, let last = drafts[article].lines.last, !last.endsSentence,
            last.width <= parser.maxTitleWidth
        {
            drafts[article].lines.removeLast()
            addCaption(CJKText.collapseSpaces(page.text(of: last)) + " " + credit)
        } else {
            addCaption(credit)
        }
    }

    private mutating func addCaption(_ caption: String) {
        if let article = current { drafts[article].captions.append(caption) } else { furniture.append(caption) }
    }

    /// A source note ends its article.
    private mutating func takeNote(_ line: PageLine) {
        let note = String(page.text(of: line))
        if let article = current, !drafts[article].closed {
            drafts[article].notes.append(note)
            drafts[article].closed = true
        } else {
            furniture.append(note)
        }
    }

    /// A title-like line waits for what follows; a very short one is a section label.
    private mutating func takeTitle(_ line: PageLine, at index: Int) {
        let title = page.text(of: line)
        if title.dropFirst(parser.maxSectionLabelLength).isEmpty {
            furniture.append(String(title))
        } else {
            pendingTitles.append((CJKText.collapseSpaces(title), index))
        }
    }

    /// A body line: after a lone title between paragraphs (a sub-heading),
    /// at the start of an article, or opening with a run-in heading.
    private mutating func takeBodyText(_ line: PageLine, at index: Int) -> Int {
        if let subheading = loneSubheading(before: line) {
            pendingTitles = []
            var opening = line
            opening.indented = true
            withCurrent { draft in
                draft.subheadings.append(subheading)
                draft.lines.append(opening)
            }
            return index
        }
        if startsArticle(at: index) { startArticle(at: index) }
        if drafts[current!].lines.last?.endsSentence == true,
            let heading = RunInHeading.find(at: index, in: page, titleLike: titleLike)
        {
            var rest = heading.rest
            rest.indented = true
            withCurrent { draft in
                draft.subheadings.append(heading.text)
                draft.lines.append(rest)
            }
            return heading.lastLine
        }
        withCurrent { $0.lines.append(line) }
        return index
    }

    // MARK: Decisions

    /// The one title line waiting between two paragraphs of an open article
    /// (after a sentence end, not indented, the column the same on both
    /// sides): a sub-heading, not a new article's headline. Unless the text
    /// under it, `next`, opens with a date (`10月15日，…`): a news report
    /// opens with when it happened, a section of one goes on with its story.
    private func loneSubheading(before next: PageLine) -> String? {
        guard let article = current, !drafts[article].closed, unitsSinceBody.isEmpty, pendingTitles.count == 1,
            drafts[article].lines.last?.endsSentence == true, !lines[pendingTitles[0].line].indented,
            !parser.changesColumn(at: pendingTitles[0].line, in: lines, marks: titleLike),
            Datelines.find(in: String(page.text(of: next)), within: 0) == nil
        else { return nil }
        return pendingTitles[0].text
    }

    /// Whether the body line at `index` starts an article: the first body
    /// on the page, one after titles or a byline, after a note closed the
    /// article before, or an indented line after a sentence end that opens
    /// a column of another width (an article that starts bare). Leads start
    /// one wherever they stand (``takeLead(_:at:)``).
    private func startsArticle(at index: Int) -> Bool {
        guard let article = current else { return true }
        if !pendingTitles.isEmpty || !unitsSinceBody.isEmpty || drafts[article].closed { return true }
        return drafts[article].lines.last?.endsSentence == true
            && parser.startsColumnOfItsOwn(at: index, in: lines, marks: titleLike)
    }

    // MARK: Units and drafts

    /// Turns the waiting title lines into units. Up to three lines
    /// (kicker, headline, deck) stacked right on a lead are one headline
    /// block; longer runs mix the titles of several articles. A cluster
    /// without a byline is matched line by line, and only its last line
    /// stands right before the next body; the lines above it are no nearer
    /// to that body than to any other.
    private mutating func flushPendingTitles(next: Int?, leadLine: Int? = nil) {
        guard !pendingTitles.isEmpty else { return }
        let stacked =
            pendingTitles.count <= LayoutPageParser.headlineBlockLines
            && leadLine.map {
                pendingTitles.last?.line == $0 - 1
                    && zip(pendingTitles, pendingTitles.dropFirst()).allSatisfy { $0.line + 1 == $1.line }
            } ?? false
        if stacked { blocks += 1 }
        for (position, title) in pendingTitles.enumerated() {
            let adjacent = stacked || position == pendingTitles.count - 1
            units.append(
                .init(
                    titles: [title], bylines: [], next: adjacent ? next : nil, previous: current,
                    block: stacked ? blocks : nil))
            if adjacent { unitsSinceBody.append(units.count - 1) }
        }
        pendingTitles = []
    }

    /// Opens a draft at line `start`; the units waiting right before it get
    /// it as their next body.
    private mutating func startArticle(at start: Int, isLead: Bool = false) {
        flushPendingTitles(next: drafts.count, leadLine: isLead ? start : nil)
        for index in unitsSinceBody where units[index].next == nil { units[index].next = drafts.count }
        unitsSinceBody = []
        drafts.append(LayoutPageParser.Draft(start: start))
        current = drafts.count - 1
    }
}
