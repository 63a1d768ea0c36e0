/*
 * Per-CPU areas: the linker collects DEFINE_PER_CPU variables into a template
 * (.data..percpu); each CPU gets its own copy and its %fs segment base is set
 * to (copy - template), so %fs:var is this CPU's var. The template itself is
 * never written, so every copy starts from the same pristine values.
 */
#include <asm/page.h>
#include <linux/export.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/string.h>

extern char __per_cpu_start[], __per_cpu_end[], __per_cpu_area0[];

unsigned long __per_cpu_offset[NR_CPUS];
DEFINE_PER_CPU(unsigned long, this_cpu_off);
DEFINE_PER_CPU(int, cpu_number);
EXPORT_SYMBOL(cpu_number);

size_t percpu_area_size(void) { return __per_cpu_end - __per_cpu_start; }

/* Makes area the per-CPU copy of cpu; the segment itself is loaded by cpu_init_gdt(). */
void percpu_install_area(int cpu, void *area)
{
	memcpy(area, __per_cpu_start, percpu_area_size());
	__per_cpu_offset[cpu] = (unsigned long)area - (unsigned long)__per_cpu_start;
	per_cpu(this_cpu_off, cpu) = __per_cpu_offset[cpu];
	per_cpu(cpu_number, cpu) = cpu;
}

/* The boot CPU's copy lives in the image (linker.ld reserves __per_cpu_area0). */
void setup_per_cpu_areas(void)
{
	percpu_install_area(0, __per_cpu_area0);
}
