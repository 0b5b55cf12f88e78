#include "shortest_decimal.h"

#include <stdint.h>
#include <string.h>

/* The method is Raffaello Giulietti's Schubfach ("The Schubfach way to
 * render doubles", 2021), with exact arithmetic in place of its table of
 * rounded powers of ten: in the range covered, a double is c * 2^q with
 * 2^52 <= c < 2^53 and -65 <= q <= 0, the power of ten it is scaled by is
 * 10^0 to 10^20, and every product fits in 128 bits.
 *
 * The pass, for v = c * 2^q:
 * 1. The rounding interval R: the numbers that read back as v, half way
 *    to each neighbour, the ends included when c is even (a reader rounds
 *    a tie to the even neighbour). Below a power of two (c = 2^52) the
 *    neighbour is twice as near.
 * 2. A power 10^k that makes R between 1 and 10 units wide, so that it
 *    holds at least one multiple of 10^k and at most one of 10^(k+1).
 * 3. v, and R's ends, in units of 10^k / 4, rounded down, with the lowest
 *    bit set when the division had a remainder ("sticky"): comparisons
 *    with any multiple of 4 then come out as they would exactly.
 * 4. The multiple of 10^(k+1) in R if there is one (a digit fewer), else
 *    the multiple of 10^k in R nearer v.
 * 5. The digits without trailing zeros, placed around the point. */

typedef unsigned __int128 u128;

/* The exponents of two covered (see the header): 2^-13 <= |v| < 2^53. */
enum { LOWEST_Q = -65, HIGHEST_Q = 0 };

static const uint64_t POWERS_OF_TEN[20] = {
    1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull, 10000000ull, 100000000ull,
    1000000000ull, 10000000000ull, 100000000000ull, 1000000000000ull, 10000000000000ull,
    100000000000000ull, 1000000000000000ull, 10000000000000000ull, 100000000000000000ull,
    1000000000000000000ull, 10000000000000000000ull,
};

/* 10^exponent, 0 <= exponent <= 20 (10^20 is above 2^64). */
static u128 power_of_ten(int exponent) {
    return exponent < 20 ? (u128)POWERS_OF_TEN[exponent] : (u128)POWERS_OF_TEN[19] * 10;
}

/* floor(log10(2^q)) and floor(log10(3/4 * 2^q)), exact for |q| <= 1,100
 * (checked with exact fractions): 315653 / 2^20 is log10(2) to seven
 * digits (Giulietti). `>>` of a negative int rounds down on the compilers
 * Swift builds with (an arithmetic shift). */
static int floor_log10_pow2(int q) { return (q * 315653) >> 20; }
static int floor_log10_three_quarters_pow2(int q) { return (q * 315653 - 131237) >> 20; }

/* floor(n / 2^shift), with bit 0 set when the division leaves a remainder. */
static uint64_t floor_sticky(u128 n, int shift) {
    u128 quotient = n >> shift;
    return (uint64_t)quotient | (uint64_t)((quotient << shift) != n);
}

/* "00" to "99": two digits a division. */
static const char DIGIT_PAIRS[] =
    "0001020304050607080910111213141516171819202122232425262728293031323334353637383940414243444546474849"
    "5051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899";

/* The eight digits of `chunk` (< 10^8, leading zeros written) ending at
 * `end`: four pairs from two halves, in 32-bit arithmetic. */
static void write_eight_digits(uint32_t chunk, char *end) {
    uint32_t high = chunk / 10000, low = chunk % 10000;
    memcpy(end - 8, DIGIT_PAIRS + 2 * (high / 100), 2);
    memcpy(end - 6, DIGIT_PAIRS + 2 * (high % 100), 2);
    memcpy(end - 4, DIGIT_PAIRS + 2 * (low / 100), 2);
    memcpy(end - 2, DIGIT_PAIRS + 2 * (low % 100), 2);
}

/* The decimal digits of `n` (> 0) ending at `end`; returns how many: eight
 * at a time while more than eight are left (a double's are up to 17), then
 * two at a time. */
