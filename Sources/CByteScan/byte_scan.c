#include "byte_scan.h"

#include "cpu_features.h"

#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#elif defined(__ARM_NEON)
#include <arm_neon.h>
#endif

static int is_json_special(uint8_t byte) { return byte < 0x20 || byte == 0x22 || byte == 0x5C; }

#if defined(__SSE2__)
/* 0xFF where a byte of `block` is special, else 0. The control characters
 * and the quote in one compare: XOR with 0x02 keeps 0x00-0x1F among
 * themselves and turns the quote (0x22) into 0x20, the one other byte at
 * most 0x20 after it (0x20 itself becomes 0x22); an unsigned byte is at
 * most 0x20 when the smaller of it and 0x20 is itself. */
static __m128i special_bytes(__m128i block) {
    __m128i flipped = _mm_xor_si128(block, _mm_set1_epi8(0x02));
    __m128i control_or_quote = _mm_cmpeq_epi8(_mm_min_epu8(flipped, _mm_set1_epi8(0x20)), flipped);
    return _mm_or_si128(control_or_quote, _mm_cmpeq_epi8(block, _mm_set1_epi8(0x5C)));
}

/* One bit per byte of `block` (the first byte in bit 0), set when it is special. */
static unsigned special_mask(__m128i block) { return (unsigned)_mm_movemask_epi8(special_bytes(block)); }

static __m128i load16(const uint8_t *bytes) { return _mm_loadu_si128((const __m128i *)(const void *)bytes); }

/* `width` bytes (8 or 4) at `low` and as many at `high`, which may overlap
 * them, in one block: `low`'s in bits 0-7 of the mask, `high`'s in 8-15. */
static __m128i two_words(const uint8_t *low, const uint8_t *high, size_t width) {
    uint64_t first = 0, second = 0;
    /* Constant sizes, which compile to plain loads. */
    if (width == 8) {
        memcpy(&first, low, 8);
        memcpy(&second, high, 8);
    } else {
        uint32_t low4, high4;
        memcpy(&low4, low, 4);
        memcpy(&high4, high, 4);
        first = low4;
        second = high4;
    }
    return _mm_set_epi64x((long long)second, (long long)first);
}
#endif

size_t nh_scan_json_special(const uint8_t *bytes, size_t count, size_t start) {
    size_t index = start;
    if (index >= count) return count;
#if defined(__SSE2__)
    /* Long texts (paragraphs) 64 bytes a step, one test for the four
     * blocks; the block with the first special byte is found 16 at a time. */
    while (count - index >= 64) {
        const uint8_t *step = bytes + index;
        __m128i any = _mm_or_si128(_mm_or_si128(special_bytes(load16(step)), special_bytes(load16(step + 16))),
                                   _mm_or_si128(special_bytes(load16(step + 32)), special_bytes(load16(step + 48))));
        if (_mm_movemask_epi8(any) != 0) break;
        index += 64;
    }
    while (count - index >= 16) {
        unsigned mask = special_mask(load16(bytes + index));
        if (mask != 0) return index + (size_t)__builtin_ctz(mask);
        index += 16;
    }
    /* The last 1-15 bytes: two loads that may overlap, the first from
     * `index`, the second ending at `count`. Nothing special was in the
     * first, so the first mark of the second is the answer. */
    size_t remaining = count - index;
    if (remaining >= 4) {
        size_t width = remaining >= 8 ? 8 : 4;
        const uint8_t *high = bytes + count - width;
        __m128i block = two_words(bytes + index, high, width);
        unsigned mask = special_mask(block);
        unsigned low = mask & ((1u << width) - 1), later = (mask >> 8) & ((1u << width) - 1);
        if (low != 0) return index + (size_t)__builtin_ctz(low);
        return later != 0 ? count - width + (size_t)__builtin_ctz(later) : count;
    }
#elif defined(__ARM_NEON)
    const uint8x16_t control_limit = vdupq_n_u8(0x20);
    const uint8x16_t quote = vdupq_n_u8(0x22);
    const uint8x16_t backslash = vdupq_n_u8(0x5C);
    while (count - index >= 16) {
        uint8x16_t block = vld1q_u8(bytes + index);
        uint8x16_t special = vorrq_u8(
            vcltq_u8(block, control_limit), vorrq_u8(vceqq_u8(block, quote), vceqq_u8(block, backslash)));
        if (vmaxvq_u8(special) != 0) break; /* found below, in the byte loop */
        index += 16;
    }
#endif
    while (index < count && !is_json_special(bytes[index])) index++;
    return index;
}

