#include "byte_scan.h"

#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#elif defined(__ARM_NEON)
#include <arm_neon.h>
#endif

static int is_json_special(uint8_t byte) { return byte < 0x20 || byte == 0x22 || byte == 0x5C; }

#if defined(__SSE2__)
/* One bit per byte of `block` (the first byte in bit 0), set when it is special. */
static unsigned special_mask(__m128i block) {
    /* Unsigned byte <= 0x1F: the smaller of it and 0x1F is itself. */
    __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(block, _mm_set1_epi8(0x1F)), block);
    __m128i quote = _mm_cmpeq_epi8(block, _mm_set1_epi8(0x22));
    __m128i backslash = _mm_cmpeq_epi8(block, _mm_set1_epi8(0x5C));
    return (unsigned)_mm_movemask_epi8(_mm_or_si128(control, _mm_or_si128(quote, backslash)));
}

/* Eight (or four) bytes at `low` and as many at `high`, which may overlap
 * them, in one block: `low`'s in bits 0-7 of the mask, `high`'s in 8-15. */
static __m128i two_words(const uint8_t *low, const uint8_t *high) {
    uint64_t first, second;
    memcpy(&first, low, 8);
    memcpy(&second, high, 8);
    return _mm_set_epi64x((long long)second, (long long)first);
}

static __m128i two_halves(const uint8_t *low, const uint8_t *high) {
    uint32_t first, second;
    memcpy(&first, low, 4);
    memcpy(&second, high, 4);
    return _mm_set_epi64x((long long)second, (long long)first);
}
#endif

size_t nh_scan_json_special(const uint8_t *bytes, size_t count, size_t start) {
    size_t index = start;
    if (index >= count) return count;
#if defined(__SSE2__)
    while (count - index >= 16) {
        unsigned mask = special_mask(_mm_loadu_si128((const __m128i *)(const void *)(bytes + index)));
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
        __m128i block = width == 8 ? two_words(bytes + index, high) : two_halves(bytes + index, high);
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
