/*
 * newshost/plugin.h — the newshost plugin ABI, version 1.2.
 *
 * This header is the whole contract between the newshost host and a plugin.
 * A plugin is a shared library (`.so`) that includes this file, defines one
 * exported function, `newshost_plugin_entry`, and is built with nothing but a
 * C (C11 or later) or C++ (C++11 or later) compiler:
 *
 *     cc -std=c11 -Wall -Wextra -shared -fPIC $(pkg-config --cflags newshost-plugin) \
 *        myplugin.c -o libmyplugin.so
 *
 * and run with `newshost run --plugins myplugin --plugin-path .`, and
 * checked with `newshost conformance ./libmyplugin.so --level 3`.
 *
 * How the pieces fit
 * ------------------
 * 1. The host `dlopen`s the library (RTLD_NOW | RTLD_LOCAL) and calls
 *    `newshost_plugin_entry()`, which returns a pointer to a static
 *    `nh_plugin_descriptor`: who the plugin is, what options it takes and a
 *    table of hooks (named function pointers with type signatures).
 * 2. The host validates the descriptor and checks every hook's declared
 *    signature against the one this header defines for that hook name.
 * 3. For a run it calls `create` once per instance, `process` once per
 *    article, `finish` once at the end (then `commit`, for an exporter
 *    that has it) and `destroy` always, last.
 *
 * The rules (each is checked by `newshost conformance` where it can be)
 * ---------------------------------------------------------------------
 * Memory
 * - Ownership never crosses the boundary. Everything the host passes in is
 *   borrowed and valid only until the hook returns; copy what you keep. The
 *   article view is read-only: never write through its pointers. Results go
 *   back only through the host callbacks, which copy. The host never frees
 *   plugin memory and a plugin never frees host memory.
 * - Dynamic strings are `nh_str` (pointer + length, UTF-8, NOT
 *   NUL-terminated, may contain NUL bytes): never `strlen` them. Only the
 *   static strings of the descriptor are NUL-terminated `const char *`.
 * - A plugin's memory must not grow with the number of articles it has
 *   seen (the suite fails growth of 256 bytes or more per article).
 * Threads
 * - The host calls the hooks of one instance from one thread at a time,
 *   but not always the same thread: `create`, `finish` and `destroy` may run
 *   on another thread than `process`. With NH_FLAG_THREAD_SAFE, `process`
 *   of one instance may run on several threads at once.
 * - Host callbacks may be called only from inside a hook call, on the
 *   thread that made it, with that call's `host`/`result` — never from a
 *   thread the plugin started, never after the hook returned.
 * Errors
 * - Hooks return an `int32_t` status: NH_OK (0) or one of the negative
 *   NH_ERR_* codes. A failing hook says why with `set_error` and then
 *   returns the negative status. `set_error` followed by NH_OK is a bug: the
 *   host drops the message and warns; the suite fails it. A second
 *   `set_error` in the same call replaces the first. `set_error` in
 *   `destroy` is ignored (destroy cannot fail).
 * - No C++ exception, Rust panic or other unwinding may cross a hook: catch
 *   everything at the boundary and return NH_ERR_INTERNAL.
 * Results
 * - Results depend only on the article and the instance's options: the same
 *   article gives the same results whatever came before it and whichever
 *   instance handles it. Options live in the instance, never in globals.
 * - What each kind may produce (the suite checks it):
 *     classifier: add_label (at least one per article it processes; use a
 *                 catch-all such as "other"), add_keyword, set_field;
 *     summarizer: set_summary (for every article with a non-empty body),
 *                 add_keyword, set_field;
 *     exporter:   nothing; it only writes.
 * - Limits (the host refuses beyond them with NH_ERR_INVALID_INPUT): label
 *   names and keyword terms 1-NH_MAX_TERM_BYTES bytes; field keys
 *   1-NH_MAX_KEY_BYTES bytes matching [a-z0-9][a-z0-9_.-]*; field values
 *   and summaries at most NH_MAX_TEXT_BYTES; at most NH_MAX_RESULTS labels,
 *   keywords and fields each per article and plugin.
 * Options
 * - The host validates every value against its NH_OPTION_* type before
 *   `create`, so a plugin may rely on an NH_OPTION_INT value parsing as an
 *   integer. A plugin must refuse (NH_ERR_BAD_CONFIG) keys it does not know
 *   and values it cannot use (e.g. out of range).
 * Process-wide state (shared with the host and every other plugin)
 * - A plugin never calls `exit`/`_exit`/`abort` on purpose, never writes to
 *   stdout (the host points fd 1 at stderr while plugins run; use `log`),
 *   never installs signal handlers, and never changes the working directory,
 *   umask, locale, environment, resource limits or descriptors it did not
 *   open. The suite compares these before and after every hook.
 * Exporters
 * - Write a file under a temporary name in the target's directory
 *   (`.<name>.<anything unique>.tmp`); a target that is not a regular file
 *   (a device, a FIFO) is written directly, never replaced. Stream formats
 *   accept the path `-` and then write to `host->stdout_fd` (added in 1.1).
 * - Commit in two phases (added in 1.1): `finish` flushes and fsyncs the
 *   temporary file but leaves the target alone; `commit` renames it over
 *   the target (a database: `finish` prepares, `commit` runs COMMIT). The
 *   host calls `commit` only after every plugin of the run has finished, so
 *   a crash or `exit` in any plugin's `finish` leaves every two-phase
 *   exporter's target as it was. An exporter without `commit` (1.0) renames
 *   in `finish`; the host finishes those after the two-phase ones.
 * - The ordered stage only writes (added in 1.1): an exporter with a
 *   `prepare` hook formats each article's record there, on the host's
 *   worker threads, and its `process` writes `article->record`.
 * - `destroy` without a successful `commit` (or, for a 1.0 exporter,
 *   `finish`) deletes the temporary file.
 * Versions
 * - `abi_minor` is the oldest minor whose additions the plugin needs: a host
 *   loads plugins whose minor is at most its own. A plugin built with this
 *   header that uses nothing added after 1.0 may set 0 to load in 1.0 hosts;
 *   before reading a field added later, it checks NH_HAS_FIELD.
 * - Additions after 1.0 are marked "added in 1.N". Nothing is ever removed
 *   or reordered; new fields and hooks are appended.
 *
 * This header includes only <stddef.h> and <stdint.h>. Its layout on LP64
 * platforms (x86-64, aarch64) is checked at compile time below and listed
 * in docs/abi-layout.md for bindings in other languages.
 */
