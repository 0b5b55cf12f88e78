/// A first page parser: articles start at a lead (`本报讯…`) or right after a
/// byline; the run of title-like lines before a lead or byline becomes the
/// article's titles; body fragments are joined into paragraphs.
///
/// It is deliberately simple and rule-based; every rule is about page dumps
/// in general, not about any one page. It runs in time linear in the input.
public struct BasicPageParser: PageParser {
    /// The longest line that can still be a title, in characters.
    public var maxTitleLength = 40
    /// The most lines a run of titles can have.
    public var maxTitleLines = 4
    /// Lines this short in a run of titles are section labels, not titles.
    public var maxSectionLabelLength = 3

    /// Creates a parser with the default limits.
    public init() {}

    private enum LineKind: Equatable {
        case lead
        case byline([String])
        case credit
        case text
    }

    private struct Draft {
        var titles: [String] = []
        var bylines: [String] = []
        var hasLead = false
        var fragments: [Substring] = []
        var captions: [String] = []

        /// A stray short line with nothing that makes an article of it,
        /// such as a section label (`要闻`).
        var isFurniture: Bool {
            titles.isEmpty && bylines.isEmpty && !hasLead && fragments.reduce(0) { $0 + $1.count } < minimumBodyLength
        }
    }

    /// Bodies shorter than this, with no title, byline or lead, are page furniture.
    static let minimumBodyLength = 12

    /// Parses `text` into articles named after `source`.
    public func parse(_ text: String, source: String) -> Page {
        let lines = text.split(separator: "\n").map(Self.trim).filter { !$0.isEmpty }
        let kinds = lines.map(Self.kind)
        let roles = headerRoles(lines: lines, kinds: kinds)

        var drafts: [Draft] = []
        var furniture: [String] = []
        var current: Draft?
        var pendingTitles: [String] = []
        var headerOpen = false  // titles/bylines seen since the last body line

        func close() {
            if let draft = current {
                if draft.isFurniture {
                    furniture += draft.fragments.map(String.init)
                } else if !draft.fragments.isEmpty || !draft.titles.isEmpty {
                    drafts.append(draft)
                }
            }
            current = nil
        }

        for (index, line) in lines.enumerated() {
            switch kinds[index] {
            case .lead:
                if !headerOpen || current?.fragments.isEmpty == false { close() }
                var draft = current ?? Draft()
                draft.titles += pendingTitles
                pendingTitles = []
                var rest = line.dropFirst(3)
                if let split = Bylines.splitLead(line) {
                    draft.bylines += split.names
                    rest = split.rest
                }
                draft.hasLead = true
                draft.fragments.append(rest)
                current = draft
                headerOpen = false
            case .byline(let names):
                if !headerOpen { close() }
                var draft = current ?? Draft()
                draft.titles += pendingTitles
                pendingTitles = []
                draft.bylines += names
                current = draft
                headerOpen = true
            case .credit:
                if var draft = current {
                    let caption = draft.fragments.last.map { String($0) + " " + String(line) } ?? String(line)
                    if !draft.fragments.isEmpty { draft.fragments.removeLast() }
                    draft.captions.append(CJKText.normalizeSpaces(caption))
                    current = draft
                } else {
                    furniture.append(String(line))
                }
            case .text where roles[index] == .sectionLabel:
                furniture.append(String(line))
            case .text where roles[index] == .title:
                if headerOpen, current?.fragments.isEmpty == true {
                    // Titles between two bylines belong to the next article.
                    close()
                    headerOpen = false
                }
                pendingTitles.append(CJKText.collapseSpaces(line))
            case .text:
                if current == nil { current = Draft(titles: pendingTitles); pendingTitles = [] }
                current?.fragments.append(line)
                headerOpen = false
            }
        }
        close()
        furniture += pendingTitles

        let articles = drafts.enumerated().map { offset, draft in
            let paragraphs = Self.paragraphs(from: draft.fragments)
            return Article(
                source: source, index: offset, titles: draft.titles,
                headline: draft.titles.max(by: { $0.count < $1.count }),
                bylines: draft.bylines, dateline: paragraphs.first.flatMap(Datelines.find),
                paragraphs: paragraphs, captions: draft.captions)
        }
        return Page(source: source, articles: articles, furniture: furniture)
    }

    private enum HeaderRole { case none, title, sectionLabel }

    /// Marks the run of title-like lines right before each lead or byline:
    /// lines of up to ``maxSectionLabelLength`` characters there are section
    /// labels (`要闻`, `普陀区`), the others titles.
    private func headerRoles(lines: [Substring], kinds: [LineKind]) -> [HeaderRole] {
        var roles = [HeaderRole](repeating: .none, count: lines.count)
        for (index, kind) in kinds.enumerated() {
            switch kind {
            case .lead, .byline: break
            default: continue
            }
            var cursor = index - 1
            var taken = 0
            while cursor >= 0, taken < maxTitleLines, kinds[cursor] == .text, roles[cursor] == .none,
                  lines[cursor].count <= maxTitleLength, !CJKText.endsSentence(lines[cursor]),
                  !Self.isBracketedNote(lines[cursor]) {
                if lines[cursor].count <= maxSectionLabelLength {
                    roles[cursor] = .sectionLabel
                } else {
                    roles[cursor] = .title
                    taken += 1
                }
                cursor -= 1
            }
        }
        return roles
    }

    /// A line wholly in brackets, such as a source note `（转摘自“今日漕河泾”）`.
    private static func isBracketedNote(_ line: Substring) -> Bool {
        (line.hasPrefix("（") && line.hasSuffix("）")) || (line.hasPrefix("(") && line.hasSuffix(")"))
    }

    private static func kind(_ line: Substring) -> LineKind {
        if line.hasPrefix("本报讯") { return .lead }
        if let names = Bylines.names(in: line) { return .byline(names) }
        if line.hasSuffix("摄"), line.count <= 16, line.contains(" ") { return .credit }
        return .text
    }

    private static func trim(_ line: Substring) -> Substring {
        guard let first = line.firstIndex(where: { !$0.isWhitespace }),
              let last = line.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return line[first...last]
    }

    /// Joins fragments into paragraphs. A fragment that ends a sentence and
    /// is clearly shorter than the block's column width ends a paragraph;
    /// when the lines are long (one paragraph per line), every sentence end
    /// at a line end does.
    static func paragraphs(from fragments: [Substring]) -> [String] {
        guard !fragments.isEmpty else { return [] }
        let lengths = fragments.map(\.count).sorted()
        let width = lengths[(lengths.count * 3) / 4]
        let wideLines = lengths[lengths.count / 2] > 60
        var paragraphs: [String] = []
        var pending: [Substring] = []
        for fragment in fragments {
            pending.append(fragment)
            if CJKText.endsSentence(fragment), wideLines || fragment.count < width - 1 {
                paragraphs.append(CJKText.joinFragments(pending))
                pending = []
            }
        }
        if !pending.isEmpty { paragraphs.append(CJKText.joinFragments(pending)) }
        return paragraphs.filter { !$0.isEmpty }
    }
}
