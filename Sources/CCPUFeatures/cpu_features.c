#include "cpu_features.h"

#if defined(__x86_64__)
#include <cpuid.h>

static int probe_ssse3(void) {
    unsigned eax, ebx, ecx, edx;
    return __get_cpuid(1, &eax, &ebx, &ecx, &edx) && (ecx & bit_SSSE3) != 0;
}

static int probe_avx(void) {
    unsigned eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx) || !(ecx & bit_OSXSAVE) || !(ecx & bit_AVX)) return 0;
    unsigned low, high;
    __asm__("xgetbv" : "=a"(low), "=d"(high) : "c"(0));
    return (low & 6) == 6;
}

/* `probe`'s answer, asked once: -1 in `known` until then. Threads that ask
 * at once may both probe; they get the same answer. */
static int remembered(int *known, int (*probe)(void)) {
    int value = __atomic_load_n(known, __ATOMIC_RELAXED);
    if (value < 0) {
        value = probe();
        __atomic_store_n(known, value, __ATOMIC_RELAXED);
    }
    return value;
}

int nh_cpu_has_ssse3(void) {
    static int known = -1;
    return remembered(&known, probe_ssse3);
}

int nh_cpu_has_avx(void) {
    static int known = -1;
    return remembered(&known, probe_avx);
}
#else
int nh_cpu_has_ssse3(void) { return 0; }

int nh_cpu_has_avx(void) { return 0; }
#endif
