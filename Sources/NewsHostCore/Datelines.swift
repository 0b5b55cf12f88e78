import UTF8Assembly

/// Finds and normalizes datelines such as `12 月 10 日下午`.
enum Datelines {
    private static let parts: [String] = ["上午", "下午", "晚上", "晚间", "中午", "凌晨", "早上", "晚"]

    /// The normalized dateline near the start of `lead`, without spaces:
    /// `12月10日下午`, `10月14-15日`. It must begin within the first
    /// `within` characters (0: at the very start) and in the first sentence.
    static func find(in lead: String, within: Int = 40) -> String? {
        let compact = nonBlankScalars(of: lead, prefix: within + 24)
        // The dateline belongs to the first sentence.
        let limit = min(
            within, compact.firstIndex(where: { $0 == "。" || $0 == "！" || $0 == "？" || $0 == "；" }) ?? compact.count,
            compact.count - 1)
        var index = 0
        while index <= limit {
            // A date starts with a number, not inside one (`123 月` is no month).
            if CJKText.isASCIIDigit(compact[index]), index == 0 || !CJKText.isASCIIDigit(compact[index - 1]),
                let text = match(compact, at: index)
            {
                return text
            }
            index += 1
        }
        return nil
    }

    /// The scalars among the first `prefix` of `text` that are not blank.
    private static func nonBlankScalars(of text: String, prefix: Int) -> [Unicode.Scalar] {
        var text = text
        text.makeContiguousUTF8()
        let bytes = text.utf8.span
        return UTF8Scan.scalars(in: bytes, 0..<bytes.count, limit: prefix, dropping: CJKText.isBlank)
    }

    private static let partScalars = parts.map { Array($0.unicodeScalars) }

    /// The normalized dateline starting at `start` of `chars`, if one does.
    private static func match(_ chars: [Unicode.Scalar], at start: Int) -> String? {
        var index = start
        func digits() -> ArraySlice<Unicode.Scalar>? {
            let first = index
            while index < chars.count, CJKText.isASCIIDigit(chars[index]) { index += 1 }
            return (1...2).contains(index - first) ? chars[first..<index] : nil
        }
        guard let month = digits(), index < chars.count, chars[index] == "月" else { return nil }
        index += 1
        guard let day = digits() else { return nil }
        var text = Array(month)
        text.append("月")
        text.append(contentsOf: day)
        if index + 1 < chars.count, chars[index] == "-" || chars[index] == "—" || chars[index] == "至" {
            index += 1
            guard let last = digits() else { return nil }
            text.append("-")
            text.append(contentsOf: last)
        }
        guard index < chars.count, chars[index] == "日" else { return nil }
        index += 1
        text.append("日")
        let rest = chars[index..<min(chars.count, index + 2)]
        if let part = partScalars.first(where: { rest.starts(with: $0) }) { text.append(contentsOf: part) }
        return UTF8Builder.string(text)
    }
}
