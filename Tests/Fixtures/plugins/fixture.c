/* A test plugin built by the tests with `cc -shared -fPIC`, in one good and
 * several deliberately broken variants chosen with -D:
 *
 *   (none)            a well-behaved classifier: adds label `fixture` (or the
 *                     `label` option), and the field `seen` telling how many
 *                     labels earlier plugins had added
 *   NO_ENTRY          exports no `newshost_plugin_entry`
 *   WRONG_MAJOR       claims ABI major 99
 *   NEWER_MINOR       claims ABI minor 99
 *   WRONG_SIGNATURE   declares `process` as i32(ptr)
 *   MISSING_HOOK      has no `destroy` hook
 *   BAD_ID            has the id `Bad_Id`
 *   FAIL_CREATE       `create` fails with NH_ERR_BAD_CONFIG and a message
 *   FAIL_PROCESS_AT=N `process` fails on its N-th call (from 1)
 *   NAN_SCORE         adds a label with a NaN score
 *   INVALID_UTF8      adds a label whose name is not UTF-8
 *   CRASH_AT=N        dereferences NULL in its N-th process call
 *   ABORT_AT=N        calls abort() in its N-th process call
 *   HANG_AT=N         never returns from its N-th process call
 *   EXIT_AT=N         calls exit(3) in its N-th process call
 *   CRASH_ON_INDEX=N  dereferences NULL on every article whose index is N
 *   HANG_ON_INDEX=N   never returns on an article whose index is N
 *   STDOUT_AT=N       writes to stdout in its N-th process call
 *   LEAK_FD           opens /dev/null in every process call and never closes it
 *   ACCEPT_UNKNOWN    silently accepts options it does not know
 *   RACY              declares NH_FLAG_THREAD_SAFE but shares a buffer between calls
 *   RAISE_AT=N        raises SIGSEGV itself in its N-th process call
 *   PRINT_EVERY       writes a line to stdout in every process call
 *   MARK_ON_LOAD=\"f\" creates the file f when the library is loaded
 *   WRONG_PROTOTYPE   defines `process` as int32_t(double, int): must not compile
 *   NULL_HOOK_TABLE   a NULL hook table with a non-zero hook_count
 *   ERROR_THEN_OK     calls set_error and then returns NH_OK
 *   LEAK_BYTES=N      allocates N bytes in every process call and never frees them
 *   CHANGES_CWD       changes the working directory in process
 *   SIGNAL_HANDLER    installs a SIGUSR1 handler in create
 *   GLOBAL_LABEL      keeps the `label` option in a global, shared by every instance
 *   REMEMBERS         labels an article after the previous one (results depend on history)
 *   WRITES_VIEW       writes into the borrowed article's body
 *   USES_STRLEN       takes strlen of the body (nh_str is not NUL-terminated)
 *   KEEPS_VIEW        keeps the article pointer and reads it in the next call
 *   THREAD_CALLBACK   calls add_label and log from a thread of its own (joined before returning)
 *   KEEPS_RESULT      keeps the result handle and adds a label through it in the next call
 *   HOG_MB=N          allocates and touches N MB in every process call (and frees it)
 *   PAUSE_ON_INDEX=N  on articles with index N: creates the file PAUSE_MARK, then waits 3 s
 *   SAME_KEYWORD      adds the keyword `twice` twice, with weights 1 and 2
 *   MANY_KEYWORDS     adds the keywords k0 … k39 with weights 0 … 39, then k2 again with
 *                     weight 100 and k30 again with weight 200
 *   CRASH_IN_ENTRY    dereferences NULL in newshost_plugin_entry
 *   SETS_SUMMARY      a classifier that also sets a summary (not its kind's result)
 *   PLUGIN_ID=\"x\"   use another id (so two variants can share a chain)
 *   EXPORTER          an exporter that writes nothing (process adds no result)
 *   CRASH_IN_FINISH   dereferences NULL in finish
 *   COMMIT_HOOK       declares the 1.1 `commit` hook (which does nothing)
 *   ABI_MINOR=N       declares ABI minor N
 *   PREPARES          declares `prepare`, whose record names the thread it ran on; `process`
 *                     (with EXPORTER) fails unless it got a record made on another thread
 *   REPORTS_FLAGS     sets the field `flags` to the article's `flags` in decimal ("none"
 *                     when the host's nh_article ends before it)
 */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "newshost/plugin.h"

