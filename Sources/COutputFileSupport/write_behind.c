/* The write-behind writer (write_behind.h).
 *
 * The caller fills one block at a time; a full block joins a queue that
 * the writer's thread empties in file order, one write() a block. With
 * three blocks, the caller waits only while two full blocks wait for the
 * disk. The thread writes with O_DIRECT where the file system allows it:
 * the block goes from this memory to the disk, with no copy into the page
 * cache and none of the page cache's bookkeeping, which cost more than
 * the copy (see NH_WRITE_BEHIND_BLOCK_BYTES). Where direct I/O is refused,
 * it writes through the page cache and asks the kernel after each block to
 * write the file out and drop what it has written (POSIX_FADV_DONTNEED),
 * so the final fsync has little left to do and the export does not crowd
 * other files out of memory.
 *
 * In C, with a pthread mutex of its own rather than the Swift `Locking`
 * module: the blocks are raw aligned memory shared with a thread, which
 * Swift could only pass around as unchecked-Sendable pointers. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "write_behind.h"

/* One being filled, two waiting for the disk or being written. */
enum { BLOCKS = 3 };

/* Where a block starts. Direct I/O needs the device's logical block (512
 * bytes here), which any page boundary is. A 2 MiB boundary also lets the
 * kernel back the block with huge pages (MADV_HUGEPAGE, where it has
 * them): a page fault per 2 MiB when the block is first filled, not one per
 * 4 KiB, and 2 pages to pin for each direct write instead of 1,024. */
enum { ALIGNMENT = 2 << 20 };

/* The length every direct write is a multiple of, and where it may start
 * in the file: the page, which covers devices of 512-byte and of 4 KiB
 * logical blocks. */
enum { DIRECT_UNIT = 4096 };

struct nh_write_behind {
    int fd;

    /* The caller's. */
    char *blocks[BLOCKS];  /* allocated when first needed */
    int filling;           /* the block being filled, or -1 */
    size_t filled;         /* bytes in it */
    int started;           /* the thread runs */
    pthread_t thread;

    /* Shared, under `lock`; `changed` is signalled on every change. */
    pthread_mutex_t lock;
    pthread_cond_t changed;
    int queue[BLOCKS];     /* full blocks, in file order; the first is being written */
    int queued;
    int error;             /* errno of the first failed write, or 0 */
    int closing;           /* nothing more will be queued */
    int abandoned;         /* write nothing more */

    /* The thread's until it is joined. */
    int direct;            /* O_DIRECT is on */
};

static int set_direct(int fd, int on) {
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0) return -1;
    return fcntl(fd, F_SETFL, on ? (flags | O_DIRECT) : (flags & ~O_DIRECT));
}

/* Writes all of `bytes`, going on without direct I/O where it is refused
 * (EINVAL: a file system that takes O_DIRECT but not for this write, or a
 * short write that left the offset unaligned). Returns 0 or an errno. */
static int write_all(int fd, const char *bytes, size_t count, int *direct) {
    while (count > 0) {
        ssize_t written = write(fd, bytes, count);
        if (written > 0) {
            bytes += written;
            count -= (size_t)written;
            continue;
        }
        if (written < 0 && errno == EINTR) continue;
        if (written < 0 && errno == EINVAL && *direct && set_direct(fd, 0) == 0) {
            *direct = 0;
            continue;
        }
        return written < 0 ? errno : EIO;
    }
    return 0;
}

static void *write_blocks(void *argument) {
    nh_write_behind *writer = argument;
    /* Named like the host's threads ("nh reader", "nh job 1"), for whoever
     * looks at a running process (top -H, gdb, perf). */
    (void)pthread_setname_np(pthread_self(), "nh writer");
    pthread_mutex_lock(&writer->lock);
    for (;;) {
        while (writer->queued == 0 && !writer->closing) pthread_cond_wait(&writer->changed, &writer->lock);
        if (writer->queued == 0) break;
        int index = writer->queue[0];
        int skip = writer->error != 0 || writer->abandoned;
        pthread_mutex_unlock(&writer->lock);

        int error = skip ? 0 : write_all(writer->fd, writer->blocks[index], NH_WRITE_BEHIND_BLOCK_BYTES, &writer->direct);
        if (!skip && !error && !writer->direct) (void)posix_fadvise(writer->fd, 0, 0, POSIX_FADV_DONTNEED);

        pthread_mutex_lock(&writer->lock);
        if (error && writer->error == 0) writer->error = error;
        writer->queued -= 1;
        memmove(writer->queue, writer->queue + 1, (size_t)writer->queued * sizeof writer->queue[0]);
        pthread_cond_broadcast(&writer->changed);
    }
    pthread_mutex_unlock(&writer->lock);
    return NULL;
}

