/* Byte scans sixteen bytes at a time (SSE2 on x86-64, NEON on aarch64; a
 * byte at a time elsewhere): the loops every byte of a JSON text passes
 * through, which Swift's portable SIMD types do not vectorize. */
#ifndef NEWSHOST_BYTE_SCAN_H
#define NEWSHOST_BYTE_SCAN_H

#include <stddef.h>
#include <stdint.h>

/* The offset of the first byte at or after `start` of the `count` bytes at
 * `bytes` that a JSON string literal cannot hold as it is: a control byte
 * (below 0x20), the quote (0x22) or the backslash (0x5C); `count` when
 * there is none (and when `start` >= `count`). `bytes` may be NULL only
 * when `count` is 0. */
size_t nh_scan_json_special(const uint8_t *bytes, size_t count, size_t start);

#endif
