/// Finds and normalizes datelines such as `12 月 10 日下午`.
enum Datelines {
    private static let parts: [String] = ["上午", "下午", "晚上", "晚间", "中午", "凌晨", "早上", "晚"]

    /// The normalized dateline near the start of `lead` (within its first
    /// 40 characters), without spaces: `12月10日下午`.
    static func find(in lead: String) -> String? {
        let compact = Array(lead.prefix(40).filter { !$0.isWhitespace })
        var index = 0
        while index < compact.count {
            if let (text, _) = match(compact, at: index) { return text }
            index += 1
        }
        return nil
    }

    private static func match(_ chars: [Character], at start: Int) -> (String, Int)? {
        var index = start
        func digits() -> String? {
            var out = ""
            while index < chars.count, chars[index].isASCII, chars[index].isNumber {
                out.append(chars[index]); index += 1
            }
            return out.isEmpty || out.count > 2 ? nil : out
        }
        guard let month = digits(), index < chars.count, chars[index] == "月" else { return nil }
        index += 1
        guard let day = digits(), index < chars.count, chars[index] == "日" else { return nil }
        index += 1
        var text = "\(month)月\(day)日"
        let rest = String(chars[index..<min(chars.count, index + 2)])
        if let part = parts.first(where: { rest.hasPrefix($0) }) {
            text += part
            index += part.count
        }
        return (text, index)
    }
}