#ifndef NEWSHOST_PLUGIN_H
#define NEWSHOST_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/* Versions                                                                   */
/* ------------------------------------------------------------------------ */

/** ABI major version. A host refuses a plugin whose major differs from its
 *  own; a change here means old plugins must be rebuilt. */
#define NH_ABI_VERSION_MAJOR 1
/** ABI minor version. Minors only append: a host accepts a plugin built for
 *  the same or an older minor, and refuses one that needs a newer minor. */
#define NH_ABI_VERSION_MINOR 2

/* A cast that reads as one in C and C++ (clean under -Wold-style-cast). */
#ifdef __cplusplus
#define NH_CAST_(type, value) (static_cast<type>(value))
#define NH_NULL_(type) (static_cast<type>(nullptr))
#else
#define NH_CAST_(type, value) ((type)(value))
#define NH_NULL_(type) ((type)0)
#endif

/** True when a struct whose first field is `struct_size` is large enough to
 *  hold `field`, i.e. when whoever filled it knew about that field. */
#define NH_HAS_FIELD(ptr, type, field) \
    ((ptr)->struct_size >= offsetof(type, field) + sizeof(NH_NULL_(type *)->field))

/** Marks the entry function exported even when the plugin is built with
 *  `-fvisibility=hidden` (the declaration below already carries it). */
#if defined(__GNUC__) || defined(__clang__)
#define NH_EXPORT __attribute__((visibility("default")))
#else
#define NH_EXPORT
#endif

/* ------------------------------------------------------------------------ */
/* Status codes                                                               */
/* ------------------------------------------------------------------------ */

/** Success. */
#define NH_OK 0
/** The article (or a callback argument) is not something this plugin can
 *  handle. The host reports it for that article. */
#define NH_ERR_INVALID_INPUT (-1)
/** An option is unknown or its value is unusable. Returned by `create`. */
#define NH_ERR_BAD_CONFIG (-2)
/** Reading or writing a file (or other resource) failed. */
#define NH_ERR_IO (-3)
/** The request is valid but this plugin does not support it. */
#define NH_ERR_UNSUPPORTED (-4)
/** A bug or an exhausted resource inside the plugin (e.g. out of memory). */
#define NH_ERR_INTERNAL (-5)

/* ------------------------------------------------------------------------ */
/* Limits on results (added in 1.1; the host refuses more)                   */
/* ------------------------------------------------------------------------ */

/** Longest label name or keyword term, in bytes. */
#define NH_MAX_TERM_BYTES 256
/** Longest field key, in bytes. */
#define NH_MAX_KEY_BYTES 64
/** Longest summary or field value, in bytes (1 MiB). */
#define NH_MAX_TEXT_BYTES 1048576
/** Most labels, keywords and fields (each) one plugin adds to one article. */
#define NH_MAX_RESULTS 1024
/** Longest record an exporter's `prepare` hands over (64 MiB). */
#define NH_MAX_RECORD_BYTES 67108864

/* ------------------------------------------------------------------------ */
/* Values                                                                     */
/* ------------------------------------------------------------------------ */

/** A UTF-8 string slice: `len` bytes at `data`, not NUL-terminated, possibly
 *  containing NUL bytes. `data` may be NULL only when `len` is 0. Frozen. */
