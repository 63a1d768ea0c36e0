/* Which CPUs exist and are online (a bit per CPU; arch/x86/smpboot.c sets them). */
#ifndef _LINUX_CPUMASK_H
#define _LINUX_CPUMASK_H
#include <linux/bitops.h>
#include <linux/compiler.h>
#include <linux/threads.h>
#include <linux/types.h>

extern u32 cpu_online_bits;

/**
 * cpu_online() - Whether @cpu is online.
 * @cpu: the CPU number
 *
 * Context: any context; does not sleep.
 * Return: true if it is up and running tasks.
 */
static inline bool cpu_online(int cpu) { return cpu_online_bits & (1u << cpu); }
/**
 * num_online_cpus() - How many CPUs are online.
 *
 * Context: any context; does not sleep.
 * Return: the count.
 */
static inline unsigned int num_online_cpus(void) { return hweight32(READ_ONCE(cpu_online_bits)); }
void set_cpu_online(int cpu, bool online);

/* A set of CPUs, as Linux passes them (irq_set_affinity, set_cpus_allowed_ptr). */
struct cpumask {
	u32 bits;
};

/* The mask holding only cpu (for the call it is written in). */
#define cpumask_of(cpu) ((const struct cpumask *)&(struct cpumask){ 1u << (cpu) })
/**
 * cpumask_first_online() - The lowest-numbered CPU that is both in @mask and online.
 * @mask: the CPUs
 *
 * Context: any context; does not sleep.
 * Return: the CPU, or -1 if none.
 */
static inline int cpumask_first_online(const struct cpumask *mask)
{
	u32 bits = mask->bits & READ_ONCE(cpu_online_bits);
	return bits ? __builtin_ctz(bits) : -1;
}

#define for_each_online_cpu(cpu) \
	for ((cpu) = 0; (cpu) < NR_CPUS; (cpu)++) \
		if (cpu_online(cpu))

#endif
