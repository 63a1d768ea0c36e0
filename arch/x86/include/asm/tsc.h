/* The time-stamp counter: raw cycle counts and the calibrated frequency.
 * Outside arch/ the TSC is get_cycles() (asm/timex.h, <linux/sched/clock.h>). */
#ifndef _ASM_TSC_H
#define _ASM_TSC_H
#include <linux/types.h>

/**
 * rdtsc() - The time-stamp counter (arch/ only: elsewhere get_cycles()).
 *
 * Context: any context; does not sleep.
 * Return: the TSC.
 */
static inline u64 rdtsc(void)
{
	u32 lo, hi;
	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64)hi << 32) | lo;
}

/**
 * rdtsc_ordered() - rdtsc() once every earlier instruction has finished (lfence; rdtsc).
 *
 * Context: any context; does not sleep.
 * Return: the TSC.
 */
static inline u64 rdtsc_ordered(void)
{
	u32 lo, hi;
	__asm__ __volatile__("lfence; rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return ((u64)hi << 32) | lo;
}

extern u32 tsc_khz;
void tsc_calibrate_begin(void);
void tsc_calibrate(void);

#endif
