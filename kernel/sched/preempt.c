/*
 * The per-CPU preempt_count word (layout in include/linux/preempt.h). Every
 * CPU starts at 0: process context, preemptible, interrupts not yet counted.
 */
#include <linux/preempt.h>
#include <linux/sched.h>

DEFINE_PER_CPU(int, __preempt_count);

bool should_resched(void)
{
	return need_resched();
}
