/* A last word when a plugin running in the host process crashes it. */
#ifndef NEWSHOST_CRASH_NOTICE_H
#define NEWSHOST_CRASH_NOTICE_H

#include <stddef.h>
#include <stdint.h>

/** Installs handlers for SIGSEGV, SIGBUS, SIGILL, SIGFPE and SIGABRT, and an
 *  atexit handler. A crash on a thread that is inside a plugin call (between
 *  nh_crash_notice_enter and nh_crash_notice_leave) writes one line to
 *  stderr,
 *
 *      <prefix>crashed the host process with SIGSEGV<suffix><advice>
 *
 *  and the signal then ends the process (also when the plugin raised it);
 *  a crash outside plugin calls goes to the handler installed before. A
 *  plugin that calls exit() during a call gets the same line with "called
 *  exit() inside the host process" and `exit_advice`, and the process ends
 *  with `exit_status`. Only the first crash is reported. `advice` and
 *  `exit_advice` are copied (up to 1 KB each). Call once, before any plugin
 *  runs. Thread: any. */
void nh_crash_notice_install(const char *advice, size_t advice_length, const char *exit_advice,
                             size_t exit_advice_length, int exit_status);

/** The calling thread is about to call a plugin: the line's prefix
 *  ("newshost: plugin <plugin> ") and suffix (" <during><subject>", as in
 *  " on article A" or " in finish") are put together in the thread's own
 *  buffer (up to 256 bytes each), which the handlers read; the texts are
 *  UTF-8 and need no terminating zero. Each thread has its own buffer, so
 *  any number of threads may call plugins at once. Thread: the calling
 *  thread only. */
void nh_crash_notice_enter(const uint8_t *plugin, size_t plugin_length, const uint8_t *during, size_t during_length,
                           const uint8_t *subject, size_t subject_length);

/** The calling thread's plugin call returned. Thread: the calling thread only. */
void nh_crash_notice_leave(void);

#endif
