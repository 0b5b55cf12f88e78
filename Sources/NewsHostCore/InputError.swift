/// Why an input could not be read or turned into articles.
public enum InputError: Error, CustomStringConvertible, Hashable, Sendable {
    /// The path does not exist.
    case missing(path: String)
    /// The path exists but could not be read.
    case unreadable(path: String, reason: String)
    /// The file holds no bytes, or only white space.
    case empty(path: String)
    /// The bytes are not text newshost can decode.
    case notText(path: String, reason: String)
    /// A directory was given but holds no `*.txt` or `*.jsonl` files.
    case noTextFiles(directory: String)
    /// No input was given and there is no `./seeds` directory to default to.
    case noInput
    /// A JSON Lines input has a line that is not an article object.
    case invalidJSONLine(path: String, line: Int, reason: String)
    /// A page is larger than the limit (`--max-page-mb`).
    case tooLarge(path: String, limitBytes: Int)
    /// A line of a JSON Lines or page-records input is longer than the limit
    /// (twice `--max-page-mb`), so it cannot be one record.
    case lineTooLong(path: String, line: Int, limitBytes: Int)

    /// The file or directory the problem is about (nil for ``noInput``).
    public var path: String? {
        switch self {
        case .missing(let path), .unreadable(let path, _), .empty(let path), .notText(let path, _),
            .invalidJSONLine(let path, _, _), .tooLarge(let path, _), .lineTooLong(let path, _, _):
            return path
        case .noTextFiles(let directory):
            return directory
        case .noInput:
            return nil
        }
    }

    /// A message for the person running the command.
    public var description: String {
        switch self {
        case .missing(let path):
            return "\(path): no such file or directory; check the path or pass a directory of .txt pages"
        case .unreadable(let path, let reason):
            return "\(path): cannot be read: \(reason)"
        case .empty(let path):
            return "\(path): the file is empty or holds only white space, so it has no articles; skipped"
        case .notText(let path, let reason):
            return "\(path): not a text page (\(reason)); pass UTF-8 text pages or newshost JSON Lines"
        case .noTextFiles(let directory):
            return
                "\(directory): the directory holds no .txt or .jsonl files; pass the files themselves or another directory"
        case .noInput:
            return "no input given and no ./seeds directory here; pass page files, directories or - for stdin"
        case .tooLarge(let path, let limit):
            return
                "\(path): larger than \(limit >> 20) MB, which no newspaper page is; if it really is one, raise the limit with --max-page-mb"
        case .lineTooLong(let path, let line, let limit):
            return
                "\(path):\(line): a line longer than \(limit >> 20) MB, which no article or page record is (is the input JSON Lines, one record per line?); if it really is one, raise --max-page-mb (a line may be twice that)"
        case .invalidJSONLine(let path, let line, let reason):
            return
                "\(path):\(line): not a newshost article in JSON (\(reason)); each line must be an object with at least `body` or `paragraphs`"
        }
    }
}
