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
    /// Stopped by Ctrl-C (SIGINT); outputs are complete for what was processed.
    case interrupted = 130
    /// Stopped by SIGTERM; outputs are complete for what was processed.
    case terminated = 143
}