typedef struct nh_str {
    /** First byte. Borrowed: valid only as long as the thing it came with. */
    const char *data;
    /** Number of bytes (not characters). */
    size_t len;
} nh_str;

/** A list of strings: `count` elements at `items`. `items` may be NULL only
 *  when `count` is 0. Frozen. */
typedef struct nh_str_list {
    /** First element; borrowed like the strings it holds. */
    const nh_str *items;
    /** Number of elements. */
    size_t count;
} nh_str_list;

/** A key and a value, both strings. Frozen. */
typedef struct nh_kv {
    /** The key. */
    nh_str key;
    /** The value, in text form. */
    nh_str value;
} nh_kv;

/* ------------------------------------------------------------------------ */
/* The descriptor (static data in the plugin)                                 */
/* ------------------------------------------------------------------------ */

/** Plugin kinds (`nh_plugin_descriptor.kind`). The kind decides which
 *  results a plugin is expected to produce and where it runs in the chain. */
/** Adds labels with scores (`add_label`), may add fields. */
#define NH_KIND_CLASSIFIER 1u
/** Sets a summary (`set_summary`), may add keywords and fields. */
#define NH_KIND_SUMMARIZER 2u
/** Writes articles somewhere (file, database); produces no annotations.
 *  Exporters receive articles one at a time, in input order. */
#define NH_KIND_EXPORTER 3u

/** Descriptor flags (`nh_plugin_descriptor.flags`), OR-ed together. */
/** One instance may be called from several threads at once (`process`
 *  only; `create`, `finish` and `destroy` are never concurrent). Without
 *  this flag the host creates one instance per worker thread and never
 *  calls an instance from two threads at once. Ignored for exporters. */
#define NH_FLAG_THREAD_SAFE (1u << 0)

/** Option value types (`nh_option_spec.type`). Values always reach the
 *  plugin as text; the type tells the host how to validate them first. */
/** Any UTF-8 text. */
#define NH_OPTION_STRING 1u
/** A decimal integer, optional sign (e.g. `-3`, `10`). */
#define NH_OPTION_INT 2u
/** A finite decimal number (e.g. `0.25`, `1e-3`). */
#define NH_OPTION_FLOAT 3u
/** `true` or `false`. */
#define NH_OPTION_BOOL 4u
/** One of the words listed in `nh_option_spec.choices`. */
#define NH_OPTION_ENUM 5u
/** A file system path; `-` conventionally means stdout/stdin. */
#define NH_OPTION_PATH 6u

/** One option a plugin accepts. Users set it as
 *  `--option <plugin id>.<key>=<value>`. */
typedef struct nh_option_spec {
    /** sizeof(nh_option_spec). */
    uint32_t struct_size;
    /** One of NH_OPTION_*. */
    uint32_t type;
    /** The key: NUL-terminated, matches [a-z0-9][a-z0-9_-]*, unique within
     *  the plugin. */
    const char *key;
    /** The value used when the user gives none, NUL-terminated text that
     *  must itself be valid for `type`. Never NULL: every option has a
     *  default, so a plugin always receives every key. */
    const char *default_value;
    /** One line for `newshost inspect`, NUL-terminated. */
    const char *help;
    /** For NH_OPTION_ENUM: the allowed words separated by `|`
     *  (e.g. "textrank|lead"). NULL for every other type. */
    const char *choices;
} nh_option_spec;

/** A generic function pointer, cast to and from each hook's real type. */
typedef void (*nh_fn)(void);

/** One entry of the hook table: a named function with a declared type.
 *
 *  `signature` is a tiny type string: `ret(arg,arg,...)` with no spaces,
 *  where each type is one of `void i32 u32 i64 u64 f64 ptr size` (`void` only
 *  as a return type; `()` for no arguments). The host checks it against the
 *  signature this header gives for the hook name (NH_SIG_*) and refuses the
 *  plugin on a mismatch, so a wrong prototype is caught at load time rather
 *  than corrupting the stack at run time. Names the host does not know are
 *  ignored, so a plugin that offers hooks of a newer minor still loads. */
typedef struct nh_hook {
    /** sizeof(nh_hook). */
    uint32_t struct_size;
    /** Hook name, NUL-terminated (NH_HOOK_*). */
    const char *name;
    /** Declared signature, NUL-terminated (NH_SIG_*). */
    const char *signature;
    /** The function, cast to nh_fn. Never NULL. */
    nh_fn fn;
} nh_hook;

/** Everything the host needs to know about a plugin. The plugin returns a
 *  pointer to one from `newshost_plugin_entry`; it must stay valid and
 *  unchanged until the library is unloaded (static storage is the norm). */