/* `count` bytes (`width` to 2 * `width`) as two words of `width` bytes (a
 * constant where it is inlined, so the copies are plain loads and stores),
 * which overlap unless `count` is 2 * `width`. */
static inline void copy_two_words(uint8_t *to, const uint8_t *from, size_t count, size_t width) {
    uint64_t head = 0, tail = 0;
    memcpy(&head, from, width);
    memcpy(&tail, from + count - width, width);
    memcpy(to, &head, width);
    memcpy(to + count - width, &tail, width);
}

void nh_copy_bytes(uint8_t *to, const uint8_t *from, size_t count) {
    if (count >= 16) {
        memcpy(to, from, count);
    } else if (count >= 8) {
        copy_two_words(to, from, count, 8);
    } else if (count >= 4) {
        copy_two_words(to, from, count, 4);
    } else {
        for (size_t index = 0; index < count; index++) to[index] = from[index];
    }
}

size_t nh_json_plain_string(uint8_t *out, const uint8_t *prefix, size_t prefix_count, const uint8_t *text,
                            size_t count) {
    if (nh_scan_json_special(text, count, 0) != count) return 0;
    uint8_t *cursor = out;
    nh_copy_bytes(cursor, prefix, prefix_count);
    cursor += prefix_count;
    *cursor++ = '"';
    nh_copy_bytes(cursor, text, count);
    cursor += count;
    *cursor++ = '"';
    return (size_t)(cursor - out);
}

size_t nh_scan_byte(const uint8_t *bytes, size_t count, size_t start, uint8_t byte) {
    if (start >= count) return count;
    const uint8_t *found = memchr(bytes + start, byte, count - start);
    return found == NULL ? count : (size_t)(found - bytes);
}

#if defined(__x86_64__)
#include <tmmintrin.h>

/* What a pair of bytes (the one before and the one at a position) can get
 * wrong, one bit per error; three table lookups (the first byte's high and
 * low nibble, the second byte's high nibble) each give the errors its
 * nibble allows, and an error is real when all three allow it. */
enum {
    TOO_SHORT = 1 << 0,      /* a lead, then no continuation: 11______ 0_______ or 11______ 11______ */
    TOO_LONG = 1 << 1,       /* a continuation after ASCII: 0_______ 10______ */
    OVERLONG_3 = 1 << 2,     /* 11100000 100_____ */
    TOO_LARGE = 1 << 3,      /* above U+10FFFF: 11110100 1001____, 11110100 101_____, 111101__ 10______ (beyond F4) */
    SURROGATE = 1 << 4,      /* 11101101 101_____ */
    OVERLONG_2 = 1 << 5,     /* 1100000_ 10______ */
    TOO_LARGE_1000 = 1 << 6, /* 11110101 1000____ and above */
    OVERLONG_4 = 1 << 6,     /* 11110000 1000____ */
    TWO_CONTS = 1 << 7,      /* a continuation after a continuation: 10______ 10______ */
    CARRY = TOO_SHORT | TOO_LONG | TWO_CONTS,
};

#define NH_BYTES16(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p)                                                    \
    _mm_setr_epi8((char)(a), (char)(b), (char)(c), (char)(d), (char)(e), (char)(f), (char)(g), (char)(h), (char)(i), \
                  (char)(j), (char)(k), (char)(l), (char)(m), (char)(n), (char)(o), (char)(p))

__attribute__((target("ssse3"))) static __m128i nibble_lookup(__m128i table, __m128i nibbles) {
    return _mm_shuffle_epi8(table, _mm_and_si128(nibbles, _mm_set1_epi8(0x0F)));
}

