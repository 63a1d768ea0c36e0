/*
 * Which CPU am I on, and asking other CPUs to do something (kernel/smp.c):
 * smp_call_function_single() runs a function on one CPU, smp_call_function()
 * on every other online CPU, on_each_cpu() on all of them; in each target it
 * runs in hardirq context, from the call-function IPI (the CAL row of the
 * interrupt listing). With wait, the caller spins until every target is done.
 * The caller must have interrupts enabled: two CPUs waiting for each other
 * with interrupts off would wait forever.
 */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H
#include <linux/llist.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/types.h>

DECLARE_PER_CPU(int, cpu_number);
#define smp_processor_id() this_cpu_read(cpu_number)
#define raw_smp_processor_id() this_cpu_read(cpu_number)

/* The CPU number, with preemption off until put_cpu(): the task stays here. */
#define get_cpu() ({ preempt_disable(); smp_processor_id(); })
#define put_cpu() preempt_enable()

typedef void (*smp_call_func_t)(void *info);

/* One request to one CPU; the caller's per-CPU slot for that target. */
struct call_single_data {
	struct llist_node llist;
	smp_call_func_t func;
	void *info;
	u32 locked; /* set while queued or running; the slot is free again at 0 */
};

/* 0, or -ENXIO if cpu is not online. Runs func directly if cpu is this CPU. */
int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait);
void smp_call_function(smp_call_func_t func, void *info, int wait);
void on_each_cpu(smp_call_func_t func, void *info, int wait);
/* Runs the requests queued for this CPU (the call-function IPI handler). */
void generic_smp_call_function_interrupt(void);

/* Asks cpu to look at need_resched (the reschedule IPI, RES row). */
void smp_send_reschedule(int cpu);
/* Halts every other CPU (panic): an IPI, then an NMI for any that does not answer. */
void smp_send_stop(void);
/* Brings up the other CPUs the MADT lists (arch/x86/smpboot.c). */
void smp_init(void);

#endif
