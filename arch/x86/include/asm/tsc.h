/* The time-stamp counter: raw cycle counts and the calibrated frequency.
 * Outside arch/ the TSC is get_cycles() (asm/timex.h, <linux/sched/clock.h>). */
#ifndef _ASM_TSC_H
#define _ASM_TSC_H
#include <linux/types.h>

static inline u64 rdtsc(void)
{
	u32 lo, hi;
	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64)hi << 32) | lo;
}

/* rdtsc that waits for earlier instructions to finish (for benchmarks). */
static inline u64 rdtsc_ordered(void)
{
	u32 lo, hi;
	__asm__ __volatile__("lfence; rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return ((u64)hi << 32) | lo;
}

extern u32 tsc_khz;
void tsc_calibrate(void);

#endif
