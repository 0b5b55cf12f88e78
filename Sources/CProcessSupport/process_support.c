#define _GNU_SOURCE
#include "process_support.h"

#include <malloc.h>
#include <sched.h>
#include <pthread.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>

int nh_spawn_close_from(posix_spawn_file_actions_t *actions, int lowest) {
    return posix_spawn_file_actions_addclosefrom_np(actions, lowest);
}

int nh_spawn_change_directory(posix_spawn_file_actions_t *actions, const char *path) {
    return posix_spawn_file_actions_addchdir_np(actions, path);
}

static pid_t watched_parent;
static int orphan_status;

static void *watch_parent(void *unused) {
    (void)unused;
    const struct timespec pause = {0, 100 * 1000 * 1000};
    for (;;) {
        if (getppid() != watched_parent) _exit(orphan_status);
        nanosleep(&pause, NULL);
    }
    return NULL;
}

int nh_exit_when_orphaned(int status) {
    watched_parent = getppid();
    orphan_status = status;
    if (watched_parent == 1) return -1;
    pthread_t thread;
    if (pthread_create(&thread, NULL, watch_parent, NULL) != 0) return -1;
    pthread_detach(thread);
    return 0;
}

/* Under AddressSanitizer or ThreadSanitizer the sanitizer's allocator
 * serves malloc, and says how much it holds (freed blocks waiting in
 * ASan's quarantine not counted); otherwise glibc's mallinfo2 does. */
extern size_t __sanitizer_get_current_allocated_bytes(void) __attribute__((weak));

int nh_affinity_cpu_count(void) {
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) != 0) return 0;
    return CPU_COUNT(&set);
}

int nh_built_with_sanitizer(void) {
    return __sanitizer_get_current_allocated_bytes != NULL;
}

size_t nh_heap_bytes_in_use(void) {
    if (__sanitizer_get_current_allocated_bytes != NULL) return __sanitizer_get_current_allocated_bytes();
    struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
}

int nh_schedule_as_batch(void) {
    int policy;
    struct sched_param parameters;
    /* Only from the normal policy: a real-time thread stays as it is. */
    if (pthread_getschedparam(pthread_self(), &policy, &parameters) != 0 || policy != SCHED_OTHER) return -1;
    const struct sched_param batch = {0};
    if (pthread_setschedparam(pthread_self(), SCHED_BATCH, &batch) != 0) return -1;
    return policy;
}

void nh_schedule_restore(int policy) {
    if (policy < 0) return;
    const struct sched_param parameters = {0};
    (void)pthread_setschedparam(pthread_self(), policy, &parameters);
}