typedef struct nh_plugin_descriptor {
    /** sizeof(nh_plugin_descriptor). */
    uint32_t struct_size;
    /** NH_ABI_VERSION_MAJOR the plugin was built against. */
    uint16_t abi_major;
    /** NH_ABI_VERSION_MINOR the plugin was built against. */
    uint16_t abi_minor;
    /** The plugin id, NUL-terminated, matching [a-z0-9][a-z0-9-]* (at most
     *  64 bytes). It is the name users give in `--plugins` and the prefix of
     *  its options; results are attributed to it. */
    const char *id;
    /** Semantic version of the plugin ("MAJOR.MINOR.PATCH"), NUL-terminated. */
    const char *version;
    /** Who made it (person, company, URL), NUL-terminated. */
    const char *vendor;
    /** What it does, one line, NUL-terminated, at least 8 characters. The
     *  suite also asks for a non-empty `vendor`. */
    const char *description;
    /** One of NH_KIND_*. */
    uint32_t kind;
    /** NH_FLAG_* bits; unknown bits must be 0. */
    uint32_t flags;
    /** The option table: `option_count` entries, or NULL when there are none.
     *  All entries have the same `struct_size`, and the host steps through
     *  the array by that size, so entries built with a later header whose
     *  struct grew are still read correctly. */
    const nh_option_spec *options;
    /** Number of entries in `options`. */
    size_t option_count;
    /** The hook table: `hook_count` entries, each name at most once. Must
     *  contain at least the required hooks (create, process, destroy). Like
     *  the option table, it is stepped through by the entries' `struct_size`. */
    const nh_hook *hooks;
    /** Number of entries in `hooks`. */
    size_t hook_count;
} nh_plugin_descriptor;

/* ------------------------------------------------------------------------ */
/* The host API (given to `create`)                                           */
/* ------------------------------------------------------------------------ */

/** Log levels for `nh_host_api.log`. */
#define NH_LOG_DEBUG 0
#define NH_LOG_INFO 1
#define NH_LOG_WARN 2
#define NH_LOG_ERROR 3

/** The results of one `process` call. Opaque; only the host callbacks take
 *  it, and only during the `process` call it was passed to. */
typedef struct nh_result nh_result;

/** Functions the host offers the plugin. The host passes a pointer to one
 *  to `create`; the struct and `host` stay valid until `destroy` returns,
 *  so keep the pointer in your instance. All callbacks copy what they are
 *  given and may be called from whichever thread the host called the hook
 *  on. None of them may be called after `destroy`. */
typedef struct nh_host_api {
    /** sizeof(nh_host_api) as the host knows it. */
    uint32_t struct_size;
    /** The host's NH_ABI_VERSION_MAJOR. */
    uint16_t abi_major;
    /** The host's NH_ABI_VERSION_MINOR. */
    uint16_t abi_minor;
    /** Opaque host context of this instance; pass it back as `host`. */
    void *host;

    /** Writes a message to the host's log, attributed to the plugin.
     *  `level` is one of NH_LOG_*. Use it instead of stdout/stderr. */
    void (*log)(void *host, int32_t level, nh_str message);

    /** Says why the hook that is running is about to fail; call it right
     *  before returning a negative status. `result` is the `nh_result` of
     *  the `process` call that fails, or NULL in `create`, `finish` and
     *  `destroy`. The message should tell the user what to do. */
    void (*set_error)(void *host, nh_result *result, nh_str message);

    /** Adds a topic label to the article being processed. `name` must be
     *  non-empty UTF-8; `score` must be finite and within [0, 1]. Returns
     *  NH_OK, or NH_ERR_INVALID_INPUT (nothing stored) when an argument is
     *  invalid. Adding the same name (the same UTF-8 bytes) twice keeps the
     *  last score (in the first one's place). */
    int32_t (*add_label)(nh_result *result, nh_str name, double score);

    /** Sets the summary of the article being processed (non-empty UTF-8).
     *  A second call replaces the first. Returns NH_OK or
     *  NH_ERR_INVALID_INPUT. */
    int32_t (*set_summary)(nh_result *result, nh_str text);

    /** Adds a keyword with a finite weight (higher is more important).
     *  `term` must be non-empty UTF-8. Adding the same term (the same UTF-8
     *  bytes) twice keeps the last weight, in the first one's place (1.1; a
     *  1.0 host kept both).
     *  Returns NH_OK or NH_ERR_INVALID_INPUT. */
    int32_t (*add_keyword)(nh_result *result, nh_str term, double weight);

    /** Sets a free-form field (e.g. "matched_terms"). `key` must match
     *  [a-z0-9][a-z0-9_.-]*, `value` must be UTF-8. A second call with the
     *  same key replaces the value in place. Returns NH_OK or
     *  NH_ERR_INVALID_INPUT. These four callbacks take constant time per
     *  call, however many results the article already has. */
    int32_t (*set_field)(nh_result *result, nh_str key, nh_str value);

    /* --- added in 1.1 (check NH_HAS_FIELD(host, nh_host_api, stdout_fd)) --- */

    /** A descriptor for the run's real standard output, for exporters given
     *  the path `-`. While plugins run, the host points fd 1 at stderr, so a
     *  stray `printf` cannot corrupt the output. Do not close it: `dup` it. */
    int32_t stdout_fd;

    /* --- added in 1.1 (check NH_HAS_FIELD(host, nh_host_api, set_record)) --- */

    /** Hands over the record an exporter's `prepare` made for the article
     *  (the bytes it will write; copied). Valid only in `prepare`, with its
     *  `result`; a second call replaces the first. At most
     *  NH_MAX_RECORD_BYTES. Returns NH_OK or NH_ERR_INVALID_INPUT. */
    int32_t (*set_record)(nh_result *result, nh_str bytes);
} nh_host_api;

