import CNewsHostPlugin

/// A fixed-size buffer that strings are copied into, handed out as `nh_str`
/// slices that stay valid until the arena is deallocated.
final class ByteArena {
    private let base: UnsafeMutableRawPointer
    private let capacity: Int
    private var used = 0

    /// An arena large enough for `capacity` bytes of UTF-8.
    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(byteCount: max(1, capacity), alignment: 8)
    }

    /// The UTF-8 size of all `texts` together: what an arena for them needs.
    static func size<S: Sequence<String>>(of texts: S) -> Int {
        texts.reduce(0) { $0 + $1.utf8.count }
    }

    /// Copies `bytes` into the arena.
    func store(_ bytes: [UInt8]) -> nh_str {
        bytes.withUnsafeBufferPointer { source in
            guard let base = source.baseAddress, !source.isEmpty else { return nh_str(data: nil, len: 0) }
            precondition(used + source.count <= capacity, "ByteArena sized too small")
            let destination = self.base + used
            destination.copyMemory(from: base, byteCount: source.count)
            used += source.count
            return nh_str(data: destination.assumingMemoryBound(to: CChar.self), len: source.count)
        }
    }

    /// Copies `text` into the arena.
    func store(_ text: String) -> nh_str {
        var text = text
        return text.withUTF8 { utf8 in
            guard let source = utf8.baseAddress, !utf8.isEmpty else { return nh_str(data: nil, len: 0) }
            precondition(used + utf8.count <= capacity, "ByteArena sized too small")
            let destination = base + used
            destination.copyMemory(from: source, byteCount: utf8.count)
            used += utf8.count
            return nh_str(data: destination.assumingMemoryBound(to: CChar.self), len: utf8.count)
        }
    }

    deinit {
        base.deallocate()
    }
}