#ifndef PLUGIN_ID
#define PLUGIN_ID "fixture"
#endif

typedef struct fixture {
    const nh_host_api *host;
    const nh_article *kept;
    nh_result *kept_result;
    char label[64];
    long calls;
    char shared[256];
} fixture;

static nh_str str(const char *s) {
    nh_str out = {s, strlen(s)};
    return out;
}

#ifdef GLOBAL_LABEL
static char global_label[64];
#endif
#ifdef REMEMBERS
static char previous_id[256];
#endif
#ifdef THREAD_CALLBACK
struct borrowed_call {
    const nh_host_api *host;
    nh_result *result;
};

static void *fixture_call_from_thread(void *argument) {
    struct borrowed_call *call = argument;
    call->host->log(call->host->host, NH_LOG_INFO, (nh_str){"from my own thread", 18});
    call->host->add_label(call->result, (nh_str){"threaded", 8}, 0.5);
    return NULL;
}
#endif

#ifdef SIGNAL_HANDLER
static void fixture_on_signal(int number) {
    (void)number;
}
#endif

static int32_t fixture_create(const nh_host_api *host, const nh_config *config, void **instance) {
#ifdef SIGNAL_HANDLER
    signal(SIGUSR1, fixture_on_signal);
#endif
#ifdef FAIL_CREATE
    (void)config;
    (void)instance;
    host->set_error(host->host, NULL, str("fixture refuses to start: FAIL_CREATE was set"));
    return NH_ERR_BAD_CONFIG;
#else
    fixture *self = calloc(1, sizeof *self);
    if (!self) return NH_ERR_INTERNAL;
    self->host = host;
    strcpy(self->label, "fixture");
    for (size_t i = 0; i < config->count; i++) {
        nh_kv kv = config->entries[i];
        if (kv.key.len == 5 && memcmp(kv.key.data, "label", 5) == 0 && kv.value.len < sizeof self->label) {
            memcpy(self->label, kv.value.data, kv.value.len);
            self->label[kv.value.len] = '\0';
        } else {
#ifndef ACCEPT_UNKNOWN
            host->set_error(host->host, NULL, str("unknown option; fixture takes only `label`"));
            free(self);
            return NH_ERR_BAD_CONFIG;
#endif
        }
    }
#ifdef GLOBAL_LABEL
    strcpy(global_label, self->label);
#endif
    host->log(host->host, NH_LOG_DEBUG, str("fixture created"));
    *instance = self;
    return NH_OK;
#endif
}

#ifdef MARK_ON_LOAD
__attribute__((constructor)) static void fixture_loaded(void) {
    FILE *mark = fopen(MARK_ON_LOAD, "w");
    if (mark) fclose(mark);
}
#endif

