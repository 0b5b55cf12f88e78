import CProcessSupport

/// A last word when a plugin running in the host process crashes it.
///
/// Nothing can be rescued from inside a crashing process, but the person
/// running it can be told which plugin, on which article, and what to do.
/// After ``install(advice:)``, a thread about to call a plugin says so with
/// ``enter(plugin:article:)`` or ``enter(plugin:hook:)`` and ``leave()``;
/// on `SIGSEGV`, `SIGBUS`, `SIGILL`, `SIGFPE` or `SIGABRT` during such a
/// call a handler writes
///
///     newshost: plugin P crashed the host process with SIGSEGV on article A; …
///
/// to stderr and lets the signal end the process: the process dies by that
/// signal, also when the plugin `raise`d it. A crash outside plugin calls
/// goes to the handler that was there before (the Swift runtime's).
///
/// A plugin that calls `exit()` during a call is caught the same way (an
/// `atexit` handler): the notice names it and the process ends with
/// ``pluginExitStatus`` instead of the plugin's status, so a run never ends
/// as if it had succeeded. `_exit` and `quick_exit` cannot be caught.
///
/// The handlers are C (`crash_notice.c`): each thread keeps what it is
/// calling in thread-local memory the handler reads with plain loads, and
/// the first report is claimed with an atomic, so any number of threads
/// may call plugins at once.
public enum CrashNotice {
    /// The exit status of a run whose plugin called `exit()` in the host process.
    public static let pluginExitStatus: Int32 = 5

    private static let exitAdvice =
        "; a plugin must return an error status instead. newshost ends with status 5 (output files are not written)\n"

    /// Installs the handlers; `advice` ends the message (what to do).
    public static func install(advice: String) {
        let advice = Array(("; " + advice + "\n").utf8)
        let exitAdvice = Array(exitAdvice.utf8)
        nh_crash_notice_install(advice, advice.count, exitAdvice, exitAdvice.count, pluginExitStatus)
    }

    /// Records that the calling thread is about to call `plugin` on `article`.
    public static func enter(plugin: String, article: String) {
        enter(plugin: plugin, during: "on article ", subject: article)
    }

    /// Records that the calling thread is about to call `plugin`'s `hook`
    /// (`finish`, `destroy`, `newshost_plugin_entry`).
    public static func enter(plugin: String, hook: String) {
        enter(plugin: plugin, during: "in ", subject: hook)
    }

    /// Hands the notice's parts to C as they are: it is called around every
    /// plugin call, so no string or array is made on the way.
    private static func enter(plugin: String, during: StaticString, subject: String) {
        var (plugin, subject) = (plugin, subject)
        plugin.withUTF8 { plugin in
            subject.withUTF8 { subject in
                nh_crash_notice_enter(
                    plugin.baseAddress, plugin.count, during.utf8Start, during.utf8CodeUnitCount, subject.baseAddress,
                    subject.count)
            }
        }
    }

    /// Records that the calling thread's plugin call returned.
    public static func leave() {
        nh_crash_notice_leave()
    }
}