/** The options of one instance, given to `create`: every key of the
 *  plugin's option table, in table order, with the user's value or the
 *  default. The values have been validated against the option types by the
 *  host, but a plugin must still refuse values it cannot use
 *  (NH_ERR_BAD_CONFIG with `set_error`), and must refuse keys it does not
 *  know, which a conformance suite passes on purpose. Borrowed: valid only
 *  during `create`. */
typedef struct nh_config {
    /** sizeof(nh_config). */
    uint32_t struct_size;
    /** `count` key/value pairs. */
    const nh_kv *entries;
    /** Number of entries. */
    size_t count;
} nh_config;

/* ------------------------------------------------------------------------ */
/* The article view (borrowed, one per `process` call)                        */
/* ------------------------------------------------------------------------ */

/** A topic label that an earlier plugin in the chain added. */
typedef struct nh_label {
    /** sizeof(nh_label). */
    uint32_t struct_size;
    /** Id of the plugin that added it. */
    nh_str plugin;
    /** Label name. */
    nh_str name;
    /** Score in [0, 1]. */
    double score;
} nh_label;

/** A summary that an earlier plugin in the chain set. */
typedef struct nh_summary {
    /** sizeof(nh_summary). */
    uint32_t struct_size;
    /** Id of the plugin that set it. */
    nh_str plugin;
    /** The summary text. */
    nh_str text;
} nh_summary;

/** A keyword that an earlier plugin in the chain added. */
typedef struct nh_keyword {
    /** sizeof(nh_keyword). */
    uint32_t struct_size;
    /** Id of the plugin that added it. */
    nh_str plugin;
    /** The term. */
    nh_str term;
    /** Its weight (finite; higher is more important). */
    double weight;
} nh_keyword;

/** A free-form field that an earlier plugin in the chain set. */
typedef struct nh_field {
    /** sizeof(nh_field). */
    uint32_t struct_size;
    /** Id of the plugin that set it. */
    nh_str plugin;
    /** Field key. */
    nh_str key;
    /** Field value. */
    nh_str value;
} nh_field;

/** One article, as the host parsed it, plus what earlier plugins in the
 *  chain said about it. Everything is borrowed and valid only until the
 *  `process` call returns. Strings are UTF-8 as parsed from the input,
 *  but a robust plugin does not crash on invalid bytes or embedded NULs,
 *  unless `flags` has NH_ARTICLE_VALID_UTF8 (added in 1.2), which says the
 *  host checked them.
 *  Missing values are empty strings or empty lists, never NULL pointers
 *  with a non-zero length. Annotation arrays are arrays of pointers so that
 *  their element structs can grow. */
typedef struct nh_article {
    /** sizeof(nh_article) as the host knows it. */
    uint32_t struct_size;
    /** Reserved, 0. */
    uint32_t reserved;
    /** Stable id, unique within a run: "<source>#<index>", where the source
     *  is the file name, the path as given when two inputs share a file name
     *  (a/page.txt, b/page.txt), the `--source-name` of stdin, or a page
     *  record's key; or the id an article read from JSON already had. */
    nh_str id;
    /** The input the article came from (file name, or "-" for stdin). */
    nh_str source;
    /** Position of the article within its source, from 0. */
    uint64_t index;
    /** The main headline; empty when the page shows none. */
    nh_str headline;
    /** Every title line in page order: kicker, headline, deck. */
    nh_str_list titles;
    /** Reporter and correspondent names, e.g. "江跃中". */
    nh_str_list bylines;
    /** Normalized dateline, e.g. "12月10日下午"; empty when none. */
    nh_str dateline;
    /** The body: the paragraphs joined with "\n". */
    nh_str body;
    /** Body paragraphs, column wrapping undone. They may point into `body`
     *  (the host lays them out that way), so never write through them. */
    nh_str_list paragraphs;
    /** Photo captions with their credit. */
    nh_str_list captions;
    /** In-article sub-headings. */
    nh_str_list subheadings;
    /** Labels added by earlier plugins (`label_count` pointers). */
    const nh_label *const *labels;
    /** Number of labels. */
    size_t label_count;
    /** Summaries set by earlier plugins, in chain order. */
    const nh_summary *const *summaries;
    /** Number of summaries. */
    size_t summary_count;
    /** Keywords added by earlier plugins. */
    const nh_keyword *const *keywords;
    /** Number of keywords. */
    size_t keyword_count;
    /** Fields set by earlier plugins. */
    const nh_field *const *fields;
    /** Number of fields. */
    size_t field_count;

    /* --- added in 1.1 (check NH_HAS_FIELD(article, nh_article, notes)) --- */

    /** Editor's notes and source lines at the end of the article
     *  (e.g. "（来源：新华社）"). */
    nh_str_list notes;

    /* --- added in 1.1 (check NH_HAS_FIELD(article, nh_article, record)) --- */

    /** For an exporter with a `prepare` hook, in `process`: the record its
     *  `prepare` made for this article ({NULL, 0} if it set none). Empty
     *  for every other call. */
    nh_str record;

    /* --- added in 1.2 (check NH_HAS_FIELD(article, nh_article, flags)) --- */

    /** NH_ARTICLE_* bits: what the host vouches for in this article. Bits
     *  this header does not define are 0; ignore any you do not know. */
    uint64_t flags;
} nh_article;

