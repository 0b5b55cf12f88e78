/* Byte scans a vector at a time, which Swift's portable SIMD types do not
 * compile to: the loops every byte of the input and of a JSON text passes
 * through. Where a processor has no such path, each scan says what it
 * does instead. */
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

/* The offset of the first `byte` at or after `start` of the `count` bytes
 * at `bytes`, or `count` when there is none (the C library's `memchr`,
 * which is vectorized). `bytes` may be NULL only when `count` is 0. */
size_t nh_scan_byte(const uint8_t *bytes, size_t count, size_t start, uint8_t byte);

/* Whether the `count` bytes at `bytes` are valid UTF-8 (RFC 3629: shortest
 * forms only, no surrogates, nothing above U+10FFFF), sixteen bytes at a
 * time with SSSE3 table lookups (the method of Keiser and Lemire,
 * "Validating UTF-8 in less than one instruction per byte", 2021): 1 when
 * they are, 0 when they are not, and -1 when this machine has no such path
 * (not x86-64, or a processor without SSSE3), for the caller to check them
 * its own way. `bytes` may be NULL only when `count` is 0. */
int nh_scan_utf8_valid(const uint8_t *bytes, size_t count);

#endif
