/*
 * Priorities: a task's static priority (0 most important .. 39, 20 by
 * default) and Linux's nice values on top of it (nice = priority - 20). The
 * priority picks the runqueue list a task waits on and the length of its
 * time slice.
 */
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include "sched.h"

/**
 * sched_set_prio() - Set a task's static priority (0 most important .. 39).
 * @p:    the task
 * @prio: the new priority, clamped to 0..MAX_PRIO-1
 *
 * Also resets its time slice; a queued task more important than the
 * running one makes its CPU reschedule.
 *
 * Context: any context; does not sleep.
 */
void sched_set_prio(struct task_struct *p, int prio)
{
	unsigned long flags;
	struct rq *rq = task_rq_lock(p, &flags);
	bool queued = p->on_rq;

	prio = clamp(prio, 0, MAX_PRIO - 1);
	if (queued)
		dequeue_task(p);
	p->prio = prio;
	p->time_slice = task_timeslice(p);
	if (queued) {
		enqueue_task(p, rq->active);
		if (prio < rq->curr->prio)
			resched_curr(rq);
	}
	spin_unlock_irqrestore(&rq->lock, flags);
}

/**
 * set_user_nice() - Set a task's nice value, as Linux counts it.
 * @p:    the task
 * @nice: -20 (most important) .. 19, clamped; priority is 20 + @nice
 *
 * Context: any context; does not sleep.
 */
void set_user_nice(struct task_struct *p, long nice)
{
	sched_set_prio(p, DEFAULT_PRIO + clamp(nice, -20L, 19L));
}
EXPORT_SYMBOL(set_user_nice);

/**
 * task_nice() - A task's nice value.
 * @p: the task
 *
 * Context: any context; does not sleep.
 * Return: the priority minus 20, so -20 .. 19.
 */
int task_nice(const struct task_struct *p)
{
	return p->prio - DEFAULT_PRIO;
}
EXPORT_SYMBOL_GPL(task_nice);
