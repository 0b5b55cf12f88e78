import Foundation
import Glibc
import Locking
import Testing

@testable import NewsHostRuntime

/// What the ordered stage keeps is freed by whoever empties the disposal,
/// on that thread, and not before.
@Suite struct DisposalTests {
    /// Records the thread it is freed on.
    private final class Tracked: Sendable {
        let freedOn: @Sendable (pthread_t) -> Void
        init(_ freedOn: @escaping @Sendable (pthread_t) -> Void) { self.freedOn = freedOn }
        deinit { freedOn(pthread_self()) }
    }

    @Test func keptItemsLiveUntilFreedAndAreFreedOnTheFreeingThread() throws {
        let log = LogBox()
        let disposal = Disposal<Tracked>()
        for _ in 0..<3 { disposal.keep(Tracked { log.append($0) }) }
        #expect(log.entries.isEmpty, "nothing is freed while it is kept")
        let done = DispatchSemaphore(value: 0)
        let workerID = LockedValue<pthread_t>(0)
        let worker = Thread {
            workerID.withLock { $0 = pthread_self() }
            disposal.free()
            done.signal()
        }
        worker.start()
        done.wait()
        let id = workerID.withLock { $0 }
        #expect(id != pthread_self())
        #expect(log.entries == [id, id, id])
        disposal.free()
        #expect(log.entries.count == 3, "freeing again frees nothing twice")
    }
}

/// The threads items were freed on, in order.
private final class LogBox: Sendable {
    private let lines = LockedValue<[pthread_t]>([])
    func append(_ line: pthread_t) { lines.withLock { $0.append(line) } }
    var entries: [pthread_t] { lines.withLock { $0 } }
}
