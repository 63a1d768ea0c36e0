/* Busy-waiting by the TSC (include/linux/delay.h): udelay spins, it never sleeps. */
#include <asm/processor.h>
#include <asm/tsc.h>
#include <linux/delay.h>
#include <linux/export.h>
#include <linux/kernel.h>

/**
 * udelay() - Busy-wait at least @usecs microseconds, by the TSC.
 * @usecs: microseconds
 *
 * Context: any context from time_init() on (before it the TSC's rate is
 * unknown and there is no wait); does not sleep (it spins, keeping the CPU).
 * Keep it short in handlers: a handler longer than irq_warn_us is reported.
 */
void udelay(unsigned long usecs)
{
	u64 end = rdtsc() + div_u64((u64)tsc_khz * usecs + 999, 1000);

	while (rdtsc() < end)
		cpu_relax();
}
EXPORT_SYMBOL(udelay);
