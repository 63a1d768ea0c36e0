/*
 * jiffies_64 counts timer ticks; jiffies is its low word (an alias made by
 * linker.ld). Only the tick writes it; a 64-bit read needs care on a 32-bit
 * CPU, since the two halves cannot be read at once.
 */
#include <linux/jiffies.h>

u64 jiffies_64 = INITIAL_JIFFIES;

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

void do_timer(unsigned long ticks)
{
	jiffies_64 += ticks;
}