/** `nh_article.flags` (added in 1.2): every string of the article is valid
 *  UTF-8 (RFC 3629), checked by the host: its own fields, and the plugin
 *  ids and texts of its labels, summaries, keywords and fields; `record`,
 *  which holds what the exporter's own `prepare` set, excepted. A plugin
 *  may then read them as text without checking again (they may still
 *  contain NUL bytes). Without the bit, check before relying on it: the
 *  conformance suite passes invalid bytes on purpose, without the bit. */
#define NH_ARTICLE_VALID_UTF8 (1u << 0)

/* ------------------------------------------------------------------------ */
/* Hooks (v1)                                                                 */
/* ------------------------------------------------------------------------ */

/** Hook names for `nh_hook.name`. */
#define NH_HOOK_CREATE "create"
#define NH_HOOK_PROCESS "process"
#define NH_HOOK_FINISH "finish"
#define NH_HOOK_DESTROY "destroy"
/** Added in 1.1. */
#define NH_HOOK_COMMIT "commit"
/** Added in 1.1. */
#define NH_HOOK_PREPARE "prepare"

/** Signature strings for `nh_hook.signature`, one per hook. */
#define NH_SIG_CREATE "i32(ptr,ptr,ptr)"
#define NH_SIG_PROCESS "i32(ptr,ptr,ptr)"
#define NH_SIG_FINISH "i32(ptr)"
#define NH_SIG_DESTROY "void(ptr)"
/** Added in 1.1. */
#define NH_SIG_COMMIT "i32(ptr)"
/** Added in 1.1. */
#define NH_SIG_PREPARE "i32(ptr,ptr,ptr)"

/** `create` (required): make an instance.
 *
 *  - `host`: the host API; valid until `destroy` returns. Keep the pointer.
 *  - `config`: the options; borrowed, valid only during this call.
 *  - `instance`: where to store the new instance pointer (any value,
 *    NULL included, is passed back unchanged to the other hooks).
 *
 *  Return NH_OK, or NH_ERR_BAD_CONFIG (after `set_error`) for an unknown key
 *  or an unusable value, or another NH_ERR_* code. When `create` fails the
 *  host does not call `destroy`: free what you allocated before returning.
 *  Never called concurrently with another hook of the same instance; the
 *  host may create several instances, on different threads, at once. */
typedef int32_t (*nh_create_fn)(const nh_host_api *host,
                                const nh_config *config,
                                void **instance);

/** `process` (required): handle one article.
 *
 *  - `article`: borrowed, valid only during this call.
 *  - `result`: where the results go, through the host API callbacks;
 *    valid only during this call.
 *
 *  Return NH_OK, or an NH_ERR_* code after `set_error(host, result, …)`.
 *  A failing article does not end the instance: the host may go on with the
 *  next article or call `finish`/`destroy`. Called from one thread at a time
 *  per instance unless the plugin sets NH_FLAG_THREAD_SAFE. Exporters get
 *  the articles of a run in input order. */
typedef int32_t (*nh_process_fn)(void *instance,
                                 const nh_article *article,
                                 nh_result *result);

/** `finish` (optional; an absent hook counts as NH_OK): the run is over.
 *  Flush output here. An exporter with a `commit` hook makes its output
 *  durable (fsync) but not visible; one without renames its temporary file
 *  into place now and not before, so a run that fails before `finish`
 *  leaves no half-written output. Called at most once per instance, after
 *  the last `process`, and possibly with no `process` call at all (an empty
 *  run). Return NH_OK or an NH_ERR_* code after `set_error(host, NULL, …)`. */
typedef int32_t (*nh_finish_fn)(void *instance);

