import NewsHostConformance

/// The help texts of every command.
enum Help {
    static let version = "newshost \(ConformanceRunner.hostVersion) (plugin ABI \(ConformanceRunner.abiVersion))"

    static let exitStatuses = """
        Exit status:
          0  success (articles skipped with --on-error skip are counted in the
             summary, not here)
          1  a plugin failed on an article (without --on-error skip) or while
             finishing
          5  a plugin called exit() inside the host process
          2  wrong command line: unknown flag, plugin name, option key or value
          3  an input is missing, or some inputs were refused (the rest were processed)
          4  a plugin could not be loaded (mis-built, wrong ABI) or refused to start
          130, 143  stopped by Ctrl-C or SIGTERM: reading stopped, the articles in
             progress finished and exporters committed complete output for them
             (a second Ctrl-C quits at once: no finished output, though a
             temporary file may remain next to it)
        """

    static let main = """
        newshost — parse Chinese newspaper page dumps into articles and run them
        through a chain of native plugins (.so files speaking the newshost C ABI).

        Usage: newshost <command> [options]

        Commands:
          run       parse inputs and send every article through --plugins
          parse     print the parsed articles (JSON Lines or text)
          pack      page files as page records, one per line (for Spark)
          plugins   list the plugins found in the search path
          inspect   show everything a plugin's descriptor says
          conformance  check plugins against the ABI's rules (for plugin CI)
          new-plugin   write a new plugin project (C or Swift) to start from

        Options:
          -h, --help     show help (also `newshost <command> --help`)
          --version      show the version and the plugin ABI version

        Example:
          newshost run --plugins classify,export-csv seeds/

        \(exitStatuses)
        """

    static let run = """
        Usage: newshost run --plugins LIST [options] [INPUT...]

        Parses every INPUT into articles and sends each article through the
        plugins in LIST, in order; each plugin sees what the plugins before it
        produced. INPUT is a page file, a directory (its *.txt files) or - for
        standard input; with none, ./seeds is read.

        Options:
          --plugins LIST          comma-separated plugin names or .so paths (required)
          --plugin-path DIR       look for plugins in DIR first (repeatable); then
                                  $NEWSHOST_PLUGIN_PATH (colon list), then the
                                  directory of the newshost executable
          --option P.KEY=VALUE    set option KEY of plugin P (repeatable);
                                  see `newshost inspect P` for the keys
          --on-error stop|skip    when a plugin fails on an article: stop the run
                                  (default) or leave the article out and go on
          --jobs N                worker threads for parsing, classifiers and
                                  summarizers (default: the CPUs this process
                                  may use, by affinity and cgroup quota, less
                                  one from four up for the ordered stage);
                                  exporters always get articles in input order
          --isolate [LIST]        run the classifiers and summarizers in LIST
                                  (comma-separated names or ids; all of them when
                                  LIST is left out) in worker processes
          --plugin-timeout SECS   with --isolate: kill a worker that takes longer
                                  than SECS on one article (default 60)
          --input-format F        auto (default: .txt pages, .jsonl articles, by
                                  content otherwise), pages, jsonl or page-records
                                  (one {"source","text"|"bytes"} page per line);
                                  an explicit format never guesses
          --source-name NAME      the name of stdin in ids (NAME#0…), e.g. the
                                  Spark partition, so ids stay unique
          --bad-input stop|skip   a bad line of a JSON Lines or page-records input:
                                  refuse the input (default) or skip the line;
                                  with skip, refused inputs and skipped lines are
                                  counted, not failed (exit 0)
          --summary-json FILE     also write the summary as JSON to FILE (- for
                                  stderr): counts, time, jobs, peak memory
          --errors-to FILE        write each refused input, skipped line and
                                  failed article to FILE as a JSON line, as it
                                  happens (kind, input, line, id, plugin, reason)
          --max-page-mb MB        refuse a page larger than MB megabytes (default
                                  16; real pages are tens of kilobytes), stdin as
                                  soon as it passes the limit
          --worker-memory MB      with --isolate: let each worker's heap grow by at
                                  most MB megabytes (RLIMIT_DATA); a plugin that
                                  needs more fails on that article, the run goes
                                  on. Workers start as needed, at most
                                  min(jobs, CPUs) per plugin
          --failure-report FILE   write what failed (plugin, article, status,
                                  signal, exit status or timeout) and the refused
                                  inputs to FILE as JSON
          --verbose               show plugins' debug messages
          -h, --help              show this help

        Plugins run inside newshost by default: the fastest way, but a plugin
        that crashes takes the whole run with it (newshost names the plugin and
        the article before it dies). Run plugins you do not trust with --isolate:
        each runs in its own worker process (the same .so, the same ABI); when a
        worker crashes, exits or hangs, the failure is recorded, a fresh worker
        is started, and --on-error decides whether the run goes on. Either way
        the exporters finish, so their output is complete for every article that
        went through. Exporters always run inside newshost (a restarted exporter
        would lose what it had written). Isolation costs a copy of each article
        and a round trip per plugin (see docs/performance.md).

        A plugin name is looked up as lib<name>.so or <name>.so; a value with a
        / or ending in .so is a path. Exporters are finished even when the run
        stops early, so their output is complete for the articles processed.
        A summary line (articles, plugins, time, peak memory) goes to stderr at
        the end; a progress line is shown while it runs when stderr is a terminal.

        \(exitStatuses)
        """

