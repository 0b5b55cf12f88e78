import Dispatch
import Locking
import Testing

@testable import NewsHostRuntime

/// The queue between the pipeline's stages: every item arrives once, in
/// order, whatever the capacity and however many threads put and take; a
/// full queue's producer goes on again (a missed wake-up would hang here,
/// and the suite fails on the deadline below instead of hanging CI).
@Suite struct BoundedQueueTests {
    /// Long enough for any machine to move the items below; only a hang reaches it.
    private static var deadline: DispatchTime { .now() + .seconds(120) }

    @Test(arguments: [1, 2, 3, 4, 7])
    func everyItemArrivesOnceAndEachProducersInOrder(capacity: Int) {
        let queue = BoundedQueue<(producer: Int, index: Int)>(capacity: capacity)
        let producers = 3
        let perProducer = 2_000
        let received = LockedValue<[[Int]]>(Array(repeating: [], count: producers))
        let consumers = DispatchGroup()
        for _ in 0..<3 {
            DispatchQueue.global().async(group: consumers) {
                while let item = queue.take() {
                    received.withLock { $0[item.producer].append(item.index) }
                }
            }
        }
        let puts = DispatchGroup()
        for producer in 0..<producers {
            DispatchQueue.global().async(group: puts) {
                for index in 0..<perProducer { queue.put((producer, index)) }
            }
        }
        #expect(puts.wait(timeout: Self.deadline) == .success, "a producer never got room")
        queue.close()
        #expect(consumers.wait(timeout: Self.deadline) == .success, "a consumer never got its items")
        // Several consumers may record one producer's items out of order;
        // each item must be there exactly once.
        for (producer, list) in received.withLock({ $0 }).enumerated() {
            #expect(list.sorted().elementsEqual(0..<perProducer), "producer \(producer): \(list.count) items arrived")
        }
    }

    @Test func oneConsumerSeesOneProducersItemsInOrder() {
        let queue = BoundedQueue<Int>(capacity: 4)
        let count = 10_000
        let done = DispatchGroup()
        let taken = LockedValue<[Int]>([])
        DispatchQueue.global().async(group: done) {
            var items: [Int] = []
            while let item = queue.take() { items.append(item) }
            taken.withLock { $0 = items }
        }
        for item in 0..<count { queue.put(item) }
        queue.close()
        #expect(done.wait(timeout: Self.deadline) == .success)
        let items = taken.withLock { $0 }
        #expect(
            items.elementsEqual(0..<count),
            "\(items.count) items, first out of order at \(String(describing: items.indices.first { items[$0] != $0 }))"
        )
    }

    @Test func closingRefusesPutsAndDrainsWhatIsLeft() {
        let queue = BoundedQueue<Int>(capacity: 3)
        #expect(queue.put(1))
        #expect(queue.put(2))
        queue.close()
        #expect(!queue.put(3))
        #expect(queue.take() == 1)
        #expect(queue.take() == 2)
        #expect(queue.take() == nil)
    }

    /// A producer waiting on a full queue, and a consumer waiting on an
    /// empty one, are both let go by closing.
    @Test func closingWakesEveryWaiter() {
        let full = BoundedQueue<Int>(capacity: 1)
        full.put(0)
        let empty = BoundedQueue<Int>(capacity: 1)
        let refused = LockedValue<Bool?>(nil)
        let ended = LockedValue<Bool?>(nil)
        let waiters = DispatchGroup()
        DispatchQueue.global().async(group: waiters) {
            let accepted = full.put(1)
            refused.withLock { $0 = !accepted }
        }
        DispatchQueue.global().async(group: waiters) {
            let item = empty.take()
            ended.withLock { $0 = item == nil }
        }
        full.close()
        empty.close()
        #expect(waiters.wait(timeout: Self.deadline) == .success)
        // The producer may have found the queue closed before or after waiting.
        #expect(refused.withLock { $0 } == true)
        #expect(ended.withLock { $0 } == true)
        #expect(full.take() == 0)
    }
}
