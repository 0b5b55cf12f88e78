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
        // The threads the items were freed on, in order.
        let freedOn = LockedValue<[pthread_t]>([])
        let disposal = Disposal<Tracked>()
        for _ in 0..<3 { disposal.keep(Tracked { thread in freedOn.withLock { $0.append(thread) } }) }
        #expect(freedOn.withLock { $0 }.isEmpty, "nothing is freed while it is kept")
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
        #expect(freedOn.withLock { $0 } == [id, id, id])
        disposal.free()
        #expect(freedOn.withLock { $0 }.count == 3, "freeing again frees nothing twice")
    }
}
