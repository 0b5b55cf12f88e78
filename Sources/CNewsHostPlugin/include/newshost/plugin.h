/*
 * newshost/plugin.h — the newshost plugin ABI, version 1.
 *
 * This header is the whole contract between the newshost host and a plugin.
 * A plugin is a shared library (`.so`) that includes this file, defines one
 * exported function, `newshost_plugin_entry`, and is built with nothing but a
 * C compiler:
 *
 *     cc -std=c99 -shared -fPIC $(pkg-config --cflags newshost-plugin) \
 *        myplugin.c -o libmyplugin.so
 *
 * and run with `newshost run --plugins myplugin --plugin-path .`.
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
 *    article, `finish` once at the end and `destroy` always, last.
 *
 * Rules that hold everywhere
 * --------------------------
 * - Ownership never crosses the boundary. Everything the host passes in is
 *   borrowed and valid only until the hook returns; copy what you keep.
 *   Results go back only through the host callbacks, which copy. The host
 *   never frees plugin memory and a plugin never frees host memory.
 * - Dynamic strings are `nh_str` (pointer + length, UTF-8, not
 *   NUL-terminated, may contain NUL bytes). Only the static strings of the
 *   descriptor are NUL-terminated `const char *`.
 * - Extensible structs start with `uint32_t struct_size`, set to
 *   `sizeof(the struct)` by whoever fills it. Fields are only ever appended
 *   in later minor versions; before reading a field that a later minor
 *   version added, check that `struct_size` covers it (NH_HAS_FIELD).
 *   `nh_str`, `nh_str_list` and `nh_kv` are frozen two-word values and carry
 *   no size.
 * - Hooks return an `int32_t` status: NH_OK (0) or one of the negative
 *   NH_ERR_* codes. A failing hook should say why with `set_error` first.
 * - A plugin never calls `exit`, never writes to stdout (stdout belongs to
 *   the host's output) and never installs signal handlers; it logs only
 *   through the host's `log` callback.
 *
 * This header is C99 and includes only <stddef.h> and <stdint.h>.
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
#define NH_ABI_VERSION_MINOR 0

/** True when a struct whose first field is `struct_size` is large enough to
 *  hold `field`, i.e. when whoever filled it knew about that field. */
#define NH_HAS_FIELD(ptr, type, field) \
    ((ptr)->struct_size >= offsetof(type, field) + sizeof(((type *)0)->field))

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
    /** What it does, one line, NUL-terminated, non-empty. */
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
     *  invalid. Adding the same name twice keeps the last score. */
    int32_t (*add_label)(nh_result *result, nh_str name, double score);

    /** Sets the summary of the article being processed (non-empty UTF-8).
     *  A second call replaces the first. Returns NH_OK or
     *  NH_ERR_INVALID_INPUT. */
    int32_t (*set_summary)(nh_result *result, nh_str text);

    /** Adds a keyword with a finite weight (higher is more important).
     *  `term` must be non-empty UTF-8. Returns NH_OK or NH_ERR_INVALID_INPUT. */
    int32_t (*add_keyword)(nh_result *result, nh_str term, double weight);

    /** Sets a free-form field (e.g. "matched_terms"). `key` must match
     *  [a-z0-9][a-z0-9_.-]*, `value` must be UTF-8. A second call with the
     *  same key replaces the value. Returns NH_OK or NH_ERR_INVALID_INPUT. */
    int32_t (*set_field)(nh_result *result, nh_str key, nh_str value);
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
 *  but a robust plugin does not crash on invalid bytes or embedded NULs.
 *  Missing values are empty strings or empty lists, never NULL pointers
 *  with a non-zero length. Annotation arrays are arrays of pointers so that
 *  their element structs can grow. */
typedef struct nh_article {
    /** sizeof(nh_article) as the host knows it. */
    uint32_t struct_size;
    /** Reserved, 0. */
    uint32_t reserved;
    /** Stable id: "<source file name>#<index>". Unique within a run. */
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
} nh_article;

/* ------------------------------------------------------------------------ */
/* Hooks (v1)                                                                 */
/* ------------------------------------------------------------------------ */

/** Hook names for `nh_hook.name`. */
#define NH_HOOK_CREATE "create"
#define NH_HOOK_PROCESS "process"
#define NH_HOOK_FINISH "finish"
#define NH_HOOK_DESTROY "destroy"

/** Signature strings for `nh_hook.signature`, one per hook. */
#define NH_SIG_CREATE "i32(ptr,ptr,ptr)"
#define NH_SIG_PROCESS "i32(ptr,ptr,ptr)"
#define NH_SIG_FINISH "i32(ptr)"
#define NH_SIG_DESTROY "void(ptr)"

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
 *  Flush and commit output here — an exporter that writes a file renames
 *  its temporary file into place now and not before, so a run that fails
 *  before `finish` leaves no half-written output. Called at most once per
 *  instance, after the last `process`, and possibly with no `process` call
 *  at all (an empty run). Return NH_OK or an NH_ERR_* code after
 *  `set_error(host, NULL, …)`. */
typedef int32_t (*nh_finish_fn)(void *instance);

/** `destroy` (required): free the instance. Always called exactly once for
 *  every instance whose `create` succeeded, whether or not `finish` was
 *  called (a run that was stopped calls `destroy` without `finish`: discard
 *  uncommitted output then). Must not fail. */
typedef void (*nh_destroy_fn)(void *instance);

/** Convenience initializer for a hook table entry, e.g.
 *  `NH_HOOK_ENTRY(NH_HOOK_PROCESS, NH_SIG_PROCESS, my_process)`. */
#define NH_HOOK_ENTRY(name, signature, fn) \
    { (uint32_t)sizeof(nh_hook), (name), (signature), (nh_fn)(fn) }

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
const nh_plugin_descriptor *newshost_plugin_entry(void);

/** Type of `newshost_plugin_entry`, for hosts that look it up. */
typedef const nh_plugin_descriptor *(*nh_entry_fn)(void);

#ifdef __cplusplus
}
#endif

#endif /* NEWSHOST_PLUGIN_H */
