/* What this processor can run of the project's wider code paths, asked of
 * CPUID once per feature and kept: the one place the C code decides
 * whether a path compiled with __attribute__((target(...))) may run. */
#ifndef NEWSHOST_CPU_FEATURES_H
#define NEWSHOST_CPU_FEATURES_H

/* 1 when the processor has SSSE3 (CPUID leaf 1, ECX bit 9); 0 otherwise,
 * and on any processor but x86-64. */
int nh_cpu_has_ssse3(void);

/* 1 when the processor has AVX (CPUID leaf 1, ECX bit 28) and the system
 * saves its registers (OSXSAVE, ECX bit 27, and XCR0's SSE and AVX state
 * bits); 0 otherwise, and on any processor but x86-64. */
int nh_cpu_has_avx(void);

#endif
