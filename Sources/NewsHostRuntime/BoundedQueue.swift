import Locking

/// A blocking first-in, first-out queue with a capacity: `put` waits while
/// it is full, `take` while it is empty. Closing it wakes everyone: `put`
/// then refuses, `take` drains what is left and then returns `nil`.
///
/// A `put` that found the queue full goes on once it is down to half
/// (``resumeCount``), not at the first free slot: a producer that is
/// always ahead (the feeder, handing out file names) then wakes once per
/// half a queue of items instead of once per item. Waiters are woken only
/// by the changes they wait for: a `take` that empties the queue down to
/// that mark, a `put` into an empty queue, and closing.
final class BoundedQueue<Element>: Sendable {
    private struct State {
        /// Taken slots are emptied at once, so a taken item is not kept
        /// alive by the queue (a 1 MB piece of a stream, an analyzed page).
        var items: [Element?] = []
        var head = 0
        var closed = false

        var count: Int { items.count - head }
    }

    private let state = LockedValue(State())
    private let capacity: Int
    /// How many items a full queue is down to when a waiting `put` goes on.
    private let resumeCount: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        resumeCount = self.capacity / 2
    }

    /// Adds `item`, waiting for room; `false` when the queue was closed.
    @discardableResult
    func put(_ item: Element) -> Bool {
        let capacity = capacity
        let resumeCount = resumeCount
        var waited = false
        // Room at once, or, after a wait, the queue down to resumeCount.
        let hasRoom: (State) -> Bool = { state in
            defer { waited = true }
            return state.closed || state.count < (waited ? resumeCount + 1 : capacity)
        }
        // A take waits only on an empty queue.
        let takerMayWait: (State) -> Bool = { $0.count == 1 }
        return state.withLock(when: hasRoom, wakingIf: takerMayWait) { state in
            guard !state.closed else { return false }
            state.items.append(item)
            return true
        }
    }

    /// The next item, waiting for one; `nil` once closed and empty.
    func take() -> Element? {
        let resumeCount = resumeCount
        let hasItem: (State) -> Bool = { $0.count > 0 || $0.closed }
        // A put waits only on a full queue, until it is down to resumeCount.
        let putterMayGoOn: (State) -> Bool = { $0.count == resumeCount }
        return state.withLock(when: hasItem, wakingIf: putterMayGoOn) { state in
            guard state.count > 0 else { return nil }
            let item = state.items[state.head].take()!
            state.head += 1
            if state.head > 64 && state.head * 2 > state.items.count {
                state.items.removeFirst(state.head)
                state.head = 0
            }
            return item
        }
    }

    /// Stops the queue: no more puts; takes drain what is left.
    func close() {
        state.withLock { $0.closed = true }
    }
}
