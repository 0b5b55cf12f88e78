import UTF8Assembly

/// Recognises byline lines and pulls the people's names out of them.
enum Bylines {
    /// Role words that come before names in a byline.
    static let roles = ["见习记者", "实习记者", "首席记者", "特约记者", "记者", "通讯员", "实习生", "摄影", "文/图", "文／图"]
    /// Whether `value` is a glyph that stands before bylines in the dumps
    /// as a bullet: `●○■◆▲·•`, and `筅` and U+FFFD, which are mis-decoded
    /// bullets.
    @inline(__always)
    static func isNoise(_ value: UInt32) -> Bool {
        switch value {
        case 0x25CF, 0x25CB, 0x25A0, 0x25C6, 0x25B2, 0x7B45, 0xFFFD, 0x00B7, 0x2022: true
        default: false
        }
    }

    /// The roles as scalars, longest first as in ``roles``, for prefix tests
    /// without Character comparison.
    private static let roleScalars: [[Unicode.Scalar]] = roles.map { Array($0.unicodeScalars) }

    /// Whether a line whose first character (after bullets and white
    /// space) is `first` can be a byline, a lead or a bracketed note: the
    /// first characters of the ``roles``, an opening bracket, 本 of 本报讯.
    /// Asked of every line, so spelled out rather than looked up.
    @inline(__always)
    static func mayStart(with first: Unicode.Scalar) -> Bool {
        switch first {
        case "见", "实", "首", "特", "记", "通", "摄", "文", "（", "(", "本": true
        default: false
        }
    }

    /// The names in `line` if it is a byline such as `● 记者 耿洁玉` or
    /// `（记者 江跃中 通讯员 濮蓉）`, else `nil`.
    static func names(in line: Substring) -> [String]? {
        names(in: Array(line.unicodeScalars)[...])
    }

    /// The same on the line's scalars.
    static func names(in line: ArraySlice<Unicode.Scalar>) -> [String]? {
        // Most lines are body text: rule them out on their first character.
        guard let first = line.first(where: { !isNoise($0.value) && !CJKText.isBlank($0) }),
            mayStart(with: first)
        else { return nil }
        var text = line.drop(while: { isNoise($0.value) || CJKText.isWhiteSpace($0) })
        if text.starts(with: PageLine.leadMarker) { text = text.dropFirst(3) }
        if let open = text.first, open == "（" || open == "(" {
            guard let close = text.firstIndex(where: { $0 == "）" || $0 == ")" }) else { return nil }
            text = text[text.index(after: text.startIndex)..<close]
        }
        guard roleScalars.contains(where: { text.starts(with: $0) }), text.count <= 40 else { return nil }
        // A sentence that starts with a role word (记者注意到，……; 记者，现在……)
        // is body text: a byline is names separated by spaces or 、, with a
        // comma only before another role.
        for (offset, scalar) in zip(text.indices, text) {
            if CJKText.clauseEnds.contains(scalar) { return nil }
            if scalar == "，" || scalar == "," {
                let after = text[text.index(after: offset)...].drop(while: CJKText.isWhiteSpace)
                guard roleScalars.contains(where: { after.starts(with: $0) }) else { return nil }
            }
        }
        var names: [String] = []
        let tokens = text.split(whereSeparator: { CJKText.isWhiteSpace($0) || $0 == "、" || $0 == "，" })
        for token in tokens.flatMap(splitAtRoles) {
            var word = token
            while let role = roleScalars.first(where: { word.starts(with: $0) }) { word = word.dropFirst(role.count) }
            guard !word.isEmpty else { continue }
            // Names are short runs of ideographs (or Latin letters); anything
            // else means this was a sentence that happens to start with 记者.
            guard word.count <= 6, word.allSatisfy(isNameCharacter) else { return nil }
            names.append(UTF8Builder.string(word))
        }
        return names.isEmpty ? nil : names
    }

    /// `token` cut before every role word inside it: a line break that took
    /// the space between a name and the next role (江跃中 / 通讯员, joined
    /// as 江跃中通讯员) leaves them in one token. No name holds a role word.
    private static func splitAtRoles(_ token: ArraySlice<Unicode.Scalar>) -> [ArraySlice<Unicode.Scalar>] {
        var pieces: [ArraySlice<Unicode.Scalar>] = []
        var start = token.startIndex
        var index = token.startIndex
        while index < token.endIndex {
            // Longest first (``roles``): 见习记者 is one role, not 见习 and 记者.
            guard let role = roleScalars.first(where: { token[index...].starts(with: $0) }) else {
                index = token.index(after: index)
                continue
            }
            if index > start { pieces.append(token[start..<index]) }
            start = index
            index += role.count
        }
        if start < token.endIndex { pieces.append(token[start...]) }
        return pieces
    }

    /// Whether `scalar` can be part of a name: a letter (an ideograph,
    /// most often, tested first without the property lookup) or `·`.
    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        CJKText.isIdeograph(scalar) || scalar.properties.isAlphabetic || scalar == "·"
    }

    /// For a lead like `本报讯（记者 袁玮） 正文…`: the names and where the
    /// text after the closing bracket starts (an index of `line`).
    static func splitLead(_ line: ArraySlice<Unicode.Scalar>) -> (names: [String], rest: Int)? {
        guard line.starts(with: PageLine.leadMarker) else { return nil }
        let afterMarker = line.dropFirst(3).drop(while: CJKText.isWhiteSpace)
        guard let open = afterMarker.first, open == "（" || open == "(",
            let close = afterMarker.firstIndex(where: { $0 == "）" || $0 == ")" }),
            let names = self.names(in: afterMarker[...close])
        else { return nil }
        return (names, close + 1)
    }
}
