/* Byte scans a vector at a time, which Swift's portable SIMD types do not
 * compile to: the loops every byte of the input and of a JSON text passes
 * through. Where a processor has no such path, each scan says what it
 * does instead. With them, the writes of JSON text that follow a scan:
 * short copies and plain strings without a call of memcpy each. */
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

/* Copies the `count` bytes at `from` to `to` (which do not overlap): the
 * short ones of JSON (keys, names, terms) with two loads and two stores
 * that may overlap, where a call of memcpy costs more than the copy. */
void nh_copy_bytes(uint8_t *to, const uint8_t *from, size_t count);

/* A JSON string with nothing to escape, after what comes before it:
 * writes the `prefix_count` bytes at `prefix` (a key with its colon, a
 * comma, or nothing), then the `count` bytes at `text` between quotes, to
 * `out`, which has room for `prefix_count + count + 2` bytes, and returns
 * how many it wrote (that many). When `text` holds a byte to escape (see
 * nh_scan_json_special) it writes nothing and returns 0. `prefix` and
 * `text` may be NULL only when their counts are 0. */
size_t nh_json_plain_string(uint8_t *out, const uint8_t *prefix, size_t prefix_count, const uint8_t *text,
                            size_t count);

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
