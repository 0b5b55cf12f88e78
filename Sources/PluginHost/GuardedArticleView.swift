import CNewsHostPlugin
import Glibc
import NewsHostModel

/// An article view laid out for the conformance suite to catch plugins that
/// break the borrowing rules: every string ends right before a page that
/// cannot be read (so `strlen` on an `nh_str`, which has no NUL, faults);
/// the whole view is read-only while `process` runs (so a write faults);
/// and it is made inaccessible as soon as `process` returns (so a read
/// after return faults) and stays so until the view is released.
///
/// One page (or more) per string: far larger than ``ArticleView``, and only
/// for checking.
final class GuardedArticleView {
    let pointer: UnsafePointer<nh_article>
    private let region: UnsafeMutableRawPointer
    private let length: Int
    /// The pages that hold data (start offset, byte count), not the guards.
    private let dataSegments: [(offset: Int, count: Int)]

    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    private static func pages(_ bytes: Int) -> Int {
        (bytes + pageSize - 1) / pageSize
    }

    /// Lays out `article` with `labels` as the annotations of earlier plugins.
    init?(article: RawArticle, labels: [Label]) {
        let lists = [
            article.titles, article.bylines, article.paragraphs, article.captions, article.subheadings, article.notes,
        ]
        var strings: [[UInt8]] = [article.id, article.source, article.headline, article.dateline, article.body]
        for list in lists { strings += list }
        for label in labels { strings += [Array(label.plugin.utf8), Array(label.name.utf8)] }
        let listBytes: Int = lists.map(\.count).reduce(0, +) * MemoryLayout<nh_str>.stride
        let labelBytes: Int = labels.count * (MemoryLayout<nh_label>.stride + MemoryLayout<UnsafeRawPointer>.stride)
        let structureBytes: Int = MemoryLayout<nh_article>.stride + listBytes + labelBytes
        // The structure, then each non-empty string in pages of its own,
        // each block followed by one guard page.
        var totalPages = Self.pages(structureBytes) + 1
        for string in strings where !string.isEmpty { totalPages += Self.pages(string.count) + 1 }
        length = totalPages * Self.pageSize
        guard let mapped = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
            mapped != MAP_FAILED
        else {
            return nil
        }
        region = mapped
        var segments = [(offset: 0, count: Self.pages(structureBytes) * Self.pageSize)]
        var nextPage = Self.pages(structureBytes) + 1

        func store(_ bytes: [UInt8]) -> nh_str {
            guard !bytes.isEmpty else { return nh_str(data: nil, len: 0) }
            let blockPages = Self.pages(bytes.count)
            let start = nextPage * Self.pageSize
            segments.append((start, blockPages * Self.pageSize))
            // Flush against the guard page that follows.
            let destination = mapped + start + blockPages * Self.pageSize - bytes.count
            bytes.withUnsafeBytes { destination.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
            nextPage += blockPages + 1
            return nh_str(data: destination.assumingMemoryBound(to: CChar.self), len: bytes.count)
        }

        var cursor = mapped + MemoryLayout<nh_article>.stride
        func list(_ items: [[UInt8]]) -> nh_str_list {
            guard !items.isEmpty else { return nh_str_list(items: nil, count: 0) }
            let storage = cursor.bindMemory(to: nh_str.self, capacity: items.count)
            cursor += items.count * MemoryLayout<nh_str>.stride
            for (index, item) in items.enumerated() { (storage + index).initialize(to: store(item)) }
            return nh_str_list(items: storage, count: items.count)
        }

        var view = nh_article()
        view.struct_size = UInt32(MemoryLayout<nh_article>.size)
        view.id = store(article.id)
        view.source = store(article.source)
        view.index = article.index
        view.headline = store(article.headline)
        view.dateline = store(article.dateline)
        view.body = store(article.body)
        view.titles = list(article.titles)
        view.bylines = list(article.bylines)
        view.paragraphs = list(article.paragraphs)
        view.captions = list(article.captions)
        view.subheadings = list(article.subheadings)
        view.notes = list(article.notes)
        if !labels.isEmpty {
            let records = cursor.bindMemory(to: nh_label.self, capacity: labels.count)
            cursor += labels.count * MemoryLayout<nh_label>.stride
            let pointers = cursor.bindMemory(to: UnsafePointer<nh_label>?.self, capacity: labels.count)
            for (index, label) in labels.enumerated() {
                (records + index).initialize(
                    to: nh_label(
                        struct_size: UInt32(MemoryLayout<nh_label>.size), plugin: store(Array(label.plugin.utf8)),
                        name: store(Array(label.name.utf8)), score: label.score))
                (pointers + index).initialize(to: UnsafePointer(records + index))
            }
            view.labels = UnsafePointer(pointers)
            view.label_count = labels.count
        }
        mapped.bindMemory(to: nh_article.self, capacity: 1).initialize(to: view)
        pointer = UnsafePointer(mapped.assumingMemoryBound(to: nh_article.self))
        dataSegments = segments
        // Guard pages: never readable.
        for segment in segments { _ = mprotect(mapped + segment.offset + segment.count, Self.pageSize, PROT_NONE) }
        protect(PROT_READ)
    }

    private func protect(_ protection: Int32) {
        for segment in dataSegments { _ = mprotect(region + segment.offset, segment.count, protection) }
    }

    /// Makes the whole view inaccessible: called as soon as `process` returns.
    func revoke() {
        protect(PROT_NONE)
    }

    deinit {
        munmap(region, length)
    }
}
