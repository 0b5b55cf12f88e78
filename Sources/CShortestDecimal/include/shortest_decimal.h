/* The text of a double as JSON writes it: the shortest decimal that reads
 * back as the same double, in positional notation. One path, exact integer
 * arithmetic, for the doubles of everyday data (scores, weights, counts);
 * the caller formats the others its own way. */
#ifndef NEWSHOST_SHORTEST_DECIMAL_H
#define NEWSHOST_SHORTEST_DECIMAL_H

#include <stddef.h>
#include <stdint.h>

/* The most bytes nh_shortest_decimal writes. */
#define NH_SHORTEST_DECIMAL_MAX 32

/* Writes the shortest decimal that reads back as `value` to `text` (room
 * for NH_SHORTEST_DECIMAL_MAX bytes, no terminating NUL) and returns its
 * length, or writes nothing and returns 0 when `value` is outside what
 * this path covers.
 *
 * Covered: finite doubles whose magnitude is at least 2^-13 (about
 * 0.000122) and below 2^53. Among the decimals of fewest digits that read
 * back as `value`, the one closest to it (an even last digit on a tie),
 * written as Swift's `Double.description` writes it in this range: an
 * optional "-", digits, a "." and at least one digit after it ("1.0",
 * "0.001", "0.9439889690251488"). Not covered: zero, magnitudes below
 * 2^-13 or from 2^53 (which `description` writes with an exponent),
 * subnormals, infinities and NaN. */
size_t nh_shortest_decimal(double value, uint8_t *text);

#endif
