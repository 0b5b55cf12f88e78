import NewsHostCore

/// What the host asks an isolated plugin's worker process, one frame each.
/// The host sends a request and waits for its ``WorkerReply`` before it
/// sends the next; closing the channel asks the worker to destroy the
/// instance and exit.
@_spi(Fuzzing) public enum WorkerRequest: Equatable {
    /// Load the plugin at `path` and create an instance with `options`
    /// (already validated by the host). Answered by `ready`, `loadFailed`
    /// or `failed`.
    case start(path: String, options: [Pair])
    /// Process one article. Answered by `annotations` or `failed`.
    case process(Article, Annotations)
    /// Call `finish`. Answered by `finished` or `failed`.
    case finish

    /// An option as a key/value pair (tuples are not `Equatable`).
    public struct Pair: Equatable {
        /// The option's key.
        public var key: String
        /// Its value.
        public var value: String
    }

    public func encoded() -> [UInt8] {
        switch self {
        case .start(let path, let options):
            var writer = WireWriter(tag: 1)
            writer.string(path)
            writer.u32(UInt32(options.count))
            for option in options {
                writer.string(option.key)
                writer.string(option.value)
            }
            return writer.bytes
        case .process(let article, let annotations):
            var writer = WireWriter(tag: 2)
            writer.article(article)
            writer.annotations(annotations)
            return writer.bytes
        case .finish:
            return WireWriter(tag: 3).bytes
        }
    }

    public static func decode(_ frame: [UInt8]) throws(WireError) -> WorkerRequest {
        var reader = WireReader(frame)
        let request: WorkerRequest
        switch reader.tag {
        case 1:
            let path = try reader.string()
            var options: [Pair] = []
            for _ in 0..<min(Int(try reader.u32()), frame.count) {
                options.append(Pair(key: try reader.string(), value: try reader.string()))
            }
            request = .start(path: path, options: options)
        case 2: request = .process(try reader.article(), try reader.annotations())
        case 3: request = .finish
        default: throw WireError(description: "unknown request tag \(reader.tag.map(String.init) ?? "none")")
        }
        guard reader.isAtEnd else { throw WireError(description: "request has trailing bytes") }
        return request
    }
}

/// The worker's answer to one ``WorkerRequest``.
@_spi(Fuzzing) public enum WorkerReply: Equatable {
    /// The instance is created.
    case ready
    /// The library did not load (the loader's message).
    case loadFailed(String)
    /// The hook returned a failure status.
    case failed(status: Int32, message: String?)
    /// What `process` produced.
    case annotations(Annotations)
    /// `finish` succeeded.
    case finished

    public func encoded() -> [UInt8] {
        switch self {
        case .ready: return WireWriter(tag: 0x81).bytes
        case .loadFailed(let message):
            var writer = WireWriter(tag: 0x82)
            writer.string(message)
            return writer.bytes
        case .failed(let status, let message):
            var writer = WireWriter(tag: 0x83)
            writer.u32(UInt32(bitPattern: status))
            writer.optional(message)
            return writer.bytes
        case .annotations(let annotations):
            var writer = WireWriter(tag: 0x84)
            writer.annotations(annotations)
            return writer.bytes
        case .finished: return WireWriter(tag: 0x85).bytes
        }
    }

    public static func decode(_ frame: [UInt8]) throws(WireError) -> WorkerReply {
        var reader = WireReader(frame)
        let reply: WorkerReply
        switch reader.tag {
        case 0x81: reply = .ready
        case 0x82: reply = .loadFailed(try reader.string())
        case 0x83: reply = .failed(status: Int32(bitPattern: try reader.u32()), message: try reader.optional())
        case 0x84: reply = .annotations(try reader.annotations())
        case 0x85: reply = .finished
        default: throw WireError(description: "unknown reply tag \(reader.tag.map(String.init) ?? "none")")
        }
        guard reader.isAtEnd else { throw WireError(description: "reply has trailing bytes") }
        return reply
    }
}