__attribute__((target("ssse3"))) static int utf8_valid_ssse3(const uint8_t *bytes, size_t count) {
    const __m128i first_high = NH_BYTES16(
        TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, /* 0___: ASCII */
        TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS,                                     /* 10__: continuation */
        TOO_SHORT | OVERLONG_2,                                                         /* 1100 */
        TOO_SHORT,                                                                      /* 1101 */
        TOO_SHORT | OVERLONG_3 | SURROGATE,                                             /* 1110 */
        TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4);                           /* 1111 */
    const __m128i first_low = NH_BYTES16(
        CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4,      /* ____0000 */
        CARRY | OVERLONG_2,                                /* ____0001 */
        CARRY, CARRY,                                      /* ____001_ */
        CARRY | TOO_LARGE,                                 /* ____0100 */
        CARRY | TOO_LARGE | TOO_LARGE_1000,                /* ____0101 */
        CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000, /* ____011_ */
        CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000, /* ____100_ */
        CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000, /* ____101_ */
        CARRY | TOO_LARGE | TOO_LARGE_1000,                /* ____1100 */
        CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE,    /* ____1101 */
        CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000); /* ____111_ */
    const __m128i second_high = NH_BYTES16(
        TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, /* 0___: ASCII */
        TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4,          /* 1000 */
        TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE,                             /* 1001 */
        TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,                              /* 1010 */
        TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,                              /* 1011 */
        TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT);                                            /* 11__: lead */
    /* A block's last three bytes: a lead there needs bytes of the next. */
    const __m128i incomplete_above = NH_BYTES16(
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xF0 - 1, 0xE0 - 1, 0xC0 - 1);
    __m128i error = _mm_setzero_si128();
    __m128i previous = _mm_setzero_si128();
    __m128i incomplete = _mm_setzero_si128();
    for (size_t index = 0; index < count; index += 16) {
        __m128i input;
        if (count - index >= 16) {
            input = _mm_loadu_si128((const __m128i *)(const void *)(bytes + index));
        } else {
            /* The last bytes, then zeros: ASCII, after which a lead left
             * open is an error like any other. */
            uint8_t padded[16] = {0};
            memcpy(padded, bytes + index, count - index);
            input = _mm_loadu_si128((const __m128i *)(const void *)padded);
        }
        if (_mm_movemask_epi8(input) == 0) {
            /* All ASCII: only a sequence left open by the block before can be wrong. */
            error = _mm_or_si128(error, incomplete);
        } else {
            __m128i before1 = _mm_alignr_epi8(input, previous, 15);
            __m128i special = _mm_and_si128(
                _mm_and_si128(nibble_lookup(first_high, _mm_srli_epi16(before1, 4)), nibble_lookup(first_low, before1)),
                nibble_lookup(second_high, _mm_srli_epi16(input, 4)));
            /* Where a three- or four-byte sequence needs its third or fourth byte. */
            __m128i third = _mm_subs_epu8(_mm_alignr_epi8(input, previous, 14), _mm_set1_epi8((char)(0xE0 - 0x80)));
            __m128i fourth = _mm_subs_epu8(_mm_alignr_epi8(input, previous, 13), _mm_set1_epi8((char)(0xF0 - 0x80)));
            __m128i needed = _mm_and_si128(_mm_or_si128(third, fourth), _mm_set1_epi8((char)0x80));
            error = _mm_or_si128(error, _mm_xor_si128(needed, special));
            incomplete = _mm_subs_epu8(input, incomplete_above);
        }
        previous = input;
    }
    error = _mm_or_si128(error, incomplete);
    return _mm_movemask_epi8(_mm_cmpeq_epi8(error, _mm_setzero_si128())) == 0xFFFF;
}

int nh_scan_utf8_valid(const uint8_t *bytes, size_t count) {
    if (!nh_cpu_has_ssse3()) return -1;
    return utf8_valid_ssse3(bytes, count);
}
#else
int nh_scan_utf8_valid(const uint8_t *bytes, size_t count) {
    (void)bytes;
    (void)count;
    return -1;
}
#endif
