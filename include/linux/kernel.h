/* The everyday helpers: ARRAY_SIZE, min/max, container_of, alignment, printk. */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <asm/div64.h>
#include <linux/bug.h>
#include <linux/compiler.h>
#include <linux/limits.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/stddef.h>
#include <linux/types.h>

/* How far the boot is. While BOOTING there is one flow on one CPU with
 * interrupts off, so the no-sleep checks have nothing to check yet. */
enum system_states { SYSTEM_BOOTING, SYSTEM_SCHEDULING, SYSTEM_RUNNING };
extern enum system_states system_state;

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#define min(a, b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a < _b ? _a : _b; })
#define max(a, b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a > _b ? _a : _b; })
#define min_t(t, a, b) min((t)(a), (t)(b))
#define max_t(t, a, b) max((t)(a), (t)(b))
#define clamp(v, lo, hi) min(max(v, lo), hi)

#define container_of(ptr, type, member) ((type *)((char *)(ptr) - offsetof(type, member)))

#define ALIGN(x, a) (((x) + ((a) - 1)) & ~((__typeof__(x))(a) - 1))
#define ALIGN_DOWN(x, a) ((x) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a) (((x) & ((__typeof__(x))(a) - 1)) == 0)
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))

/**
 * div_u64() - Divide a 64-bit number by a 32-bit one, without libgcc.
 * @dividend: the number
 * @divisor:  the divisor, not 0
 *
 * Context: any context; does not sleep.
 * Return: the quotient.
 */
static inline u64 div_u64(u64 dividend, u32 divisor)
{
	return div_u64_rem(dividend, divisor, NULL);
}

#endif