/** `commit` (optional, exporters only; added in 1.1): make the output that
 *  `finish` prepared visible — rename the temporary file over the target,
 *  or COMMIT the transaction — and nothing else, so that it can fail only
 *  when the system does. Called once, after every plugin of the run has
 *  finished, and only if this instance's `finish` succeeded. Return NH_OK
 *  or NH_ERR_IO after `set_error(host, NULL, …)`. A plugin with this hook
 *  sets `abi_minor` to 1 or more (a 1.0 host would never call it; the host
 *  refuses such a plugin, and `commit` in a plugin that is not an
 *  exporter). */
typedef int32_t (*nh_commit_fn)(void *instance);

/** `prepare` (optional, exporters only; added in 1.1): format one article's
 *  record — a line of JSON, a CSV row, encoded column values — so that the
 *  ordered `process` only writes it. The host calls it on its worker
 *  threads, as soon as the article is analyzed, possibly for several
 *  articles of one instance at once and at the same time as `process`:
 *  read only the article and the options set in `create`, never state that
 *  `process` changes. Hand the bytes over with `host->set_record(result,
 *  bytes)`; the host passes them to `process` as `article->record`, in
 *  input order, with the rest of the article as usual. Return NH_OK or an
 *  NH_ERR_* code after `set_error(host, result, …)` (the article then fails
 *  as if `process` had). Needs `abi_minor` 1 or more. */
typedef int32_t (*nh_prepare_fn)(void *instance, const nh_article *article, nh_result *result);

/** `destroy` (required): free the instance. Always called exactly once for
 *  every instance whose `create` succeeded, whether or not `finish` was
 *  called (a run that was stopped calls `destroy` without `finish`: discard
 *  uncommitted output then). Must not fail. */
typedef void (*nh_destroy_fn)(void *instance);

/** Hook table entries whose prototype the compiler checks (added in 1.1).
 *  The documented way to fill the hook table:
 *
 *      static const nh_hook hooks[] = {
 *          NH_CREATE_HOOK(my_create),
 *          NH_PROCESS_HOOK(my_process),
 *          NH_FINISH_HOOK(my_finish),      (optional)
 *          NH_COMMIT_HOOK(my_commit),      (optional, exporters)
 *          NH_PREPARE_HOOK(my_prepare),    (optional, exporters)
 *          NH_DESTROY_HOOK(my_destroy),
 *      };
 *
 *  Each one fills the name and signature string from this header and does
 *  not compile unless the function has exactly the hook's prototype
 *  (`_Generic` in C11, `static_cast` in C++). So the load-time check of the
 *  signature string (the host compares it with NH_SIG_*) catches only
 *  tables built by hand or in other languages; it cannot see what a
 *  function really does with its arguments. The host calls hooks through
 *  libffi, from the declared signature, which is also how a later host
 *  calls hooks of newer minors it knows only by their signature. */
/* Stores a function pointer as nh_fn. It goes through uintptr_t so that
 * -Wcast-function-type(-strict) has nothing to warn about: the host only
 * ever calls it as the declared signature. */
#ifdef __cplusplus
#define NH_ERASE_(fn) reinterpret_cast<nh_fn>(reinterpret_cast<uintptr_t>(fn))
#else
#define NH_ERASE_(fn) ((nh_fn)(uintptr_t)(fn))
#endif
#ifdef __cplusplus
#define NH_TYPED_HOOK_(name, signature, type, fn) \
    { NH_CAST_(uint32_t, sizeof(nh_hook)), (name), (signature), NH_ERASE_(static_cast<type>(fn)) }
#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define NH_TYPED_HOOK_(name, signature, type, fn) \
    { NH_CAST_(uint32_t, sizeof(nh_hook)), (name), (signature), NH_ERASE_(_Generic((fn), type: (fn))) }
#else
/* Before C11 there is no way to check: the typed macros then fail to
 * compile (build with -std=c11), while 1.0 sources using NH_HOOK_ENTRY do. */
#define NH_TYPED_HOOK_(name, signature, type, fn) nh_typed_hook_macros_need_c11_or_cxx11
#endif
#define NH_CREATE_HOOK(fn) NH_TYPED_HOOK_(NH_HOOK_CREATE, NH_SIG_CREATE, nh_create_fn, fn)
#define NH_PROCESS_HOOK(fn) NH_TYPED_HOOK_(NH_HOOK_PROCESS, NH_SIG_PROCESS, nh_process_fn, fn)
#define NH_FINISH_HOOK(fn) NH_TYPED_HOOK_(NH_HOOK_FINISH, NH_SIG_FINISH, nh_finish_fn, fn)
#define NH_DESTROY_HOOK(fn) NH_TYPED_HOOK_(NH_HOOK_DESTROY, NH_SIG_DESTROY, nh_destroy_fn, fn)
/** Added in 1.1. */
#define NH_COMMIT_HOOK(fn) NH_TYPED_HOOK_(NH_HOOK_COMMIT, NH_SIG_COMMIT, nh_commit_fn, fn)
/** Added in 1.1. */
#define NH_PREPARE_HOOK(fn) NH_TYPED_HOOK_(NH_HOOK_PREPARE, NH_SIG_PREPARE, nh_prepare_fn, fn)

