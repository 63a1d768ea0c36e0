/* 64-bit by 32-bit division on i386 with the CPU's divl, as libgcc is not linked. */
#ifndef _ASM_DIV64_H
#define _ASM_DIV64_H
#include <linux/types.h>

/**
 * div_u64_rem() - Divide a 64-bit number by a 32-bit one, without libgcc.
 * @dividend:  the number
 * @divisor:   the divisor, not 0
 * @remainder: where the remainder goes, or NULL
 *
 * Two 32-bit divl instructions: a plain 64-bit `/` on i386 would call
 * libgcc's __udivdi3, which the kernel does not link.
 *
 * Context: any context; does not sleep.
 * Return: the quotient.
 */
static inline u64 div_u64_rem(u64 dividend, u32 divisor, u32 *remainder)
{
	u32 high = dividend >> 32, low = dividend, quot_high = 0, rem;
	if (high >= divisor) {
		quot_high = high / divisor;
		high %= divisor;
	}
	__asm__("divl %4" : "=a"(low), "=d"(rem) : "a"(low), "d"(high), "rm"(divisor));
	if (remainder)
		*remainder = rem;
	return ((u64)quot_high << 32) | low;
}

#endif
