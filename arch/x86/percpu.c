/*
 * Per-CPU areas: the linker collects DEFINE_PER_CPU variables into a template
 * (.data..percpu); each CPU gets its own copy and its %fs segment base is set
 * to (copy - template), so %fs:var is this CPU's var. The template itself is
 * never written, so every copy starts from the same pristine values.
 */
#include <asm/page.h>
#include <linux/init.h>
#include <linux/export.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/string.h>

extern char __per_cpu_start[], __per_cpu_end[], __per_cpu_area0[];

unsigned long __per_cpu_offset[NR_CPUS];
DEFINE_PER_CPU(unsigned long, this_cpu_off);
DEFINE_PER_CPU(int, cpu_number);
EXPORT_SYMBOL(cpu_number);

/**
 * percpu_area_size() - The size of one CPU's copy of the per-CPU variables.
 *
 * Context: any context; does not sleep.
 * Return: the bytes between __per_cpu_start and __per_cpu_end.
 */
size_t percpu_area_size(void) { return __per_cpu_end - __per_cpu_start; }

/**
 * percpu_install_area() - Make @area @cpu's per-CPU copy, initialised from the template.
 * @cpu:  the CPU
 * @area: percpu_area_size() bytes
 *
 * The %fs segment that reaches it is loaded by cpu_init_gdt().
 *
 * Context: boot, before @cpu runs; does not sleep.
 */
void percpu_install_area(int cpu, void *area)
{
	memcpy(area, __per_cpu_start, percpu_area_size());
	__per_cpu_offset[cpu] = (unsigned long)area - (unsigned long)__per_cpu_start;
	per_cpu(this_cpu_off, cpu) = __per_cpu_offset[cpu];
	per_cpu(cpu_number, cpu) = cpu;
}

/**
 * setup_per_cpu_areas() - Install the boot CPU's per-CPU area.
 *
 * The boot CPU's copy lives in the image (linker.ld reserves __per_cpu_area0).
 *
 * Context: the very start of kmain(), before anything touches a per-CPU
 * variable (spinlocks do, through preempt_count).
 */
void __init setup_per_cpu_areas(void)
{
	percpu_install_area(0, __per_cpu_area0);
}
