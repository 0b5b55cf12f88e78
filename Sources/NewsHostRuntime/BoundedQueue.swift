import Locking

/// A blocking first-in, first-out queue with a capacity: `put` waits while
/// it is full, `take` while it is empty. Closing it wakes everyone: `put`
/// then refuses, `take` drains what is left and then returns `nil`.
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

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Adds `item`, waiting for room; `false` when the queue was closed.
    @discardableResult
    func put(_ item: Element) -> Bool {
        let capacity = capacity
        let hasRoom: (State) -> Bool = { $0.count < capacity || $0.closed }
        return state.withLock(when: hasRoom) { state in
            guard !state.closed else { return false }
            state.items.append(item)
            return true
        }
    }

    /// The next item, waiting for one; `nil` once closed and empty.
    func take() -> Element? {
        let hasItem: (State) -> Bool = { $0.count > 0 || $0.closed }
        return state.withLock(when: hasItem) { state in
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