    static let parse = """
        Usage: newshost parse [--format jsonl|text|lines] [INPUT...]

        Parses every INPUT (page file, directory of *.txt and *.jsonl, or - for
        stdin; default ./seeds) and prints the articles.

        Options:
          --format jsonl   one JSON object per line (default) with the keys id,
                           source, index, headline, titles, bylines, dateline,
                           paragraphs, body, captions, subheadings, notes
          --format text    a readable view
          --format lines   how each line was classified (lead, byline, title,
                           text, credit, note; > indented, . ends a sentence)
          --max-page-mb MB refuse a page larger than MB megabytes (default 16)
          --input-format F auto, pages, jsonl or page-records (see run --help)
          --source-name N  the name of stdin in ids
          -h, --help       show this help

        \(exitStatuses)
        """

    static let pack = """
        Usage: newshost pack [--source-name NAME] [INPUT...]

        Writes each page file (or directory of them, or - for stdin) as one page
        record per line on stdout: {"bytes":"<base64>","source":"<name>"}. Pages
        keep their bytes (GB18030 stays GB18030), so a line-oriented pipe such as
        Spark's rdd.pipe carries them whole; `newshost run --input-format
        page-records` parses each record exactly as the file.

        \(exitStatuses)
        """

    static let plugins = """
        Usage: newshost plugins [--plugin-path DIR]...

        Lists the plugins found in the search path (--plugin-path directories,
        then $NEWSHOST_PLUGIN_PATH, then the directory of the executable): id,
        kind, version, file and description. Libraries that are plugins but
        cannot be loaded are listed with the reason.

        \(exitStatuses)
        """

    static let conformance = """
        Usage: newshost conformance [options] PLUGIN...

        Checks each PLUGIN (a name or a .so path) against the rules of the plugin
        ABI and reports every check with a stable id. Each check runs in a child
        process, so a plugin that crashes, aborts, hangs, calls exit or writes to
        stdout fails that check (naming the signal, timeout or exit status) and
        the suite goes on.

        Levels:
          1  load: dlopen, entry symbol, ABI version, struct sizes, id, semantic
             version, kind, description, hooks and signatures, option table,
             defaults the plugin accepts
          2  behaviour (default): create/destroy, unknown option and bad values
             refused with a message, destroy without process, finish with no
             articles, every seed article, hostile articles (empty, 10 MB body,
             invalid UTF-8, NULs, emoji, right-to-left), results valid for the
             kind, exporters writing only their path, determinism, several
             instances
          3  stress: 8 threads on one instance (if declared thread-safe);
             10,000 articles without memory or descriptor growth, µs/article

        Options:
          --level 1|2|3            how far to go (default 2)
          --format text|junit|json report format (default text)
          --output FILE            write the report to FILE (the table still goes
                                   to stdout for junit and json)
          --timeout SECONDS        seconds a check may go without progress before
                                   it counts as hung (default 60); after a hang
                                   the remaining checks are skipped
          --list                   list every check: id, level, what it verifies
          --only CHECK[,CHECK]     run only these checks (the load checks always
                                   run first, to know the plugin loads). To run
                                   one check under a debugger:
                                   gdb --args newshost conformance-worker
                                     --plugin ./libx.so --check CHECK
                                     --result /tmp/r.json --scratch /tmp/s
          --seeds DIR              pages for the behaviour checks (default ./seeds,
                                   else two built-in articles)
          --plugin-path DIR        where to look for plugin names (repeatable)
          -h, --help               show this help

        Exit status: 0 when every check passed (skipped checks do not fail),
        1 when any failed, 2 for a wrong command line.
        """

    static let newPlugin = """
        Usage: newshost new-plugin NAME [--kind classifier|summarizer|exporter] [--lang c|swift] [--dir DIR]

        Writes DIR/NAME (default ./NAME): a self-contained plugin project that
        builds outside this package against the installed header (a Makefile
        using `pkg-config newshost-plugin`; swiftc -emit-library for Swift) and
        passes `newshost conformance --level 3` as generated. Defaults: classifier, C.

        Exit status: 0 when written, 2 for a wrong command line or an existing directory.
        """

    static let inspect = """
        Usage: newshost inspect [--plugin-path DIR]... PLUGIN

        Shows everything PLUGIN's descriptor says: id, version, vendor, kind,
        ABI version, thread safety, options with types, defaults and help, and
        hooks with their signatures. PLUGIN is a name or a .so path.

        \(exitStatuses)
        """
}
