#include "pagerank_step.h"

#include "cpu_features.h"

/* A product is rounded before it is added, as Swift's SIMD arithmetic
 * does: contracting the two into a fused multiply-add would change the
 * scores in their last bits and so, now and then, an order of terms. */
#pragma STDC FP_CONTRACT OFF

/* Four doubles, read and written where a double may be (alignment 8, and
 * allowed to alias the doubles it covers). */
typedef double lanes __attribute__((vector_size(32), aligned(8), may_alias));
#define AT(pointer) (*(lanes *)(pointer))
#define READ(pointer) (*(const lanes *)(pointer))

/* The round itself, inlined into each path and compiled for its vectors:
 * two rows j at a time, each sum still adding j's term before j + 1's. */
static inline __attribute__((always_inline)) double step(const double *flows, const double *scores, double *next,
                                                         size_t n, size_t groups, double base) {
    const size_t width = 4 * groups;
    for (size_t lane = 0; lane < width; lane += 4) AT(next + lane) = (lanes){base, base, base, base};
    size_t j = 0;
    for (; j + 1 < n; j += 2) {
        const double a = scores[j], b = scores[j + 1];
        const lanes first = {a, a, a, a}, second = {b, b, b, b};
        const double *row = flows + j * width, *nextRow = row + width;
        for (size_t lane = 0; lane < width; lane += 4) {
            AT(next + lane) = AT(next + lane) + READ(row + lane) * first + READ(nextRow + lane) * second;
        }
    }
    if (j < n) {
        const double a = scores[j];
        const lanes only = {a, a, a, a};
        const double *row = flows + j * width;
        for (size_t lane = 0; lane < width; lane += 4) AT(next + lane) = AT(next + lane) + READ(row + lane) * only;
    }
    double moved = 0;
    for (size_t lane = 0; lane < width; lane++) {
        const double change = next[lane] - scores[lane];
        if (change > moved) moved = change;
        if (-change > moved) moved = -change;
    }
    return moved;
}

typedef long long lane_masks __attribute__((vector_size(32)));

static inline __attribute__((always_inline)) void flows(double *weights, size_t n, size_t groups, double damping) {
    const size_t width = 4 * groups;
    const lanes factor = {damping, damping, damping, damping}, zero = {0, 0, 0, 0};
    for (size_t j = 0; j < n; j++) {
        double *row = weights + j * width;
        row[j] = 0;
        double sum = 0;
        for (size_t lane = 0; lane < width; lane++) sum += row[lane];
        if (!(sum > 0)) {
            for (size_t lane = 0; lane < width; lane += 4) AT(row + lane) = zero;
            continue;
        }
        const lanes divisor = {sum, sum, sum, sum};
        for (size_t lane = 0; lane < width; lane += 4) {
            const lanes weight = READ(row + lane);
            const lane_masks positive = weight > zero;
            AT(row + lane) = (lanes)((lane_masks)(factor * weight / divisor) & positive);
        }
    }
}

static double step_baseline(const double *flows, const double *scores, double *next, size_t n, size_t groups,
                            double base) {
    return step(flows, scores, next, n, groups, base);
}

#if defined(__x86_64__)

__attribute__((target("avx"))) static double step_avx(const double *flows, const double *scores, double *next,
                                                       size_t n, size_t groups, double base) {
    return step(flows, scores, next, n, groups, base);
}

__attribute__((target("avx"))) static void flows_avx(double *weights, size_t n, size_t groups, double damping) {
    flows(weights, n, groups, damping);
}

int nh_pagerank_step_is_wide(void) { return nh_cpu_has_avx(); }

void nh_pagerank_flows(double *weights, size_t n, size_t groups, double damping, int widest) {
    if (widest && nh_cpu_has_avx()) flows_avx(weights, n, groups, damping);
    else flows(weights, n, groups, damping);
}

double nh_pagerank_step(const double *flows, const double *scores, double *next, size_t n, size_t groups,
                        double base, int widest) {
    if (widest && nh_cpu_has_avx()) return step_avx(flows, scores, next, n, groups, base);
    return step_baseline(flows, scores, next, n, groups, base);
}
#else
int nh_pagerank_step_is_wide(void) { return 0; }

void nh_pagerank_flows(double *weights, size_t n, size_t groups, double damping, int widest) {
    (void)widest;
    flows(weights, n, groups, damping);
}

double nh_pagerank_step(const double *flows, const double *scores, double *next, size_t n, size_t groups,
                        double base, int widest) {
    (void)widest;
    return step_baseline(flows, scores, next, n, groups, base);
}
#endif
