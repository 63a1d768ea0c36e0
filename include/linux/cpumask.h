/* Which CPUs exist and are online (a bit per CPU; arch/x86/smpboot.c sets them). */
#ifndef _LINUX_CPUMASK_H
#define _LINUX_CPUMASK_H
#include <linux/bitops.h>
#include <linux/compiler.h>
#include <linux/threads.h>
#include <linux/types.h>

/*
 * A set of CPUs is one 64-bit word, a bit per CPU: NR_CPUS is at most 64.
 * i386 has no plain 64-bit load or store, so a word that changes while
 * others read it (cpu_online_bits) is read and written per 32-bit half: each
 * CPU's bit is always read whole.
 */
typedef u64 cpu_bits_t;
_Static_assert(NR_CPUS <= 64, "a cpu_bits_t has a bit per CPU: NR_CPUS is at most 64");

#define CPU_BIT(cpu) ((cpu_bits_t)1 << (cpu))
#define CPU_BITS_ALL (~(cpu_bits_t)0)

extern cpu_bits_t cpu_online_bits;

/**
 * cpu_bits_first() - The lowest CPU in @bits (without libgcc's 64-bit helper).
 * @bits: a non-empty set
 *
 * Context: any context.
 * Return: its number.
 */
static inline int cpu_bits_first(cpu_bits_t bits)
{
	return (u32)bits ? __builtin_ctz((u32)bits) : 32 + __builtin_ctz((u32)(bits >> 32));
}

/**
 * cpu_online() - Whether @cpu is online.
 * @cpu: the CPU number
 *
 * Context: any context; does not sleep.
 * Return: true if it is up and running tasks.
 */
static inline bool cpu_online(int cpu)
{
	return READ_ONCE(((const u32 *)&cpu_online_bits)[cpu / 32]) & (1u << (cpu % 32));
}

/**
 * cpu_online_mask_bits() - The online CPUs, each half read once.
 *
 * Context: any context; does not sleep.
 * Return: a bit per online CPU.
 */
static inline cpu_bits_t cpu_online_mask_bits(void)
{
	const u32 *w = (const u32 *)&cpu_online_bits;

	return READ_ONCE(w[0]) | (cpu_bits_t)READ_ONCE(w[1]) << 32;
}

/**
 * num_online_cpus() - How many CPUs are online.
 *
 * Context: any context; does not sleep.
 * Return: the count.
 */
static inline unsigned int num_online_cpus(void)
{
	cpu_bits_t bits = cpu_online_mask_bits();

	return hweight32((u32)bits) + hweight32((u32)(bits >> 32));
}
void set_cpu_online(int cpu, bool online);

/* A set of CPUs, as Linux passes them (irq_set_affinity, set_cpus_allowed_ptr). */
struct cpumask {
	cpu_bits_t bits;
};

/* The mask holding only cpu (for the call it is written in). */
#define cpumask_of(cpu) ((const struct cpumask *)&(struct cpumask){ CPU_BIT(cpu) })
/**
 * cpumask_first_online() - The lowest-numbered CPU that is both in @mask and online.
 * @mask: the CPUs
 *
 * Context: any context; does not sleep.
 * Return: the CPU, or -1 if none.
 */
static inline int cpumask_first_online(const struct cpumask *mask)
{
	cpu_bits_t bits = mask->bits & cpu_online_mask_bits();
	return bits ? cpu_bits_first(bits) : -1;
}

#define for_each_online_cpu(cpu) \
	for ((cpu) = 0; (cpu) < NR_CPUS; (cpu)++) \
		if (cpu_online(cpu))

#endif
