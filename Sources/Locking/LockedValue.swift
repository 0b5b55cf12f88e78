import Glibc

/// A value that threads share behind one lock, with a condition to wait
/// on until the value is in some state: the project's one lock.
///
/// A pthread mutex and condition variable, not `Synchronization.Mutex`:
/// ThreadSanitizer, which CI runs every test under, sees pthread locking,
/// while Mutex's futex-based locking is invisible to it and would turn
/// every guarded access into a reported race.
public final class LockedValue<Value>: @unchecked Sendable {
    // Checked: `value` is read and written only while `mutex` is held, in
    // the bodies below; a body must not let a reference to it escape.
    private var value: Value
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    /// A lock around `value`.
    public init(_ value: Value) {
        self.value = value
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(changed, nil)
    }

    /// Runs `body` on the value with the lock held; threads waiting in
    /// ``withLock(when:_:)`` then look at the value again. They are woken
    /// once the lock is released, not while it is held, when each would
    /// wake only to wait for the lock (a run's queues switched threads a
    /// fifth less often so).
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer {
            pthread_mutex_unlock(mutex)
            pthread_cond_broadcast(changed)
        }
        return try body(&value)
    }

    /// Waits until `ready` holds for the value, then runs `body` on it with
    /// the lock held (and wakes the other waiters, as ``withLock(_:)``).
    public func withLock<Result>(
        when ready: (Value) -> Bool, _ body: (inout Value) throws -> Result
    ) rethrows -> Result {
        try withLock(when: ready, wakingIf: { _ in true }, body)
    }

    /// Waits until `ready` holds for the value, runs `body` on it with the
    /// lock held, and then wakes the waiters only if `wakes` holds for the
    /// value `body` left (or `body` threw): where a caller knows which
    /// changes a waiter can be waiting for, every other change leaves them
    /// asleep, where each would wake only to find it must wait again (a
    /// context switch apiece, and on a busy machine a worker preempted).
    ///
    /// A waiter is woken only by a change `wakes` admits, so every change
    /// that can make a waiter's `ready` hold must be one.
    public func withLock<Result>(
        when ready: (Value) -> Bool, wakingIf wakes: (Value) -> Bool, _ body: (inout Value) throws -> Result
    ) rethrows -> Result {
        pthread_mutex_lock(mutex)
        var wake = true
        defer {
            pthread_mutex_unlock(mutex)
            if wake { pthread_cond_broadcast(changed) }
        }
        while !ready(value) { pthread_cond_wait(changed, mutex) }
        let result = try body(&value)
        wake = wakes(value)
        return result
    }

    deinit {
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(mutex)
        changed.deallocate()
        mutex.deallocate()
    }
}
