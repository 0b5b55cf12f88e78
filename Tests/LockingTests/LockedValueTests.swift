import Dispatch
import Locking
import Testing

@Suite struct LockedValueTests {
    @Test func concurrentChangesAreNotLost() {
        let counter = LockedValue(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<10_000 { counter.withLock { $0 += 1 } }
        }
        #expect(counter.withLock { $0 } == 80_000)
    }

    @Test func aWaiterRunsOnceTheValueIsReady() {
        let stage = LockedValue(0)
        let seen = LockedValue<[Int]>([])
        let group = DispatchGroup()
        // Each waiter needs the stage before it; they start in reverse order,
        // so every one but the last has to wait for another's change.
        for step in (1...4).reversed() {
            DispatchQueue.global().async(group: group) {
                stage.withLock(when: { $0 == step - 1 }) { value in
                    seen.withLock { $0.append(step) }
                    value = step
                }
            }
        }
        group.wait()
        #expect(seen.withLock { $0 } == [1, 2, 3, 4])
    }
}
