/// A wrong command line, with what to do about it.
struct UsageError: Error, CustomStringConvertible {
    let description: String
}

/// Hand-written argument parsing: flags with values (`--flag VALUE` or
/// `--flag=VALUE`), boolean flags and operands, in any order. `--` ends
/// the flags.
struct Arguments {
    private var tokens: [String]
    private var operandsStart: Int?

    init(_ tokens: [String]) {
        if let dashDash = tokens.firstIndex(of: "--") {
            self.tokens = Array(tokens[..<dashDash]) + Array(tokens[(dashDash + 1)...])
            operandsStart = dashDash
        } else {
            self.tokens = tokens
        }
    }

    /// Whether the switch `flag` was given (and removes it).
    mutating func flag(_ flag: Flag) -> Bool {
        self.flag(names: flag.names)
    }

    /// Every value given to `flag` (and removes them).
    mutating func values(_ flag: Flag) throws -> [String] {
        try values(flag.name)
    }

    /// The last value given to `flag`, if any.
    mutating func value(_ flag: Flag) throws -> String? {
        try values(flag.name).last
    }

    /// A flag whose value is optional: `--name=VALUE`, `--name VALUE` when
    /// `accepts(VALUE)`, or `--name` alone (nil values). Nil when absent.
    mutating func optionalValues(_ flag: Flag, accepts: (String) -> Bool) -> [String?]? {
        let found = extract(flag.name) { next in next.flatMap { accepts($0) ? $0 : nil } }
        return found.isEmpty ? nil : found
    }

    private mutating func flag(names: [String]) -> Bool {
        var found = false
        var index = 0
        while index < limit {
            if names.contains(tokens[index]) {
                tokens.remove(at: index)
                shiftLimit(by: -1)
                found = true
            } else {
                index += 1
            }
        }
        return found
    }

    private mutating func values(_ name: String) throws -> [String] {
        var missing = false
        let found = extract(name) { next in
            guard let next else {
                missing = true
                return nil
            }
            return next
        }
        if missing { throw UsageError(description: "\(name) needs a value") }
        return found.compactMap { $0 }
    }

    /// Removes every `name`, `name VALUE` and `name=VALUE`; `takeNext` is
    /// given the token after a bare `name` (nil at the end) and returns it
    /// when it is the value, nil when `name` stands alone.
    private mutating func extract(_ name: String, takeNext: (String?) -> String?) -> [String?] {
        var found: [String?] = []
        var index = 0
        while index < limit {
            let token = tokens[index]
            if token == name {
                let value = takeNext(index + 1 < limit ? tokens[index + 1] : nil)
                found.append(value)
                let width = value == nil ? 1 : 2
                tokens.removeSubrange(index..<index + width)
                shiftLimit(by: -width)
            } else if token.hasPrefix(name + "=") {
                found.append(String(token.dropFirst(name.count + 1)))
                tokens.remove(at: index)
                shiftLimit(by: -1)
            } else {
                index += 1
            }
        }
        return found
    }

    /// What is left: the operands. Fails on anything that looks like an
    /// unknown flag (a lone `-` is an operand: standard input).
    func operands(command: String) throws -> [String] {
        for (index, token) in tokens.enumerated() where index < limit && token.hasPrefix("-") && token != "-" {
            throw UsageError(
                description: "unknown flag \(token) for `newshost \(command)`; see `newshost \(command) --help`")
        }
        return tokens
    }

    private var limit: Int { operandsStart ?? tokens.count }

    private mutating func shiftLimit(by delta: Int) {
        if let start = operandsStart { operandsStart = start + delta }
    }
}