nh_write_behind *nh_write_behind_open(int fd) {
    nh_write_behind *writer = calloc(1, sizeof *writer);
    if (writer == NULL) return NULL;
    writer->fd = fd;
    writer->filling = -1;
    if (pthread_mutex_init(&writer->lock, NULL) != 0) {
        free(writer);
        return NULL;
    }
    if (pthread_cond_init(&writer->changed, NULL) != 0) {
        pthread_mutex_destroy(&writer->lock);
        free(writer);
        return NULL;
    }
    return writer;
}

/* The thread's stack: it only calls write() and waits, and the default
 * (8 MiB of address space) would count against a worker's memory limit. */
enum { STACK_BYTES = 256 << 10 };

/* Starts the thread, with direct I/O on where the file system allows it and
 * every signal blocked: signals go to the threads that expect them. */
static int start(nh_write_behind *writer) {
    pthread_attr_t attributes;
    int error = pthread_attr_init(&attributes);
    if (error != 0) return error;
    writer->direct = set_direct(writer->fd, 1) == 0;
    (void)pthread_attr_setstacksize(&attributes, STACK_BYTES);
    sigset_t all, previous;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &previous);
    error = pthread_create(&writer->thread, &attributes, write_blocks, writer);
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    pthread_attr_destroy(&attributes);
    if (error != 0) {
        if (writer->direct) (void)set_direct(writer->fd, 0);
        return error;
    }
    writer->started = 1;
    return 0;
}

/* Copies `count` bytes into a block. Nothing reads a block again but the
 * disk (direct I/O) or the kernel's one copy of it, so on x86 the copy
 * goes around the caches (non-temporal stores). Through them, the whole
 * export streamed through the last-level cache and pushed out what the
 * workers' plugins were using: with it, the chain without the exporter was
 * 12.7 % faster than with it; without it, 10.9 % (median of 100 paired
 * rounds, together with the huge pages of ALIGNMENT; docs/performance.md).
 * Non-temporal stores are weakly ordered: `fence` makes them visible
 * before the block is handed on. */
static void copy_in(char *to, const char *from, size_t count) {
#if defined(__SSE2__)
    size_t head = (size_t)(-(uintptr_t)to & 15);
    if (head > count) head = count;
    memcpy(to, from, head);
    to += head, from += head, count -= head;
    for (; count >= 64; count -= 64, to += 64, from += 64) {
        __m128i a = _mm_loadu_si128((const __m128i *)from), b = _mm_loadu_si128((const __m128i *)(from + 16));
        __m128i c = _mm_loadu_si128((const __m128i *)(from + 32)), d = _mm_loadu_si128((const __m128i *)(from + 48));
        _mm_stream_si128((__m128i *)to, a);
        _mm_stream_si128((__m128i *)(to + 16), b);
        _mm_stream_si128((__m128i *)(to + 32), c);
        _mm_stream_si128((__m128i *)(to + 48), d);
    }
    for (; count >= 16; count -= 16, to += 16, from += 16) {
        _mm_stream_si128((__m128i *)to, _mm_loadu_si128((const __m128i *)from));
    }
#endif
    memcpy(to, from, count);
}

static void fence(void) {
#if defined(__SSE2__)
    _mm_sfence();
#endif
}

/* Queues the full block being filled. Returns the first failure so far. */
static int hand_over(nh_write_behind *writer) {
    if (!writer->started) {
        int error = start(writer);
        if (error != 0) return error;
    }
    fence();
    pthread_mutex_lock(&writer->lock);
    writer->queue[writer->queued++] = writer->filling;
    pthread_cond_broadcast(&writer->changed);
    int error = writer->error;
    pthread_mutex_unlock(&writer->lock);
    writer->filling = -1;
    writer->filled = 0;
    return error;
}

/* Whether block `index` waits in the queue or is being written; under `lock`. */
static int is_queued(const nh_write_behind *writer, int index) {
    for (int position = 0; position < writer->queued; position++) {
        if (writer->queue[position] == index) return 1;
    }
    return 0;
}

