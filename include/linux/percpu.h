/*
 * Per-CPU variables, Linux style: DEFINE_PER_CPU(int, foo) puts foo in a template
 * section; each CPU gets a copy, this_cpu_read(foo) reads this CPU's copy and
 * per_cpu(foo, cpu) any CPU's. See docs/per-cpu.md.
 */
#ifndef _LINUX_PERCPU_H
#define _LINUX_PERCPU_H
#include <asm/percpu.h>
#include <linux/compiler.h>
#include <linux/threads.h>
#include <linux/types.h>

#define DECLARE_PER_CPU(type, name) extern __section(".data..percpu") __typeof__(type) name
#define DEFINE_PER_CPU(type, name) __section(".data..percpu") __typeof__(type) name
#define DEFINE_PER_CPU_PAGE_ALIGNED(type, name) \
	__section(".data..percpu..page_aligned") __aligned(4096) __typeof__(type) name

/* Distance from the template to CPU n's copy. */
extern unsigned long __per_cpu_offset[NR_CPUS];
DECLARE_PER_CPU(unsigned long, this_cpu_off);

#define per_cpu_ptr(ptr, cpu) ((__typeof__(ptr))((char *)(ptr) + __per_cpu_offset[cpu]))
#define per_cpu(var, cpu) (*per_cpu_ptr(&(var), cpu))
#define this_cpu_ptr(ptr) ((__typeof__(ptr))((char *)(ptr) + this_cpu_read(this_cpu_off)))

/* Sparse's address-space mark for per-CPU pointers, as in Linux (no effect here). */
#define __percpu

/*
 * Dynamic per-CPU memory (kernel/mm/percpu.c): each CPU has its own zeroed
 * copy; per_cpu_ptr(p, cpu), this_cpu_ptr(p), this_cpu_inc(p->field) reach it.
 */
void *__alloc_percpu(size_t size, size_t align);
void free_percpu(void *ptr);
#define alloc_percpu(type) ((type __percpu *)__alloc_percpu(sizeof(type), __alignof__(type)))

void setup_per_cpu_areas(void);
void percpu_install_area(int cpu, void *area);
size_t percpu_area_size(void);

#endif
