/*
 * The idle task: what a CPU runs when nothing else is runnable. It halts until
 * the next interrupt; if that interrupt made a task runnable, the way back
 * from it preempts idle (need_resched is set, preempt_count is 0).
 * do_task_dead is the last thing an exiting task does.
 */
#include <linux/irqflags.h>
#include <linux/sched.h>
#include "sched.h"

void cpu_idle(void)
{
	for (;;) {
		local_irq_disable();
		if (need_resched()) {
			local_irq_enable();
			schedule();
		} else {
			safe_halt(); /* sti; hlt: no wake-up can slip in between */
		}
	}
}

void __noreturn do_task_dead(void)
{
	local_irq_disable();
	current->state = TASK_DEAD;
	schedule_dead();
	BUG(); /* a dead task is never scheduled again */
}
