import Locking

/// What the ordered stage is done with, freed on the workers instead.
///
/// Every article passes through the one ordered thread, so whatever that
/// thread does per article bounds the whole run, however many workers
/// there are. Freeing an exported article (its text, annotations, view
/// and prepared records: dozens of allocations) was about a quarter of its
/// work once exporters prepared their records on the workers. Kept here,
/// an article is freed by the worker that made it, when that worker starts
/// its next piece: the memory goes back to the thread that allocated it (its
/// allocator's caches and arena), without taking another thread's arena
/// lock.
final class Disposal<Element: Sendable>: Sendable {
    private let kept = LockedValue<[Element]>([])

    /// Keeps `item` until a worker calls ``free()``.
    func keep(_ item: Element) {
        kept.withLock { $0.append(item) }
    }

    /// Frees what is kept, on the calling thread and outside the lock.
    func free() {
        var taken: [Element] = []
        kept.withLock { swap(&taken, &$0) }
    }
}
