/* Model-specific registers. */
#ifndef _ASM_MSR_H
#define _ASM_MSR_H
#include <linux/types.h>

#define MSR_IA32_APICBASE 0x1b
#define MSR_IA32_APICBASE_BSP (1u << 8)
#define MSR_IA32_APICBASE_ENABLE (1u << 11)

/**
 * rdmsr() - Read model-specific register @msr.
 * @msr: its number (MSR_*)
 *
 * Context: any context; does not sleep.
 * Return: its value.
 */
static inline u64 rdmsr(u32 msr)
{
	u32 lo, hi;
	__asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((u64)hi << 32) | lo;
}

/**
 * wrmsr() - Write @v to model-specific register @msr.
 * @msr: its number (MSR_*)
 * @v: the value
 *
 * Context: any context; does not sleep.
 */
static inline void wrmsr(u32 msr, u64 v)
{
	__asm__ __volatile__("wrmsr" : : "c"(msr), "a"((u32)v), "d"((u32)(v >> 32)) : "memory");
}

#endif