/* A block of memory of its own, on an ALIGNMENT boundary: mapped with
 * room to spare, which is given back on either side of the boundary (an
 * allocator's aligned block would keep the spare room as well). NULL when
 * memory is short. */
static char *map_block(void) {
    size_t size = NH_WRITE_BEHIND_BLOCK_BYTES + ALIGNMENT;
    char *mapping = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapping == MAP_FAILED) return NULL;
    size_t before = (size_t)(-(uintptr_t)mapping & (ALIGNMENT - 1));
    char *block = mapping + before;
    if (before > 0) (void)munmap(mapping, before);
    (void)munmap(block + NH_WRITE_BEHIND_BLOCK_BYTES, size - before - NH_WRITE_BEHIND_BLOCK_BYTES);
    (void)madvise(block, NH_WRITE_BEHIND_BLOCK_BYTES, MADV_HUGEPAGE);
    return block;
}

/* Makes a free block (not queued: the caller fills one at a time) the one
 * being filled, waiting for one if need be. */
static int take_block(nh_write_behind *writer) {
    int index = -1, error = 0;
    pthread_mutex_lock(&writer->lock);
    for (;;) {
        error = writer->error;
        if (error != 0) break;
        for (int candidate = 0; candidate < BLOCKS && index < 0; candidate++) {
            if (!is_queued(writer, candidate)) index = candidate;
        }
        if (index >= 0) break;
        pthread_cond_wait(&writer->changed, &writer->lock);
    }
    pthread_mutex_unlock(&writer->lock);
    if (error != 0) return error;
    if (writer->blocks[index] == NULL) {
        writer->blocks[index] = map_block();
        if (writer->blocks[index] == NULL) return ENOMEM;
    }
    writer->filling = index;
    writer->filled = 0;
    return 0;
}

int nh_write_behind_append(nh_write_behind *writer, const void *bytes, size_t count) {
    const char *from = bytes;
    while (count > 0) {
        if (writer->filling < 0) {
            int error = take_block(writer);
            if (error != 0) return error;
        }
        size_t room = NH_WRITE_BEHIND_BLOCK_BYTES - writer->filled;
        size_t part = count < room ? count : room;
        copy_in(writer->blocks[writer->filling] + writer->filled, from, part);
        writer->filled += part;
        from += part;
        count -= part;
        if (writer->filled == NH_WRITE_BEHIND_BLOCK_BYTES) {
            int error = hand_over(writer);
            if (error != 0) return error;
        }
    }
    return 0;
}

/* Joins the thread (if it runs) once it has done what `abandon` says, and
 * returns the first failure. */
static int stop(nh_write_behind *writer, int abandon) {
    if (!writer->started) return 0;
    pthread_mutex_lock(&writer->lock);
    writer->closing = 1;
    writer->abandoned = abandon;
    pthread_cond_broadcast(&writer->changed);
    pthread_mutex_unlock(&writer->lock);
    pthread_join(writer->thread, NULL);
    writer->started = 0;
    return writer->error;
}

static void release(nh_write_behind *writer) {
    for (int index = 0; index < BLOCKS; index++) {
        if (writer->blocks[index] != NULL) (void)munmap(writer->blocks[index], NH_WRITE_BEHIND_BLOCK_BYTES);
    }
    pthread_cond_destroy(&writer->changed);
    pthread_mutex_destroy(&writer->lock);
    free(writer);
}

int nh_write_behind_close(nh_write_behind *writer) {
    int error = stop(writer, 0);
    fence();
    if (error == 0 && writer->filling >= 0 && writer->filled > 0) {
        /* The last block is not whole: its whole pages go directly, like
         * the blocks before it, and only the rest through the page cache,
         * which takes any length. Through the page cache, the last block
         * was a copy of up to 4 MiB after every worker had finished, while
         * the rest of the machine waited. */
        const char *last = writer->blocks[writer->filling];
        size_t direct_part = writer->direct ? writer->filled & ~(size_t)(DIRECT_UNIT - 1) : 0;
        /* (write_all of nothing writes nothing.) */
        error = write_all(writer->fd, last, direct_part, &writer->direct);
        if (error == 0 && writer->direct && set_direct(writer->fd, 0) != 0) error = errno;
        writer->direct = 0;
        if (error == 0) error = write_all(writer->fd, last + direct_part, writer->filled - direct_part, &writer->direct);
    }
    release(writer);
    return error;
}

void nh_write_behind_abandon(nh_write_behind *writer) {
    (void)stop(writer, 1);
    release(writer);
}
