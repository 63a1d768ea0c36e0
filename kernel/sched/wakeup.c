/*
 * Wake-ups: a sleeping task is set running and queued on its CPU's runqueue;
 * a task's first wake-up places it on the least loaded allowed CPU. If it
 * matters more than what its CPU runs, that CPU is asked to reschedule (an
 * IPI for another CPU). The runqueue primitives are in sched.h, the switch
 * in core.c.
 */
#include <linux/cpumask.h>
#include <linux/export.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <trace/events/sched.h>
#include "sched.h"

/* The allowed online CPU with the fewest runnable tasks (this one on a tie). */
static int select_task_rq(struct task_struct *p)
{
	int best = smp_processor_id(), cpu;
	cpu_bits_t allowed = p->cpus_allowed & cpu_online_mask_bits();

	if (!allowed)
		return p->cpu;
	if (!(allowed & CPU_BIT(best)))
		best = cpu_bits_first(allowed);
	for_each_online_cpu(cpu)
		if ((allowed & CPU_BIT(cpu)) &&
		    READ_ONCE(cpu_rq(cpu)->nr_running) < READ_ONCE(cpu_rq(best)->nr_running))
			best = cpu;
	return best;
}

/**
 * wake_up_state() - Wake @p if it sleeps in one of the states in @state.
 * @p:     the task
 * @state: a mask of task states (TASK_INTERRUPTIBLE, TASK_UNINTERRUPTIBLE...)
 *
 * Sets @p running and queues it; if it is more important than the task
 * running on its CPU, that one is asked to reschedule (an IPI for another
 * CPU). A new task is placed on the least loaded allowed CPU.
 *
 * Context: any context, a hardirq handler included; does not sleep.
 * Return: 1 if @p was woken, 0 if it was not in a state of @state.
 */
int wake_up_state(struct task_struct *p, unsigned int state)
{
	unsigned long flags;
	struct rq *rq = task_rq_lock(p, &flags);
	int woken = 0;

	if (!(p->state & state))
		goto out;
	/* A new task starts on the least loaded CPU; someone may wake it
	 * while the old runqueue is unlocked, so look again. */
	if (p->sched_new && !p->on_rq) {
		int cpu = select_task_rq(p);

		p->sched_new = false;
		if (cpu != rq->cpu) {
			rq = move_task_rq(rq, p, cpu);
			if (!(p->state & state) || p->on_rq)
				goto out;
		}
	}
	p->state = TASK_RUNNING;
	trace_sched_wakeup(p);
	if (!p->on_rq)
		enqueue_woken(rq, p); /* a more important task: switch at the next chance */
	woken = 1;
out:
	spin_unlock_irqrestore(&rq->lock, flags);
	return woken;
}
EXPORT_SYMBOL(wake_up_state);

/**
 * wake_up_process() - Wake @p from either kind of sleep.
 * @p: the task
 *
 * Context: any context, a hardirq handler included; does not sleep.
 * Return: 1 if @p was woken, 0 if it was already running.
 */
int wake_up_process(struct task_struct *p)
{
	return wake_up_state(p, TASK_NORMAL);
}
EXPORT_SYMBOL(wake_up_process);
