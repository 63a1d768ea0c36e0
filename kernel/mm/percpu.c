/*
 * Dynamic per-CPU memory: alloc_percpu(type), as in Linux, for code that
 * cannot use DEFINE_PER_CPU (a module: the loader refuses .data..percpu).
 * The allocations are carved from a region reserved in the per-CPU
 * template, so an allocation is a template address like any per-CPU
 * variable's: per_cpu_ptr(p, cpu), this_cpu_ptr(p) and this_cpu_inc(*p)
 * reach each CPU's copy through the same offsets (docs/per-cpu.md).
 */
#include <linux/bitops.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#define PCPU_DYN_SIZE 4096
#define PCPU_UNIT 8 /* bytes per bit of the map */
#define PCPU_UNITS (PCPU_DYN_SIZE / PCPU_UNIT)

/* page-aligned, so an offset aligned in the region is an aligned address */
static DEFINE_PER_CPU_PAGE_ALIGNED(u8[PCPU_DYN_SIZE], pcpu_dynamic);
static DECLARE_BITMAP(pcpu_used, PCPU_UNITS);   /* units handed out */
static DECLARE_BITMAP(pcpu_starts, PCPU_UNITS); /* the first unit of each allocation */
static DEFINE_SPINLOCK(pcpu_lock);

/* The first free run of @n units starting at a multiple of @step, or -1. */
static int find_free_run(unsigned int n, unsigned int step)
{
	for (unsigned int start = 0; start + n <= PCPU_UNITS; start += step) {
		unsigned int i = 0;

		while (i < n && !test_bit(start + i, pcpu_used))
			i++;
		if (i == n)
			return start;
	}
	return -1;
}

/* Zeroes [@p, @p + @size) in the template and in every CPU's copy. */
static void zero_everywhere(u8 *p, size_t size)
{
	memset(p, 0, size); /* CPUs brought up later copy the template */
	for (int cpu = 0; cpu < NR_CPUS; cpu++)
		if (__per_cpu_offset[cpu])
			memset(per_cpu_ptr(p, cpu), 0, size);
}

/**
 * __alloc_percpu() - Allocate @size zeroed bytes for every CPU.
 * @size:  bytes (at most 4 KiB in all, shared by every user)
 * @align: alignment, a power of two up to 4 KiB
 *
 * Context: any context; does not sleep (a spinlock guards the map).
 * Return: the per-CPU pointer (reach a CPU's copy with per_cpu_ptr() or
 * this_cpu_ptr()), or NULL if there is no room.
 */
void *__alloc_percpu(size_t size, size_t align)
{
	unsigned int n = DIV_ROUND_UP(size ? size : 1, PCPU_UNIT);
	unsigned int step = align > PCPU_UNIT ? align / PCPU_UNIT : 1;
	unsigned long flags;
	u8 *p = NULL;
	int start;

	spin_lock_irqsave(&pcpu_lock, flags);
	start = find_free_run(n, step);
	if (start >= 0) {
		for (unsigned int i = 0; i < n; i++)
			__set_bit(start + i, pcpu_used);
		__set_bit(start, pcpu_starts);
		p = &pcpu_dynamic[start * PCPU_UNIT];
		zero_everywhere(p, n * PCPU_UNIT);
	}
	spin_unlock_irqrestore(&pcpu_lock, flags);
	if (!p)
		pr_warn("percpu: no room for %zu bytes (%d bytes in all)\n", size, PCPU_DYN_SIZE);
	return p;
}
EXPORT_SYMBOL(__alloc_percpu);

/**
 * free_percpu() - Free what __alloc_percpu() gave.
 * @ptr: the per-CPU pointer, or NULL
 *
 * A pointer that is not the start of an allocation WARNs and is ignored.
 *
 * Context: any context; does not sleep.
 */
void free_percpu(void *ptr)
{
	long start = ((u8 *)ptr - pcpu_dynamic) / PCPU_UNIT;
	unsigned long flags;

	if (!ptr)
		return;
	spin_lock_irqsave(&pcpu_lock, flags);
	if (!WARN((u8 *)ptr < pcpu_dynamic || start >= PCPU_UNITS || !test_bit(start, pcpu_starts),
		  "free_percpu(%p): not a per-CPU allocation\n", ptr)) {
		__clear_bit(start, pcpu_starts);
		for (long i = start; i < PCPU_UNITS && test_bit(i, pcpu_used); i++) {
			if (i > start && test_bit(i, pcpu_starts))
				break; /* the next allocation */
			__clear_bit(i, pcpu_used);
		}
	}
	spin_unlock_irqrestore(&pcpu_lock, flags);
}
EXPORT_SYMBOL(free_percpu);
