import Glibc
import Locking
import Synchronization

/// Which hook call the calling thread is inside of, so that host callbacks
/// are honoured only from the thread the host called the hook on and only
/// until the hook returns (the header's rule).
///
/// The scope is thread-local: a callback from a thread the plugin started
/// sees no scope. The `nh_result *` a plugin gets is a token unique to one
/// `process` call, not an address, so a handle kept past its call never
/// matches a later one (an address could be reused). Neither is ever
/// dereferenced; such calls are refused and recorded in ``StrayCallbacks``.
enum CallScope {
    private static let contextKey = makeKey()
    private static let resultKey = makeKey()
    private static let collectorKey = makeKey()
    /// The last token handed out; tokens are odd, so never NULL and never
    /// an aligned address.
    private static let lastToken = Atomic<UInt>(1)

    private static func makeKey() -> pthread_key_t {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }

    /// Runs `body` as a hook call of the instance whose `host` is `context`.
    static func during<T>(context: UnsafeMutableRawPointer, _ body: () -> T) -> T {
        let outer = pthread_getspecific(contextKey)
        pthread_setspecific(contextKey, context)
        defer { pthread_setspecific(contextKey, outer) }
        return body()
    }

    /// Runs `body` as a `process` call whose results go to `collector`;
    /// `body` gets the call's result handle to pass to the plugin.
    static func during<T>(
        context: UnsafeMutableRawPointer, collector: UnsafeMutableRawPointer,
        _ body: (OpaquePointer) -> T
    ) -> T {
        let token = lastToken.add(2, ordering: .relaxed).newValue
        let handle = UnsafeMutableRawPointer(bitPattern: token)!
        let outer = (pthread_getspecific(resultKey), pthread_getspecific(collectorKey))
        pthread_setspecific(resultKey, handle)
        pthread_setspecific(collectorKey, collector)
        defer {
            pthread_setspecific(resultKey, outer.0)
            pthread_setspecific(collectorKey, outer.1)
        }
        return during(context: context) { body(OpaquePointer(handle)) }
    }

    /// Whether `host` is the instance whose hook the calling thread is in.
    static func admits(host: UnsafeMutableRawPointer?) -> Bool {
        host != nil && pthread_getspecific(contextKey) == host
    }

    /// The collector of the `process` call the calling thread is in, when
    /// `result` is that call's handle.
    static func collector(for result: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
        guard result != nil, pthread_getspecific(resultKey) == result else { return nil }
        return pthread_getspecific(collectorKey)
    }
}

/// Host callbacks that were refused because they came from outside a hook
/// call: a plugin's own thread, or after the hook returned. Recorded here
/// (the handle cannot be trusted to say which plugin), and reported as a
/// warning by the next plugin call that returns.
enum StrayCallbacks {
    private static let pending = Atomic<Int>(0)
    private static let messages = LockedValue<[String]>([])

    static func record(_ callback: String) {
        messages.withLock { list in
            if list.count < 100 { list.append(callback) }
        }
        pending.add(1, ordering: .releasing)
    }

    /// The calls recorded since the last drain, each once.
    static func drain() -> [String] {
        guard pending.load(ordering: .acquiring) > 0 else { return [] }
        pending.store(0, ordering: .releasing)
        return messages.withLock { list in
            defer { list.removeAll() }
            var seen = Set<String>()
            return list.filter { seen.insert($0).inserted }
        }
    }
}
