/* An LD_PRELOAD counter of Swift retains by object and thread, for
 * Benchmarks/shared-retains.
 *
 * The host and the plugins call swift_retain and swift_bridgeObjectRetain
 * through the dynamic linker, so the definitions here run first: each
 * counts the object, marks the calling thread, notes the call site and
 * calls the runtime's own. At exit the objects that three or more threads
 * retained are written to $RETAIN_COUNTER_OUT, one line each: count,
 * threads, immortal (1 for the runtime's static objects, whose count is
 * never written), library and offset of the last call site.
 *
 * An object that every worker retains is a cache line they all write: on
 * many cores, each retain waits for the line to come back from another
 * core. An article is retained by one worker and the ordered stage, so
 * three threads is what sets shared objects apart; what the reader makes
 * and a worker and the ordered stage then retain (an input's name) counts
 * too, though those threads take turns rather than compete, and so does
 * an address that a later object reuses. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum { SLOTS = 1 << 22, PROBES = 64 };

typedef struct {
    _Atomic uintptr_t object;
    _Atomic uint64_t threads; /* one bit per thread, by order of its first retain (mod 64) */
    _Atomic uint64_t count;
    _Atomic uintptr_t site;
    _Atomic int immortal;
} slot;

static slot *table;
static atomic_int threads_seen;
static _Thread_local int thread_number = -1;

static void count(uintptr_t object, void *site) {
    if (object < 4096 || table == NULL) return;
    if (thread_number < 0) thread_number = atomic_fetch_add(&threads_seen, 1);
    uint64_t hash = (object * 0x9E3779B97F4A7C15ull) >> 42;
    for (unsigned probe = 0; probe < PROBES; probe++) {
        slot *entry = &table[(hash + probe) & (SLOTS - 1)];
        uintptr_t held = 0;
        if (atomic_compare_exchange_strong(&entry->object, &held, object)) {
            /* Read while the object is alive: a heap object's second word
             * is its reference count, whose top bit marks the runtime's
             * static (immortal) objects. */
            atomic_store(&entry->immortal, (int)(((const uint64_t *)object)[1] >> 63));
        } else if (held != object) {
            continue;
        }
        atomic_fetch_or(&entry->threads, 1ull << (thread_number & 63));
        atomic_fetch_add(&entry->count, 1);
        atomic_store(&entry->site, (uintptr_t)site);
        return;
    }
}

typedef void *(*retain_function)(void *);

void *swift_retain(void *object) {
    static retain_function runtime;
    if (runtime == NULL) runtime = (retain_function)dlsym(RTLD_NEXT, "swift_retain");
    count((uintptr_t)object, __builtin_return_address(0));
    return runtime(object);
}

/* A bridge object holds a native object's address in its low 60 bits; a
 * String's also says in its top bits whether it is immortal (bit 63: a
 * literal) or small (bit 61: no object at all). */
void *swift_bridgeObjectRetain(void *object) {
    static retain_function runtime;
    if (runtime == NULL) runtime = (retain_function)dlsym(RTLD_NEXT, "swift_bridgeObjectRetain");
    uintptr_t bits = (uintptr_t)object;
    if (!(bits >> 63) && !((bits >> 61) & 1)) count(bits & 0x0FFFFFFFFFFFFFF8ull, __builtin_return_address(0));
    return runtime(object);
}

__attribute__((constructor)) static void start(void) { table = calloc(SLOTS, sizeof(slot)); }

__attribute__((destructor)) static void report(void) {
    const char *path = getenv("RETAIN_COUNTER_OUT");
    FILE *out = path != NULL && table != NULL ? fopen(path, "w") : NULL;
    if (out == NULL) return;
    for (unsigned index = 0; index < SLOTS; index++) {
        slot *entry = &table[index];
        if (entry->object == 0 || __builtin_popcountll(entry->threads) < 3) continue;
        Dl_info info = {0};
        const char *library = dladdr((void *)entry->site, &info) && info.dli_fname ? info.dli_fname : "?";
        fprintf(out, "%llu\t%d\t%d\t%s\t0x%lx\n", (unsigned long long)entry->count, __builtin_popcountll(entry->threads),
                entry->immortal, library, (unsigned long)(entry->site - (uintptr_t)info.dli_fbase));
    }
    fclose(out);
}
