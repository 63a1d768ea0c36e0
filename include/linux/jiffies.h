/*
 * jiffies: timer ticks since boot, HZ per second (kernel/time/jiffies.c).
 * It starts 5 minutes before wrapping, as in Linux, so that code that
 * compares jiffies with < instead of time_after() fails early.
 */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H
#include <linux/kernel.h>
#include <linux/types.h>

#ifndef CONFIG_HZ
#define CONFIG_HZ 100
#endif
#define HZ CONFIG_HZ
#define TICK_NSEC (1000000000u / HZ) /* a tick, in ns */

#define INITIAL_JIFFIES ((unsigned long)(unsigned int)(-300 * HZ))

extern u64 jiffies_64;
extern volatile unsigned long jiffies; /* the low 32 bits of jiffies_64 (linker.ld) */

u64 get_jiffies_64(void);

#define time_after(a, b) ((long)((b) - (a)) < 0)
#define time_before(a, b) time_after(b, a)
#define time_after_eq(a, b) ((long)((a) - (b)) >= 0)
#define time_before_eq(a, b) time_after_eq(b, a)
#define time_in_range(a, b, c) (time_after_eq(a, b) && time_before_eq(a, c))
#define time_after64(a, b) ((s64)((b) - (a)) < 0)
#define time_before64(a, b) time_after64(b, a)

#define MAX_JIFFY_OFFSET ((long)(~0UL >> 1) - 1)

/**
 * msecs_to_jiffies() - Convert milliseconds to jiffies, rounding up.
 * @ms: milliseconds
 *
 * Context: any context; does not sleep.
 * Return: the jiffies (at least @ms long).
 */
static inline unsigned long msecs_to_jiffies(unsigned int ms)
{
	return ((unsigned long)ms * HZ + 999) / 1000;
}

/**
 * jiffies_to_msecs() - Convert jiffies to milliseconds, rounding down.
 * @j: jiffies
 *
 * Context: any context; does not sleep.
 * Return: the milliseconds.
 */
static inline unsigned int jiffies_to_msecs(unsigned long j)
{
	return div_u64((u64)j * 1000, HZ);
}

/**
 * usecs_to_jiffies() - Convert microseconds to jiffies, rounding up.
 * @us: microseconds
 *
 * Context: any context; does not sleep.
 * Return: the jiffies.
 */
static inline unsigned long usecs_to_jiffies(unsigned int us)
{
	return div_u64((u64)us * HZ + 999999, 1000000);
}

/* Advances jiffies by ticks; called by the tick (kernel/time/tick.c). */
void do_timer(unsigned long ticks);

#endif
