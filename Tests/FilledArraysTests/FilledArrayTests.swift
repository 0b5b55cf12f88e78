import Dispatch
import FilledArrays
import Locking
import Testing

/// `Array(filledWith:count:)` makes what `Array(repeating:count:)` makes.
@Suite struct FilledArrayTests {
    @Test(arguments: [0, 1, 7, 64, 4_097])
    func theSameArrayAsRepeating(count: Int) {
        #expect([UInt8](filledWith: 0xA5, count: count) == [UInt8](repeating: 0xA5, count: count))
        #expect([Int32](filledWith: -1, count: count) == [Int32](repeating: -1, count: count))
        #expect([Double](filledWith: 0.5, count: count) == [Double](repeating: 0.5, count: count))
        let groups = [SIMD4<Double>](filledWith: SIMD4(1, 2, 3, 4), count: count)
        #expect(groups == [SIMD4<Double>](repeating: SIMD4(1, 2, 3, 4), count: count))
        // A type with references: each element a copy of the one value.
        #expect([String](filledWith: "新闻", count: count) == [String](repeating: "新闻", count: count))
    }

    /// Empty arrays made on many threads at once: nothing is written to the
    /// storage all empty arrays share, which ThreadSanitizer reports as a
    /// race (CI's TSan pass).
    @Test func emptyArraysOnManyThreadsShareNothing() {
        let counts = LockedValue([Int](repeating: 0, count: 8))
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for _ in 0..<500 where [UInt64](filledWith: 7, count: 0).isEmpty {
                counts.withLock { $0[thread] += 1 }
            }
        }
        #expect(counts.withLock { $0 } == [Int](repeating: 500, count: 8))
    }

    @Test func theArrayCanGrowAndIsItsOwn() {
        var filled = [Int](filledWith: 3, count: 5)
        let copy = filled
        filled.append(4)
        filled[0] = 0
        #expect(filled == [0, 3, 3, 3, 3, 4])
        #expect(copy == [3, 3, 3, 3, 3])
    }
}