#ifdef WRONG_PROTOTYPE
static int32_t fixture_process(double instance, int article) {
    return (int32_t)instance + article;
}
#else
static int32_t fixture_process(void *instance, const nh_article *article, nh_result *result) {
    fixture *self = instance;
    self->calls++;
#ifdef EXPORTER
#ifdef PREPARES
    char here[32];
    int length = snprintf(here, sizeof here, "%lu", (unsigned long)pthread_self());
    if (article->record.len == 0) {
        self->host->set_error(self->host->host, result, str("no record from prepare"));
        return NH_ERR_INTERNAL;
    }
    if (article->record.len == (size_t)length && memcmp(article->record.data, here, (size_t)length) == 0) {
        self->host->set_error(self->host->host, result, str("prepared on the thread that writes"));
        return NH_ERR_INTERNAL;
    }
#endif
    (void)article;
    (void)result;
    return NH_OK;
#endif
#ifdef FAIL_PROCESS_AT
    if (self->calls == FAIL_PROCESS_AT) {
        self->host->set_error(self->host->host, result, str("fixture fails here on purpose"));
        return NH_ERR_INVALID_INPUT;
    }
#endif
#ifdef NAN_SCORE
    self->host->add_label(result, str("nan"), NAN);
#endif
#ifdef INVALID_UTF8
    nh_str bad = {"\xff\xfe", 2};
    self->host->add_label(result, bad, 0.5);
#endif
#ifdef CRASH_AT
    if (self->calls == CRASH_AT) *(volatile int *)0 = 1;
#endif
#ifdef CRASH_ON_INDEX
    if (article->index == CRASH_ON_INDEX) *(volatile int *)0 = 1;
#endif
#ifdef HANG_ON_INDEX
    if (article->index == HANG_ON_INDEX) for (;;) sleep(1);
#endif
#ifdef ABORT_AT
    if (self->calls == ABORT_AT) abort();
#endif
#ifdef HANG_AT
    if (self->calls == HANG_AT) for (;;) sleep(1);
#endif
#ifdef EXIT_AT
    if (self->calls == EXIT_AT) exit(3);
#endif
#ifdef RAISE_AT
    if (self->calls == RAISE_AT) raise(SIGSEGV);
#endif
#ifdef PRINT_EVERY
    printf("stray output from a plugin\n");
#endif
#ifdef LEAK_BYTES
    {
        char *lost = malloc(LEAK_BYTES);
        if (lost != NULL) memset(lost, 1, LEAK_BYTES);
    }
#endif
#ifdef THREAD_CALLBACK
    {
        struct borrowed_call call = {self->host, result};
        pthread_t thread;
        if (pthread_create(&thread, NULL, fixture_call_from_thread, &call) == 0) pthread_join(thread, NULL);
    }
#endif
#ifdef KEEPS_RESULT
    if (self->kept_result != NULL) self->host->add_label(self->kept_result, str("late"), 0.5);
    self->kept_result = result;
#endif
#ifdef PAUSE_ON_INDEX
    if (article->index == PAUSE_ON_INDEX) {
        FILE *mark = fopen(PAUSE_MARK, "w");
        if (mark) fclose(mark);
        struct timespec pause = {3, 0};
        nanosleep(&pause, NULL);
    }
#endif
#ifdef SAME_KEYWORD
    self->host->add_keyword(result, str("twice"), 1.0);
    self->host->add_keyword(result, str("twice"), 2.0);
#endif
#ifdef MANY_KEYWORDS
    {
        char term[8];
        for (int i = 0; i < 40; i++) {
            snprintf(term, sizeof term, "k%d", i);
            self->host->add_keyword(result, str(term), (double)i);
        }
        self->host->add_keyword(result, str("k2"), 100.0);
        self->host->add_keyword(result, str("k30"), 200.0);
    }
#endif
#ifdef HOG_MB
    {
        size_t size = (size_t)HOG_MB << 20;
        char *hog = malloc(size);
        if (hog == NULL) {
            self->host->set_error(self->host->host, result, str("out of memory"));
            return NH_ERR_INTERNAL;
        }
        memset(hog, 1, size);
        free(hog);
    }
#endif
#ifdef WRITES_VIEW
    if (article->body.len > 0) ((char *)(uintptr_t)article->body.data)[0] = 'x';
#endif
#ifdef USES_STRLEN
    if (article->body.data != NULL) {
        volatile size_t measured = strlen(article->body.data);
        (void)measured;
    }
#endif
#ifdef KEEPS_VIEW
    if (self->kept != NULL && self->kept->id.len > 0 && self->kept->id.data[0] == '\0') return NH_ERR_INVALID_INPUT;
    self->kept = article;
#endif
#ifdef CHANGES_CWD
    if (chdir("/") != 0) return NH_ERR_IO;
#endif
#ifdef REMEMBERS
    {
        nh_str before = {previous_id, strlen(previous_id)};
        size_t keep = article->id.len < sizeof previous_id - 1 ? article->id.len : sizeof previous_id - 1;
        int32_t status = self->host->add_label(result, before.len ? before : str("first"), 0.5);
        memcpy(previous_id, article->id.data, keep);
        previous_id[keep] = '\0';
        return status;
    }
#endif
#ifdef ERROR_THEN_OK
    self->host->set_error(self->host->host, result, str("something went wrong, or did it?"));
#endif
#ifdef SETS_SUMMARY
    self->host->set_summary(result, str("a classifier's summary"));
#endif
#ifdef STDOUT_AT
    if (self->calls == STDOUT_AT) { printf("debug output from a plugin\n"); fflush(stdout); }
#endif
#ifdef LEAK_FD
    if (open("/dev/null", O_RDONLY) < 0) return NH_ERR_IO;
#endif
#ifdef RACY
    /* Copies the id into one buffer shared by every call on the instance,
     * waits, then labels the article with what the buffer holds. */
    size_t len = article->id.len < sizeof self->shared - 1 ? article->id.len : sizeof self->shared - 1;
    memcpy(self->shared, article->id.data, len);
    self->shared[len] = '\0';
    struct timespec pause = {0, 200000};
    nanosleep(&pause, NULL);
    return self->host->add_label(result, str(self->shared), 0.5);
#endif
    char seen[32];
    size_t n = article->label_count, k = 0;
    char digits[32];
    do { digits[k++] = (char)('0' + n % 10); n /= 10; } while (n > 0);
    for (size_t i = 0; i < k; i++) seen[i] = digits[k - 1 - i];
    seen[k] = '\0';
    self->host->set_field(result, str("seen"), str(seen));
#ifdef REPORTS_FLAGS
    char flags[32];
    if (NH_HAS_FIELD(article, nh_article, flags)) {
        snprintf(flags, sizeof flags, "%llu", (unsigned long long)article->flags);
    } else {
        strcpy(flags, "none");
    }
    self->host->set_field(result, str("flags"), str(flags));
#endif
#ifdef GLOBAL_LABEL
    return self->host->add_label(result, str(global_label), 0.5);
#else
    return self->host->add_label(result, str(self->label), 0.5);
#endif
}
#endif

