/*
 * The idle task: what a CPU runs when nothing else is runnable. It halts until
 * the next interrupt; if that interrupt made a task runnable, the way back
 * from it preempts idle (need_resched is set, preempt_count is 0).
 * do_task_dead is the last thing an exiting task does.
 */
#include <linux/irqflags.h>
#include <linux/sched.h>
#include "sched.h"

/**
 * cpu_idle() - The idle loop: halt until an interrupt, schedule when work appears.
 *
 * Interrupts go off before need_resched is tested and come back on with
 * the halt (sti; hlt), so a wake-up cannot slip in between and be missed.
 *
 * Context: the idle task of each CPU, at the end of its boot; never returns.
 */
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

/**
 * do_task_dead() - The last thing an exiting task does: mark itself dead and switch away.
 *
 * The next task on this CPU drops the dead task's reference (and frees its
 * stack) in finish_task_switch().
 *
 * Context: process context, from do_exit() only; never returns.
 */
void __noreturn do_task_dead(void)
{
	local_irq_disable();
	current->state = TASK_DEAD;
	schedule_dead();
	BUG(); /* a dead task is never scheduled again */
}
