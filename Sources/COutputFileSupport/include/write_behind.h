/* A file written from behind: the caller copies its bytes into large
 * blocks and goes on, while a thread of the writer's own hands each full
 * block to the kernel. What OutputFiles uses for the temporary file an
 * export is written to. */
#ifndef NEWSHOST_WRITE_BEHIND_H
#define NEWSHOST_WRITE_BEHIND_H

#include <stddef.h>

/** A writer for one file descriptor. One thread at a time calls it. */
typedef struct nh_write_behind nh_write_behind;

/** Bytes in one block: a whole number of pages, so that every block starts
 *  and ends where direct I/O may (4 MiB: 400 MB written in 4 MiB direct
 *  writes cost 0.02 s of system time, in 256 KiB ones 0.07 s, through the
 *  page cache 0.14 s; ext4 on virtio, Linux 6.18). */
#define NH_WRITE_BEHIND_BLOCK_BYTES ((size_t)4 << 20)

/** Starts writing `fd`, an empty regular file opened for writing at offset
 *  0, which the writer does not close. Nothing is allocated and no thread
 *  is started until the first block is full. Returns NULL when memory is
 *  short. */
nh_write_behind *nh_write_behind_open(int fd);

/** Appends `count` bytes. Returns 0, or the errno of the first write that
 *  failed, here or before (the file is then incomplete, and every later
 *  call returns the same). Waits while every block is waiting for the disk. */
int nh_write_behind_append(nh_write_behind *writer, const void *bytes, size_t count);

/** Writes what is left, waits until every block is written, and frees the
 *  writer. Returns 0, or the errno of the first write that failed. The
 *  file still needs fsync to be durable. */
int nh_write_behind_close(nh_write_behind *writer);

/** Stops writing, waits for the block in progress, and frees the writer:
 *  for a file that is deleted next. */
void nh_write_behind_abandon(nh_write_behind *writer);

#endif
