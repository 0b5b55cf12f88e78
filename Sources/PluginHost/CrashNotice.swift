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
/// to stderr and lets the signal end the process: the process dies by that
/// signal, also when the plugin `raise`d it. A crash outside plugin calls
/// goes to the handler that was there before (the Swift runtime's). The
/// handler only reads preallocated memory and calls `write`.
///
/// A plugin that calls `exit()` during a call is caught the same way (an
/// `atexit` handler): the notice names it and the process ends with
/// ``pluginExitStatus`` instead of the plugin's status, so a run never ends
/// as if it had succeeded. `_exit` and `quick_exit` cannot be caught.
public enum CrashNotice {
    /// The exit status of a run whose plugin called `exit()` in the host process.
    public static let pluginExitStatus: Int32 = 5
    /// One slot for each worker thread (`--jobs` goes to 256) and one for the exporters.
    private static let slotCount = 257
    private static let slotSize = 512
    /// Per signal: "crashed the host process with SIGxxx", NUL-terminated.
    private static let nameSize = 64
    private static let signalsHandled: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT]

    /// Per slot: the owning thread, whether it is inside a call, the text.
    nonisolated(unsafe) private static var threads = UnsafeMutablePointer<pthread_t>.allocate(capacity: slotCount)
    nonisolated(unsafe) private static var busy = UnsafeMutablePointer<Int32>.allocate(capacity: slotCount)
    nonisolated(unsafe) private static var texts = UnsafeMutablePointer<UInt8>.allocate(capacity: slotCount * slotSize)
    nonisolated(unsafe) private static var lengths = UnsafeMutablePointer<Int>.allocate(capacity: slotCount)
    nonisolated(unsafe) private static var advice = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 0)
    nonisolated(unsafe) private static var names = UnsafeMutablePointer<UInt8>.allocate(capacity: 32 * nameSize)
    nonisolated(unsafe) private static var previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 32)
    nonisolated(unsafe) private static var installed = false
    private static let messageSize = 2048
    nonisolated(unsafe) private static var messages = UnsafeMutablePointer<UInt8>.allocate(
        capacity: slotCount * messageSize)
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
        names.initialize(repeating: 0, count: 32 * nameSize)
        for number in signalsHandled {
            let name = Array("crashed the host process with \(Signals.name(number))".utf8.prefix(nameSize - 1))
            for (offset, byte) in name.enumerated() { names[Int(number) * nameSize + offset] = byte }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in CrashNotice.handle(number) }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_NODEFER
            sigaction(number, &action, previous + Int(number))
        }
        atexit { CrashNotice.handleExit() }
        installed = true
    }

    /// Records that the calling thread, which owns `slot` (below
    /// ``slots``), is about to call `plugin` on `article`.
    public static func enter(slot: Int, plugin: String, article: String) {
        enter(slot: slot, plugin: plugin, during: "on article \(article)")
    }

    /// Records that the calling thread, which owns `slot`, is about to call
    /// `plugin`'s `hook` (`finish`, `destroy`, `newshost_plugin_entry`).
    public static func enter(slot: Int, plugin: String, hook: String) {
        enter(slot: slot, plugin: plugin, during: "in \(hook)")
    }

    private static func enter(slot: Int, plugin: String, during: String) {
        guard installed, slot >= 0, slot < slotCount else { return }
        threads[slot] = pthread_self()
        var text = Array("newshost: plugin \(plugin) ".utf8)
        text.append(0)
        text += Array(" \(during)".utf8)
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

    /// The slot of the calling thread while it is inside a plugin call.
    private static func currentSlot() -> Int? {
        let me = pthread_self()
        var slot: Int?
        for index in 0..<slotCount where pthread_equal(threads[index], me) != 0 && busy[index] != 0 { slot = index }
        return slot
    }

    private static func handle(_ number: Int32) {
        guard let slot = currentSlot() else {
            sigaction(number, previous + Int(number), nil)
            raise(number)
            return
        }
        // With SA_NODEFER the signal is not blocked here, so raising it again
        // once the default action is back ends the process by that signal,
        // also when the plugin raised it itself (returning would go on).
        signal(number, SIG_DFL)
        defer { raise(number) }
        guard reported == 0 else { return }
        reported = 1
        write(
            slot: slot, cause: names + Int(number) * nameSize, advice: advice.baseAddress!, adviceLength: advice.count)
    }

    private static let exitText: StaticString = "called exit() inside the host process"
    private static let exitAdvice: StaticString =
        "; a plugin must return an error status instead. newshost ends with status 5 (output files are not written)\n"

    private static func handleExit() {
        guard installed, let slot = currentSlot(), reported == 0 else { return }
        reported = 1
        write(
            slot: slot, cause: UnsafeMutablePointer(mutating: exitText.utf8Start), advice: exitAdvice.utf8Start,
            adviceLength: exitAdvice.utf8CodeUnitCount)
        _exit(pluginExitStatus)
    }

    /// Writes "<prefix><cause><suffix><advice>" for `slot` with one call, so two
    /// threads crashing at once cannot interleave.
    private static func write(
        slot: Int, cause: UnsafeMutablePointer<UInt8>, advice: UnsafePointer<UInt8>, adviceLength: Int
    ) {
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
        append(cause, strlen(UnsafeRawPointer(cause).assumingMemoryBound(to: CChar.self)))
        if split + 1 < length { append(text + split + 1, length - split - 1) }
        append(advice, adviceLength)
        _ = Glibc.write(2, out, used)
    }
}
