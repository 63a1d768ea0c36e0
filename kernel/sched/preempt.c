/*
 * The per-CPU preempt_count word (layout in include/linux/preempt.h). Every
 * CPU starts at 0: process context, preemptible, interrupts not yet counted.
 */
#include <linux/export.h>
#include <linux/preempt.h>
#include <linux/sched.h>

DEFINE_PER_CPU(int, __preempt_count);
EXPORT_SYMBOL(__preempt_count);

/**
 * should_resched() - Test whether the current task has been asked to give up the CPU.
 *
 * preempt_enable() calls it when the count drops to 0.
 *
 * Context: any context; does not sleep.
 * Return: true if need_resched is set for the current task.
 */
bool should_resched(void)
{
	return need_resched();
}
