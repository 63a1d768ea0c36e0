/*
 * The raw clock behind <linux/sched/clock.h>: get_cycles() reads the CPU's
 * cycle counter (on x86 the TSC, arch/x86/tsc.c), inline, for the paths that
 * time something on every interrupt and convert once (cycles_to_ns()).
 */
#ifndef _ASM_TIMEX_H
#define _ASM_TIMEX_H
#include <asm/tsc.h>

typedef u64 cycles_t;

/**
 * get_cycles() - The cycle counter, raw: one instruction, no conversion.
 *
 * Differences of two readings on one CPU become nanoseconds with
 * cycles_to_ns() (<linux/sched/clock.h>).
 *
 * Context: any context; does not sleep.
 * Return: the counter (the TSC).
 */
static __always_inline cycles_t get_cycles(void)
{
	return rdtsc();
}

/**
 * get_cycles_ordered() - get_cycles() once every earlier instruction has finished.
 *
 * For timing a piece of code (the benchmarks): the reading cannot be taken
 * before the code it follows is done.
 *
 * Context: any context; does not sleep.
 * Return: the counter (the TSC).
 */
static __always_inline cycles_t get_cycles_ordered(void)
{
	return rdtsc_ordered();
}

/**
 * cycles_khz() - The rate get_cycles() counts at.
 *
 * Context: any context; does not sleep.
 * Return: kHz, as calibrated at boot (0 before).
 */
static inline u32 cycles_khz(void)
{
	return tsc_khz;
}

#endif
