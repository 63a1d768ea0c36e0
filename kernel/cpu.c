/* Which CPUs are online: CPU 0 from the start, the others as arch/x86/smpboot.c brings them up. */
#include <linux/cpumask.h>
#include <linux/export.h>

cpu_bits_t cpu_online_bits = 1;
EXPORT_SYMBOL(cpu_online_bits);

/**
 * set_cpu_online() - Mark @cpu online or offline in cpu_online_bits.
 * @cpu:    the CPU
 * @online: true when it comes up, false when it stops
 *
 * Context: any context; does not sleep.
 */
void set_cpu_online(int cpu, bool online)
{
	u32 *word = (u32 *)&cpu_online_bits + cpu / 32; /* each bit in one half */

	if (online)
		__atomic_or_fetch(word, 1u << (cpu % 32), __ATOMIC_SEQ_CST);
	else
		__atomic_and_fetch(word, ~(1u << (cpu % 32)), __ATOMIC_SEQ_CST);
}
