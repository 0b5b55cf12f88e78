/// A command of the `newshost` command line, in the shape of
/// swift-argument-parser's commands without the dependency: a type that
/// declares its name, abstract, flags and help (``configuration``),
/// validates its whole command line in `init` (so a wrong one is refused
/// before anything runs) and does its work in ``run()``.
protocol Command {
    /// Name, abstract, flags and help text.
    static var configuration: CommandConfiguration { get }

    /// Parses and checks the arguments after the command's name.
    ///
    /// - Throws: ``UsageError`` for a wrong command line.
    init(_ arguments: inout Arguments) throws

    /// Does the work; the exit status says how it went.
    func run() throws -> ExitStatus
}

/// What a command is called and how it is used: the one declaration that the
/// help, the command table and the unknown-command message are made from.
struct CommandConfiguration {
    /// The word after `newshost`.
    var name: String
    /// One line for the command table of `newshost --help`.
    var abstract: String
    /// What follows `newshost NAME` in the usage line.
    var arguments: String
    /// What the command does, before the flags.
    var discussion: String
    /// Its flags, in the order the help lists them.
    var flags: [Flag]
    /// Anything the help says after the flags.
    var epilogue = ""
    /// The exit statuses section; the run-wide one unless a command has its own.
    var exitStatuses = ExitStatus.help
    /// Started by newshost itself (worker processes), not listed.
    var isHidden = false

    /// The `--help` text.
    var help: String {
        var sections = ["Usage: newshost \(name) \(arguments)", HelpText.reflow(discussion)]
        let listed = flags + [Flag.help]
        let width = min(24, listed.map(\.synopsis.count).max() ?? 0) + 2
        sections.append("Options:\n" + listed.map { $0.helpLines(width: width) }.joined(separator: "\n"))
        if !epilogue.isEmpty { sections.append(HelpText.reflow(epilogue)) }
        sections.append(HelpText.reflow(exitStatuses))
        return sections.joined(separator: "\n\n")
    }
}

/// A flag of a command: its names, the value it takes and what it does. The
/// same value parses (``Arguments`` takes flags by their declaration) and
/// documents (the help lists the declarations).
struct Flag {
    /// `--jobs`, or `-h` and `--help`.
    var names: [String]
    /// The value's placeholder (`N`, `FILE`); nil for a switch.
    var value: String?
    /// What it does, one paragraph (wrapped for the help).
    var help: String

    init(_ names: String..., value: String? = nil, help: String) {
        self.names = names
        self.value = value
        self.help = help
    }

    /// The name messages use: the long one.
    var name: String { names.last! }

    /// `--jobs N`, `-h, --help`.
    var synopsis: String { names.joined(separator: ", ") + (value.map { " " + $0 } ?? "") }

    /// The flag's lines in a help text, its description starting at `width`.
    func helpLines(width: Int) -> String {
        let lead = "  " + synopsis
        let wrapped = HelpText.wrap(help, width: HelpText.width - width - 2)
        let indent = String(repeating: " ", count: width + 2)
        var lines: [String] = []
        if lead.count <= width {
            lines.append(lead.padding(toLength: width + 2, withPad: " ", startingAt: 0) + (wrapped.first ?? ""))
        } else {
            lines.append(lead)
            if let first = wrapped.first { lines.append(indent + first) }
        }
        lines += wrapped.dropFirst().map { indent + $0 }
        return lines.joined(separator: "\n")
    }

    /// `-h, --help`, which every command has.
    static let help = Flag("-h", "--help", help: "show this help")
}

/// Plain-text help layout.
enum HelpText {
    /// The width help texts are laid out for.
    static let width = 78

    /// `text` with each paragraph of prose wrapped to ``width``; a
    /// paragraph with an indented line (a list, an example) stays as written.
    static func reflow(_ text: String) -> String {
        text.components(separatedBy: "\n\n").map { paragraph in
            let lines = paragraph.split(separator: "\n", omittingEmptySubsequences: false)
            guard !lines.contains(where: { $0.hasPrefix(" ") }) else { return paragraph }
            return wrap(lines.joined(separator: " "), width: width).joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    /// `text`'s words in lines of at most `width` characters (a longer word
    /// gets a line of its own).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
