#define _GNU_SOURCE
#include "crash_notice.h"

#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum { PART_SIZE = 256, ADVICE_SIZE = 1024, MESSAGE_SIZE = 2 * PART_SIZE + 2 * ADVICE_SIZE };
/* How long a thread that crashes while another writes its notice waits
 * for that one to end the process: 200 steps of 10 ms, 2 s in all. */
enum { CRASH_WAIT_STEPS = 200, CRASH_WAIT_STEP_NANOSECONDS = 10 * 1000 * 1000 };

/* What the thread is calling. Initial-exec TLS: a signal handler reads it
 * with a plain load, never through __tls_get_addr (which may allocate). */
struct call {
    char prefix[PART_SIZE];
    size_t prefix_length;
    char suffix[PART_SIZE];
    size_t suffix_length;
    volatile sig_atomic_t busy;
};
static __thread struct call current __attribute__((tls_model("initial-exec")));

static char advice[ADVICE_SIZE];
static size_t advice_length;
static char exit_advice[ADVICE_SIZE];
static size_t exit_advice_length;
static int plugin_exit_status;
/* Set by the first report: a second crash (another thread, or the abort
 * that follows) stays quiet. */
static atomic_int reported;
static const int handled[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT};
static struct sigaction previous[NSIG];

static size_t copy(char *to, size_t size, const char *from, size_t length) {
    size_t count = length < size ? length : size;
    if (count > 0) memcpy(to, from, count); /* `from` may be NULL when there is nothing to copy */
    return count;
}

static const char *cause_of(int number) {
    switch (number) {
    case SIGSEGV: return "crashed the host process with SIGSEGV";
    case SIGBUS: return "crashed the host process with SIGBUS";
    case SIGILL: return "crashed the host process with SIGILL";
    case SIGFPE: return "crashed the host process with SIGFPE";
    default: return "crashed the host process with SIGABRT";
    }
}

/* One write(2) of the whole line, so that it cannot interleave with another. */
static void report(const char *cause, const char *tail, size_t tail_length) {
    char message[MESSAGE_SIZE];
    size_t used = 0;
    used += copy(message + used, MESSAGE_SIZE - used, current.prefix, current.prefix_length);
    used += copy(message + used, MESSAGE_SIZE - used, cause, strlen(cause));
    used += copy(message + used, MESSAGE_SIZE - used, current.suffix, current.suffix_length);
    used += copy(message + used, MESSAGE_SIZE - used, tail, tail_length);
    ssize_t ignored = write(2, message, used);
    (void)ignored;
}

static int first_report(void) {
    int expected = 0;
    return atomic_compare_exchange_strong(&reported, &expected, 1);
}

static void handle(int number) {
    if (!current.busy) {
        sigaction(number, &previous[number], NULL);
        raise(number);
        return;
    }
    if (first_report()) {
        report(cause_of(number), advice, advice_length);
    } else {
        /* Another thread crashed first and is writing its notice: the
         * default action from here would end the process before the notice
         * is out. That thread ends the process once it has written; should
         * its write never return, this one does, after a while. */
        for (int waited = 0; waited < CRASH_WAIT_STEPS; waited++) {
            struct timespec step = {0, CRASH_WAIT_STEP_NANOSECONDS};
            nanosleep(&step, NULL);
        }
    }
    /* With SA_NODEFER the signal is not blocked here, so raising it again
     * once the default action is back ends the process by that signal, also
     * when the plugin raised it itself (returning would go on). The default
     * comes back only now: set before the notice was written, a crash of
     * another thread meanwhile ended the process without one. */
    signal(number, SIG_DFL);
    raise(number);
}

static void handle_exit(void) {
    if (!current.busy || !first_report()) return;
    report("called exit() inside the host process", exit_advice, exit_advice_length);
    _exit(plugin_exit_status);
}

void nh_crash_notice_install(const char *advice_text, size_t advice_text_length, const char *exit_text,
                             size_t exit_text_length, int exit_status) {
    advice_length = copy(advice, ADVICE_SIZE, advice_text, advice_text_length);
    exit_advice_length = copy(exit_advice, ADVICE_SIZE, exit_text, exit_text_length);
    plugin_exit_status = exit_status;
    for (size_t index = 0; index < sizeof handled / sizeof handled[0]; index++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = handle;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_NODEFER;
        sigaction(handled[index], &action, &previous[handled[index]]);
    }
    atexit(handle_exit);
}

/* Appends `length` bytes to a part of `used` bytes, within PART_SIZE; returns the new length. */
static size_t append(char *part, size_t used, const void *from, size_t length) {
    return used + copy(part + used, PART_SIZE - used, from, length);
}

void nh_crash_notice_enter(const uint8_t *plugin, size_t plugin_length, const uint8_t *during, size_t during_length,
                           const uint8_t *subject, size_t subject_length) {
    static const char opening[] = "newshost: plugin ";
    current.busy = 0;
    size_t used = append(current.prefix, 0, opening, sizeof opening - 1);
    used = append(current.prefix, used, plugin, plugin_length);
    current.prefix_length = append(current.prefix, used, " ", 1);
    used = append(current.suffix, 0, " ", 1);
    used = append(current.suffix, used, during, during_length);
    current.suffix_length = append(current.suffix, used, subject, subject_length);
    /* The text is in place before a handler on this thread can see busy. */
    atomic_signal_fence(memory_order_seq_cst);
    current.busy = 1;
}

void nh_crash_notice_leave(void) { current.busy = 0; }