/** An unchecked hook table entry (1.0): the function is cast to nh_fn, so a
 *  wrong prototype compiles. Kept so 1.0 sources build; use the typed
 *  macros above, or this only for hooks this header does not declare. */
#define NH_HOOK_ENTRY(name, signature, fn) \
    { NH_CAST_(uint32_t, sizeof(nh_hook)), (name), (signature), NH_ERASE_(fn) }

/* ------------------------------------------------------------------------ */
/* The entry symbol                                                           */
/* ------------------------------------------------------------------------ */

/** Name of the one symbol the host looks up. */
#define NH_ENTRY_SYMBOL "newshost_plugin_entry"

/** Exported by every plugin (with default visibility; it is the only symbol
 *  the host looks up). Returns the plugin's descriptor, which must remain
 *  valid until the library is unloaded. Must be cheap, must not fail and
 *  must not call the host: it may be called several times, from any thread,
 *  before any instance exists (e.g. by `newshost plugins`).
 *
 *  The host `dlclose`s the library when it is done with it. A plugin whose
 *  language runtime cannot survive being unmapped (Swift, for one) must keep
 *  itself loaded: link with `-Wl,-z,nodelete`, or re-open itself with
 *  RTLD_NOLOAD | RTLD_NODELETE from here. The Swift plugin kit does this. */
NH_EXPORT const nh_plugin_descriptor *newshost_plugin_entry(void);

/** Type of `newshost_plugin_entry`, for hosts that look it up. */
typedef const nh_plugin_descriptor *(*nh_entry_fn)(void);

#ifdef __cplusplus
}
#endif

/* ------------------------------------------------------------------------ */
/* Layout on LP64 (x86-64, aarch64): sizes and offsets a binding in another   */
/* language must reproduce; docs/abi-layout.md lists every field.            */
/* ------------------------------------------------------------------------ */

#if (defined(__LP64__) || defined(_LP64)) && \
    (defined(__cplusplus) || (defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L))
#ifdef __cplusplus
#define NH_LAYOUT_(condition, what) static_assert(condition, "newshost ABI layout: " what)
#else
#define NH_LAYOUT_(condition, what) _Static_assert(condition, "newshost ABI layout: " what)
#endif
NH_LAYOUT_(sizeof(nh_str) == 16 && sizeof(nh_str_list) == 16 && sizeof(nh_kv) == 32, "nh_str, nh_str_list, nh_kv");
NH_LAYOUT_(sizeof(nh_option_spec) == 40 && offsetof(nh_option_spec, key) == 8 &&
           offsetof(nh_option_spec, choices) == 32, "nh_option_spec");
NH_LAYOUT_(sizeof(nh_hook) == 32 && offsetof(nh_hook, name) == 8 && offsetof(nh_hook, fn) == 24, "nh_hook");
NH_LAYOUT_(sizeof(nh_plugin_descriptor) == 80 && offsetof(nh_plugin_descriptor, id) == 8 &&
           offsetof(nh_plugin_descriptor, kind) == 40 && offsetof(nh_plugin_descriptor, options) == 48 &&
           offsetof(nh_plugin_descriptor, hooks) == 64 && offsetof(nh_plugin_descriptor, hook_count) == 72,
           "nh_plugin_descriptor");
NH_LAYOUT_(offsetof(nh_host_api, host) == 8 && offsetof(nh_host_api, log) == 16 &&
           offsetof(nh_host_api, set_field) == 56 && offsetof(nh_host_api, stdout_fd) == 64 &&
           offsetof(nh_host_api, set_record) == 72 && sizeof(nh_host_api) == 80, "nh_host_api");
NH_LAYOUT_(sizeof(nh_config) == 24 && offsetof(nh_config, entries) == 8, "nh_config");
NH_LAYOUT_(sizeof(nh_label) == 48 && sizeof(nh_summary) == 40 && sizeof(nh_keyword) == 48 &&
           sizeof(nh_field) == 56, "annotation structs");
NH_LAYOUT_(offsetof(nh_article, id) == 8 && offsetof(nh_article, index) == 40 &&
           offsetof(nh_article, body) == 112 && offsetof(nh_article, labels) == 176 &&
           offsetof(nh_article, field_count) == 232 && offsetof(nh_article, notes) == 240 &&
           offsetof(nh_article, record) == 256 && offsetof(nh_article, flags) == 272 &&
           sizeof(nh_article) == 280, "nh_article");
#undef NH_LAYOUT_
#endif

#endif /* NEWSHOST_PLUGIN_H */
