import Foundation

/// One input of a run: a file, or standard input.
public enum InputSource: Hashable, Sendable {
    /// A file at a path.
    case file(String)
    /// A file found in a directory. Kept apart from ``file(_:)`` so a
    /// listing of many files shares one directory string and the listed
    /// names, instead of holding a full path for each.
    case entry(directory: String, name: String)
    /// Standard input (`-` on the command line).
    case standardInput
    /// A file whose name alone would clash with another input's: its
    /// articles carry the path as given (`a/page.txt`) as their source.
    indirect case disambiguated(InputSource)
    /// Standard input under a name of the user's (`--source-name`), so that
    /// ids stay unique across the partitions of a distributed job.
    case namedStandardInput(String)

    /// The name articles from this input carry as their `source`.
    public var name: String {
        switch self {
        case .file(let path): return (path as NSString).lastPathComponent
        case .entry(_, let name): return name
        case .standardInput: return "-"
        case .disambiguated(let source): return source.displayPath
        case .namedStandardInput(let name): return name
        }
    }

    /// What the file name says the input is: `.txt` a page dump, `.jsonl`
    /// (or `.ndjson`) JSON Lines of articles; `nil` (look at the content)
    /// for other names and stdin.
    public var declaredFormat: InputFormat? {
        guard displayPath != "-" else { return nil }
        let lowered = name.lowercased()
        if lowered.hasSuffix(".txt") { return .page }
        if lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".ndjson") { return .jsonLines }
        return nil
    }

    /// The path or `-`, as the user would recognise it in a message.
    public var displayPath: String {
        switch self {
        case .file(let path): return path
        case .entry(let directory, let name): return (directory as NSString).appendingPathComponent(name)
        case .standardInput, .namedStandardInput: return "-"
        case .disambiguated(let source): return source.displayPath
        }
    }

    /// Expands command-line operands into inputs: files as they are,
    /// directories into their `*.txt` and `*.jsonl` files (sorted by name),
    /// `-` into standard input. A path that does not exist stays an input,
    /// refused by name when it is read, so the others are still processed.
    ///
    /// Article ids are `<source>#<index>`, and must be unique within a run:
    /// inputs whose file names clash (`a/page.txt`, `b/page.txt`) take the
    /// path as given as their source instead (``disambiguated(_:)``).
    ///
    /// - Throws: ``InputError/noTextFiles(directory:)`` for a directory with no pages.
    public static func expand(_ operands: [String]) throws -> [InputSource] {
        disambiguate(try listed(operands))
    }

    /// Sources whose ``name`` another source shares, wrapped in ``disambiguated(_:)``.
    static func disambiguate(_ sources: [InputSource]) -> [InputSource] {
        var counts: [String: Int] = [:]
        for source in sources { counts[source.name, default: 0] += 1 }
        guard counts.values.contains(where: { $0 > 1 }) else { return sources }
        return sources.map { source in
            if case .standardInput = source { return source }
            return counts[source.name, default: 0] > 1 ? .disambiguated(source) : source
        }
    }

    private static func listed(_ operands: [String]) throws -> [InputSource] {
        var sources: [InputSource] = []
        let fileManager = FileManager.default
        for operand in operands {
            if operand == "-" {
                sources.append(.standardInput)
                continue
            }
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: operand, isDirectory: &isDirectory), isDirectory.boolValue else {
                sources.append(.file(operand))
                continue
            }
            var pages: [String]
            do {
                pages = try fileManager.contentsOfDirectory(atPath: operand)
            } catch {
                throw InputError.unreadable(path: operand, reason: "cannot list the directory")
            }
            // In place, so a directory of many files is held once.
            pages.removeAll { !($0.hasSuffix(".txt") || $0.hasSuffix(".jsonl")) }
            pages.sort()
            guard !pages.isEmpty else { throw InputError.noTextFiles(directory: operand) }
            sources.reserveCapacity(sources.count + pages.count)
            for name in pages { sources.append(.entry(directory: operand, name: name)) }
        }
        return sources
    }

    /// Reads the raw bytes of the input. A page (by its name, or by content
    /// for stdin and other names) larger than `pageLimit` bytes is refused,
    /// stdin as soon as it passes the limit, without reading the rest.
    public func readBytes(pageLimit: Int = .max) throws -> [UInt8] {
        switch self {
        case .standardInput, .namedStandardInput:
            var bytes: [UInt8] = []
            while true {
                let chunk = FileHandle.standardInput.readData(ofLength: 1 << 20)
                if chunk.isEmpty { return bytes }
                bytes += chunk
                if bytes.count > pageLimit && !ArticleJSONReader.looksLikeJSONLines(bytes) {
                    throw InputError.tooLarge(path: displayPath, limitBytes: pageLimit)
                }
            }
        case .file, .entry, .disambiguated:
            let path = displayPath
            let size = try Self.checkReadableFile(path)
            if size > pageLimit && declaredFormat != .jsonLines {
                let head = try? FileHandle(forReadingFrom: URL(fileURLWithPath: path)).read(upToCount: 4096)
                if declaredFormat == .page || !ArticleJSONReader.looksLikeJSONLines([UInt8](head ?? Data())) {
                    throw InputError.tooLarge(path: path, limitBytes: pageLimit)
                }
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw Self.problem(path: path, errno: errno)
            }
            return [UInt8](data)
        }
    }

    /// The size of the regular file at `path`; anything else (missing, a
    /// directory, a FIFO, a device or socket) is refused with what to do.
    @discardableResult
    static func checkReadableFile(_ path: String) throws(InputError) -> Int {
        var status = stat()
        guard stat(path, &status) == 0 else { throw problem(path: path, errno: errno) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return Int(status.st_size)
        case S_IFDIR: throw .unreadable(path: path, reason: "it is a directory, not a page file")
        case S_IFIFO:
            throw .unreadable(
                path: path,
                reason: "it is a named pipe (FIFO); to read a pipe, give - and redirect it to standard input")
        default: throw .unreadable(path: path, reason: "it is a device or socket, not a page file")
        }
    }

    /// What a failed `stat` or `open` of `path` means, for the person.
    static func problem(path: String, errno code: Int32) -> InputError {
        switch code {
        case ENOENT, ENOTDIR: return .missing(path: path)
        case ELOOP: return .unreadable(path: path, reason: "its symbolic links form a loop")
        case ENAMETOOLONG:
            return .unreadable(path: path, reason: "the path is too long (a name over 255 bytes, or over 4,096 in all)")
        case EACCES, EPERM:
            return .unreadable(path: path, reason: "permission denied; check its permissions and its directories'")
        default: return .unreadable(path: path, reason: String(cString: strerror(code)))
        }
    }
}

/// What an input holds (`--input-format`).
public enum InputFormat: String, Sendable, CaseIterable {
    /// A raw page dump, parsed into articles.
    case page = "pages"
    /// One article object per line.
    case jsonLines = "jsonl"
    /// One raw page per line, as JSON (``PageRecords``).
    case pageRecords = "page-records"
}
