import Glibc

/// A last word when a plugin running in the host process crashes it.
///
/// Nothing can be rescued from inside a crashing process, but the person
/// running it can be told which plugin, on which article, and what to do.
/// After ``install(advice:)``, the threads that call plugins record what
/// they are calling with ``enter(slot:plugin:article:)`` and
/// ``leave(slot:)``, each thread with a slot of its own; on `SIGSEGV`, `SIGBUS`,
/// `SIGILL`, `SIGFPE` or `SIGABRT` during such a call a handler writes
///
///     newshost: plugin P crashed the host process with SIGSEGV on article A; …
///
/// to stderr and lets the signal end the process. A crash outside plugin
/// calls goes to the handler that was there before (the Swift runtime's).
/// The handler only reads preallocated memory and calls `write`.
public enum CrashNotice {
    private static let slotCount = 64
    private static let slotSize = 512
    private static let signalsHandled: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT]

    /// Per slot: the owning thread, whether it is inside a call, the text.
    nonisolated(unsafe) private static var threads = UnsafeMutablePointer<pthread_t>.allocate(capacity: slotCount)
    nonisolated(unsafe) private static var busy = UnsafeMutablePointer<Int32>.allocate(capacity: slotCount)
    nonisolated(unsafe) private static var texts = UnsafeMutablePointer<UInt8>.allocate(capacity: slotCount * slotSize)
    nonisolated(unsafe) private static var lengths = UnsafeMutablePointer<Int>.allocate(capacity: slotCount)
    nonisolated(unsafe) private static var advice = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 0)
    nonisolated(unsafe) private static var names = UnsafeMutablePointer<UInt8>.allocate(capacity: 32 * 16)
    nonisolated(unsafe) private static var previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 32)
    nonisolated(unsafe) private static var installed = false
    private static let messageSize = 2048
    nonisolated(unsafe) private static var messages = UnsafeMutablePointer<UInt8>.allocate(capacity: slotCount * messageSize)
    nonisolated(unsafe) private static var reported: Int32 = 0

    /// The number of slots: threads that may call plugins at once.
    public static var slots: Int { slotCount }

    /// Installs the handler; `advice` ends the message (what to do).
    public static func install(advice text: String) {
        let bytes = Array(("; " + text + "\n").utf8)
        advice = .allocate(capacity: bytes.count)
        _ = advice.initialize(from: bytes)
        threads.initialize(repeating: pthread_self(), count: slotCount)
        busy.initialize(repeating: 0, count: slotCount)
        lengths.initialize(repeating: 0, count: slotCount)
        names.initialize(repeating: 0, count: 32 * 16)
        for number in signalsHandled {
            let name = Array(Signals.name(number).utf8.prefix(15))
            for (offset, byte) in name.enumerated() { names[Int(number) * 16 + offset] = byte }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in CrashNotice.handle(number) }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_NODEFER
            sigaction(number, &action, previous + Int(number))
        }
        installed = true
    }

    /// Records that the calling thread, which owns `slot` (below
    /// ``slots``), is about to call `plugin` on `article`.
    public static func enter(slot: Int, plugin: String, article: String) {
        guard installed, slot >= 0, slot < slotCount else { return }
        threads[slot] = pthread_self()
        var text = Array("newshost: plugin \(plugin) crashed the host process with ".utf8)
        text.append(0)
        text += Array(" on article \(article)".utf8)
        let length = min(text.count, slotSize)
        text.withUnsafeBufferPointer { (texts + slot * slotSize).update(from: $0.baseAddress!, count: length) }
        lengths[slot] = length
        busy[slot] = 1
    }

    /// Records that the plugin call of the thread owning `slot` returned.
    public static func leave(slot: Int) {
        guard installed, slot >= 0, slot < slotCount else { return }
        busy[slot] = 0
    }

    private static func handle(_ number: Int32) {
        let me = pthread_self()
        var slot = -1
        for index in 0..<slotCount where pthread_equal(threads[index], me) != 0 && busy[index] != 0 { slot = index }
        guard slot >= 0 else {
            sigaction(number, previous + Int(number), nil)
            return
        }
        // The text is "<prefix>\0<suffix>": the signal name goes in between.
        // The message is put together in the slot's own buffer and written
        // with one call, so two threads crashing at once cannot interleave;
        // only the first one to get here writes at all.
        signal(number, SIG_DFL)
        guard reported == 0 else { return }
        reported = 1
        let text = texts + slot * slotSize
        let length = lengths[slot]
        let out = messages + slot * messageSize
        var used = 0
        func append(_ source: UnsafePointer<UInt8>, _ count: Int) {
            let count = min(count, messageSize - used)
            (out + used).update(from: source, count: count)
            used += count
        }
        var split = 0
        while split < length && text[split] != 0 { split += 1 }
        append(text, split)
        let name = names + Int(number) * 16
        append(name, strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self)))
        if split + 1 < length { append(text + split + 1, length - split - 1) }
        append(advice.baseAddress!, advice.count)
        _ = write(2, out, used)
    }
}
