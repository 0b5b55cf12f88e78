/* Summarize's PageRank, four nodes at a time with the widest
 * vectors the processor has (AVX: four doubles an instruction, where the
 * baseline x86-64 or Swift's SIMD4 take two). The arithmetic is the same
 * on every path, term by term in the same order, so every path gives the
 * same scores to the bit. */
#ifndef NEWSHOST_PAGERANK_STEP_H
#define NEWSHOST_PAGERANK_STEP_H

#include <stddef.h>

/* next[i] = base + sum over j of flows[j * 4 * groups + i] * scores[j],
 * for i < 4 * groups, the terms added in the order of j, each product
 * rounded before its addition (no fused multiply-add). `flows` holds `n`
 * rows of `4 * groups` doubles; `scores` and `next` hold `4 * groups`.
 * Returns the largest |next[i] - scores[i]|. With `widest` 0 the baseline
 * path runs whatever the processor (for the tests, which compare them). */
double nh_pagerank_step(const double *flows, const double *scores, double *next, size_t n, size_t groups,
                        double base, int widest);

/* Turns the `n` rows of `4 * groups` edge weights at `weights` into flows,
 * in place: row j's diagonal set to 0, then each weight w times `damping`
 * over the row's sum (added in order), or 0 where w is not above 0; a row
 * whose sum is not above 0 becomes zeros. `widest` as for the step. */
void nh_pagerank_flows(double *weights, size_t n, size_t groups, double damping, int widest);

/* Whether `nh_pagerank_step` has a wider path than the baseline on this
 * processor (AVX, with the system saving its registers). */
int nh_pagerank_step_is_wide(void);

#endif
