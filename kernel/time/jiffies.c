/*
 * jiffies_64 counts timer ticks; jiffies is its low word (an alias made by
 * linker.ld). Only the tick writes it; a 64-bit read needs care on a 32-bit
 * CPU, since the two halves cannot be read at once.
 */
#include <linux/export.h>
#include <linux/jiffies.h>

u64 jiffies_64 = INITIAL_JIFFIES;
EXPORT_SYMBOL(jiffies_64);
EXPORT_SYMBOL(jiffies); /* linker.ld: the low word of jiffies_64 */

/**
 * get_jiffies_64() - Read the 64-bit tick count consistently on a 32-bit CPU.
 *
 * The two halves cannot be read at once; a carry between the reads is
 * detected and the read repeated.
 *
 * Context: any context; does not sleep.
 * Return: jiffies_64, the ticks since boot (plus INITIAL_JIFFIES).
 */
u64 get_jiffies_64(void)
{
	u32 hi, lo;

	/* Re-read if the high half changed under us (a carry between the reads). */
	do {
		hi = READ_ONCE(((volatile u32 *)&jiffies_64)[1]);
		lo = READ_ONCE(((volatile u32 *)&jiffies_64)[0]);
	} while (hi != READ_ONCE(((volatile u32 *)&jiffies_64)[1]));
	return ((u64)hi << 32) | lo;
}
EXPORT_SYMBOL(get_jiffies_64);

/**
 * do_timer() - Advance jiffies by @ticks.
 * @ticks: the ticks that passed (more than 1 if some were lost)
 *
 * Context: the boot CPU's timer interrupt only (the one writer); does not sleep.
 */
void do_timer(unsigned long ticks)
{
	jiffies_64 += ticks;
}
