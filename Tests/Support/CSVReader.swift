/// An independent RFC 4180 reader, to check what exporters write.
public enum CSVReader {
    /// Why a document is not valid CSV.
    public struct Malformed: Error, CustomStringConvertible {
        public var description: String
    }

    /// The rows of `text`: quoted fields may hold commas, quotes (doubled)
    /// and line breaks; rows end with CRLF or LF.
    public static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var scalars = Array(text.unicodeScalars)[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let c = scalars[index]
            if inQuotes {
                if c == "\"" {
                    if index + 1 < scalars.endIndex, scalars[index + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                guard field.isEmpty else {
                    throw Malformed(description: "quote inside an unquoted field in row \(rows.count + 1)")
                }
                inQuotes = true
            } else if c == "," {
                row.append(field)
                field = ""
            } else if c == "\r" || c == "\n" {
                if c == "\r", index + 1 < scalars.endIndex, scalars[index + 1] == "\n" { index += 1 }
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.unicodeScalars.append(c)
            }
            index += 1
        }
        guard !inQuotes else { throw Malformed(description: "unterminated quoted field") }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}
