/* Process plumbing the Swift layer cannot call directly (variadic C, or
 * declared only under _GNU_SOURCE). */
#ifndef NEWSHOST_PROCESS_SUPPORT_H
#define NEWSHOST_PROCESS_SUPPORT_H

#include <spawn.h>
#include <stddef.h>

/** Adds "close every descriptor from `lowest` up" to `actions`
 *  (posix_spawn_file_actions_addclosefrom_np, glibc 2.34). */
int nh_spawn_close_from(posix_spawn_file_actions_t *actions, int lowest);

/** Adds "change to directory `path`" to `actions`
 *  (posix_spawn_file_actions_addchdir_np, glibc 2.29). */
int nh_spawn_change_directory(posix_spawn_file_actions_t *actions, const char *path);

/** Ends this process with `_exit(status)` as soon as its parent process is
 *  gone, even while the main thread is stuck in a plugin: a thread checks
 *  the parent every 100 ms. (PR_SET_PDEATHSIG is not used: it fires when
 *  the parent *thread* that started the child ends, and the host starts
 *  workers from threads that end before the run does.) Returns 0, or -1
 *  when the parent is already gone or the thread cannot start. */
int nh_exit_when_orphaned(int status);

/** Bytes the C heap has handed out and not got back: the sanitizer's count
 *  under ASan or TSan, else mallinfo2 (small blocks plus mmapped ones). */
size_t nh_heap_bytes_in_use(void);

/** The number of CPUs this process may run on (sched_getaffinity), or 0
 *  when it cannot be read. */
int nh_affinity_cpu_count(void);

/** 1 when this process runs under AddressSanitizer or ThreadSanitizer. */
int nh_built_with_sanitizer(void);

/** Schedules the calling thread as batch work (SCHED_BATCH): it keeps its
 *  share of the CPUs, but waking up no longer preempts the thread running
 *  on a core; it runs when a core comes free or at the next scheduling
 *  tick. For a run's ordered stage, which wakes for every piece of work
 *  the workers finish: on a machine whose cores the workers keep busy,
 *  each wake-up otherwise interrupted a worker and took its caches. Only
 *  a thread of the normal policy (SCHED_OTHER) changes. Returns the policy
 *  it had, for `nh_schedule_restore`, or -1 when it did not change. */
int nh_schedule_as_batch(void);

/** Gives the calling thread back `policy`, as `nh_schedule_as_batch`
 *  returned it (nothing for -1). */
void nh_schedule_restore(int policy);

#endif