static int32_t fixture_finish(void *instance) {
    (void)instance;
#ifdef CRASH_IN_FINISH
    *(volatile int *)0 = 1;
#endif
    return NH_OK;
}

#ifdef PREPARES
static int32_t fixture_prepare(void *instance, const nh_article *article, nh_result *result) {
    fixture *self = instance;
    (void)article;
    char text[32];
    int length = snprintf(text, sizeof text, "%lu", (unsigned long)pthread_self());
    nh_str record = {text, (size_t)length};
    return self->host->set_record(result, record);
}
#endif

#ifdef COMMIT_HOOK
static int32_t fixture_commit(void *instance) {
    (void)instance;
    return NH_OK;
}
#endif

static void fixture_destroy(void *instance) {
    free(instance);
}

static const nh_option_spec fixture_options[] = {
    {sizeof(nh_option_spec), NH_OPTION_STRING, "label", "fixture", "the label to add", NULL},
};

static const nh_hook fixture_hooks[] = {
    NH_CREATE_HOOK(fixture_create),
#ifdef WRONG_SIGNATURE
    /* The unchecked 1.0 macro: the declared signature is a lie the host catches at load time. */
    NH_HOOK_ENTRY(NH_HOOK_PROCESS, "i32(ptr)", fixture_process),
#else
    NH_PROCESS_HOOK(fixture_process),
#endif
    NH_FINISH_HOOK(fixture_finish),
#ifdef COMMIT_HOOK
    NH_COMMIT_HOOK(fixture_commit),
#endif
#ifdef PREPARES
    NH_PREPARE_HOOK(fixture_prepare),
#endif
#ifndef MISSING_HOOK
    NH_DESTROY_HOOK(fixture_destroy),
#endif
    NH_HOOK_ENTRY("future-hook", "void(u64,f64)", fixture_destroy),
};

static const nh_plugin_descriptor fixture_descriptor = {
    sizeof(nh_plugin_descriptor),
#ifdef WRONG_MAJOR
    99,
#else
    NH_ABI_VERSION_MAJOR,
#endif
#ifdef NEWER_MINOR
    99,
#elif defined(ABI_MINOR)
    ABI_MINOR,
#else
    NH_ABI_VERSION_MINOR,
#endif
#ifdef BAD_ID
    "Bad_Id",
#else
    PLUGIN_ID,
#endif
    "1.0.0",
    "newshost tests",
    "A test plugin in good and broken variants",
#ifdef EXPORTER
    NH_KIND_EXPORTER,
#else
    NH_KIND_CLASSIFIER,
#endif
#ifdef RACY
    NH_FLAG_THREAD_SAFE,
#else
    0,
#endif
    fixture_options,
    1,
#ifdef NULL_HOOK_TABLE
    NULL,
#else
    fixture_hooks,
#endif
    sizeof fixture_hooks / sizeof fixture_hooks[0],
};

#ifdef NO_ENTRY
const nh_plugin_descriptor *some_other_symbol(void) {
#else
const nh_plugin_descriptor *newshost_plugin_entry(void) {
#endif
#ifdef NULL_HOOK_TABLE
    (void)fixture_hooks;
#endif
#ifdef CRASH_IN_ENTRY
    *(volatile int *)0 = 1;
#endif
    return &fixture_descriptor;
}
