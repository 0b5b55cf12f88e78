/* Process plumbing the Swift layer cannot call directly (variadic C). */
#ifndef NEWSHOST_PROCESS_SUPPORT_H
#define NEWSHOST_PROCESS_SUPPORT_H

#include <spawn.h>

/** Adds "close every descriptor from `lowest` up" to `actions`
 *  (posix_spawn_file_actions_addclosefrom_np, glibc 2.34). */
int nh_spawn_close_from(posix_spawn_file_actions_t *actions, int lowest);

/** Asks the kernel to send `signal` to this process when its parent dies
 *  (prctl PR_SET_PDEATHSIG). Returns 0, or -1 with errno set. */
int nh_set_parent_death_signal(int signal);

#endif
