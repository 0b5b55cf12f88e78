import NewsHostCore
import NewsHostRuntime
import PluginHost

/// The exit statuses of `newshost`, as documented in `--help` and the README.
enum ExitStatus: Int32 {
    /// Everything worked.
    case success = 0
    /// A plugin failed on an article or while finishing.
    case pluginFailed = 1
    /// The command line is wrong: unknown command or flag, unknown plugin
    /// name, unknown option key or bad option value.
    case usage = 2
    /// An input is missing, or some inputs were refused (empty, not text,
    /// unreadable); the others were processed.
    case input = 3
    /// A plugin could not be loaded (mis-built, wrong ABI) or refused to start.
    case pluginUnusable = 4
    // 5, a plugin called `exit()` inside the host process, is not returned
    // from here: the crash notice ends the process with
    // `CrashNotice.pluginExitStatus` from inside the plugin's call.
    /// Stopped by Ctrl-C (SIGINT); outputs are complete for what was processed.
    case interrupted = 130
    /// Stopped by SIGTERM; outputs are complete for what was processed.
    case terminated = 143
}

extension ExitStatus {
    /// The status of a command that failed with `error`.
    init(failure error: Error) {
        switch error {
        case is UsageError, is RuntimeError: self = .usage
        case is InputError: self = .input
        case is PluginLoadError, is PluginCallError: self = .pluginUnusable
        default: self = .pluginFailed
        }
    }

    /// The exit statuses section of the help texts.
    static let help = """
        Exit status:
          0  success (articles skipped with --on-error skip are counted in the
             summary, not here)
          1  a plugin failed on an article (without --on-error skip) or while
             finishing
          2  wrong command line: unknown flag, plugin name, option key or value
          3  an input is missing, or some inputs were refused (the rest were processed)
          4  a plugin could not be loaded (mis-built, wrong ABI) or refused to start
          5  a plugin called exit() inside the host process
          130, 143  stopped by Ctrl-C or SIGTERM: reading stopped, the articles in
             progress finished and exporters committed complete output for them
             (a second Ctrl-C quits at once: no finished output, though a
             temporary file may remain next to it)
        """
}