static int write_digits(uint64_t n, char *end) {
    char *cursor = end;
    while (n >= 100000000) {
        cursor -= 8;
        write_eight_digits((uint32_t)(n % 100000000), cursor + 8);
        n /= 100000000;
    }
    uint32_t rest = (uint32_t)n;
    while (rest >= 100) {
        cursor -= 2;
        memcpy(cursor, DIGIT_PAIRS + 2 * (rest % 100), 2);
        rest /= 100;
    }
    if (rest >= 10) {
        cursor -= 2;
        memcpy(cursor, DIGIT_PAIRS + 2 * rest, 2);
    } else {
        *--cursor = (char)('0' + rest);
    }
    return (int)(end - cursor);
}

size_t nh_shortest_decimal(double value, uint8_t *text) {
    uint64_t bits;
    memcpy(&bits, &value, sizeof bits);
    int biased_exponent = (int)((bits >> 52) & 0x7FF);
    uint64_t fraction = bits & ((1ull << 52) - 1);
    int q = biased_exponent - 1075;
    /* Zero and subnormals have a biased exponent of 0, infinities and NaN
     * of 0x7FF: all outside [LOWEST_Q, HIGHEST_Q]. */
    if (q < LOWEST_Q || q > HIGHEST_Q) return 0;
    uint64_t c = fraction | (1ull << 52);

    /* 1. R in units of 2^q / 4 (the lower end nearer below a power of two). */
    int below_power_of_two = fraction == 0;
    uint64_t cb = c << 2, cb_low = cb - (below_power_of_two ? 1 : 2), cb_high = cb + 2;
    /* An odd c: R's ends read back as the neighbours, so they are out. */
    uint64_t ends_out = c & 1;

    /* 2. R is 2^q wide (3/4 of that below a power of two); k <= 0 here. */
    int k = below_power_of_two ? floor_log10_three_quarters_pow2(q) : floor_log10_pow2(q);
    u128 scale = power_of_ten(-k);

    /* 3. 4 * v / 10^k = cb * 10^-k / 2^-q, and R's ends alike. */
    uint64_t vb = floor_sticky((u128)cb * scale, -q);
    uint64_t vb_low = floor_sticky((u128)cb_low * scale, -q);
    uint64_t vb_high = floor_sticky((u128)cb_high * scale, -q);

    /* 4. s <= v / 10^k < s + 1, in units of 10^k. */
    uint64_t s = vb >> 2, digits;
    uint64_t tens_below = s / 10 * 10, tens_above = tens_below + 10;
    int below_in = vb_low + ends_out <= tens_below << 2;
    int above_in = (tens_above << 2) + ends_out <= vb_high;
    if (below_in != above_in) {
        digits = below_in ? tens_below : tens_above;
    } else {
        uint64_t t = s + 1;
        int s_in = vb_low + ends_out <= s << 2;
        int t_in = (t << 2) + ends_out <= vb_high;
        if (s_in != t_in) {
            digits = s_in ? s : t;
        } else {
            /* Both in R: the nearer, the even one on a tie. */
            int64_t above_middle = (int64_t)(vb - ((s + t) << 1));
            digits = above_middle < 0 || (above_middle == 0 && (s & 1) == 0) ? s : t;
        }
    }

    /* 5. v is about digits * 10^exponent. */
    int exponent = k;
    while (digits % 10 == 0) {
        digits /= 10;
        exponent++;
    }
    /* The pieces are placed with copies of a fixed size, which compile
     * to a few vector moves where a copy of the exact size is a call:
     * what lies past the text's end in `line` is never counted. */
    char scratch[48];
    int count = write_digits(digits, scratch + 24);
    const char *first = scratch + 24 - count;
    char line[64];
    char *start = line + (bits >> 63);
    line[0] = '-';
    int before_point = count + exponent, length;
    if (exponent >= 0) {
        /* A whole number below 2^53: its digits, up to 15 zeros, ".0". */
        memcpy(start, first, 24);
        memcpy(start + count, "0000000000000000", 16);
        memcpy(start + before_point, ".0", 2);
        length = before_point + 2;
    } else if (before_point > 0) {
        memcpy(start, first, 24);
        start[before_point] = '.';
        memcpy(start + before_point + 1, first + before_point, 24);
        length = count + 1;
    } else {
        /* Below 1 (and from 2^-13): "0.", up to 3 zeros, the digits. */
        memcpy(start, "0.000", 5);
        memcpy(start + 2 - before_point, first, 24);
        length = 2 - before_point + count;
    }
    length += (int)(start - line);
    memcpy(text, line, NH_SHORTEST_DECIMAL_MAX);
    return (size_t)length;
}
