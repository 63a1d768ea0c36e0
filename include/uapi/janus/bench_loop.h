/*
 * The timed loop of the user-mode benchmarks, one source for Janus's
 * /bin/bench (user/bin/bench.c) and for the /init that runs the same figures
 * on Linux (tools/bench-linux/linux_init.c, `make bench-linux`): both kernels
 * are measured by the very same instructions. User space only; the kernel's
 * benchmarks time with rdtsc_ordered() (asm/tsc.h).
 */
#ifndef _UAPI_JANUS_BENCH_LOOP_H
#define _UAPI_JANUS_BENCH_LOOP_H

#include "bench.h"

/* The TSC, read once every earlier instruction has finished. */
static inline unsigned long long bench_tsc(void)
{
	unsigned int lo, hi;

	__asm__ __volatile__("lfence; rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return (unsigned long long)hi << 32 | lo;
}

/* BENCH_SAMPLES samples into @samples, each the ticks of @batch calls of @op,
 * after one warm-up batch that is not kept. */
static inline void bench_measure(unsigned long long *samples, void (*op)(void),
				 unsigned int batch)
{
	for (unsigned int s = 0; s <= BENCH_SAMPLES; s++) {
		unsigned long long start = bench_tsc();

		for (unsigned int i = 0; i < batch; i++)
			op();
		if (s)
			samples[s - 1] = bench_tsc() - start;
	}
}

#endif
