/*
 * CPU affinity: set_cpus_allowed() restricts the CPUs a task may run on and
 * moves it to one of them (docs/apic-smp.md). A task otherwise stays on the
 * CPU of its first wake-up.
 */
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include "sched.h"

/**
 * set_cpus_allowed() - Restrict the CPUs a task may run on, and move it if needed.
 * @p:    the task
 * @mask: bit N set: CPU N is allowed
 *
 * A queued task moves at once; a running one leaves at its next switch; a
 * sleeping one wakes up on its new CPU.
 *
 * Context: any context; does not sleep. A caller moving itself runs on in
 * the old CPU until its next switch.
 * Return: 0, or -EINVAL if @mask has no online CPU.
 */
int set_cpus_allowed(struct task_struct *p, cpu_bits_t mask)
{
	unsigned long flags;
	struct rq *rq;
	int dest;

	if (!(mask & cpu_online_mask_bits()))
		return -EINVAL;
	rq = task_rq_lock(p, &flags);
	p->cpus_allowed = mask;
	dest = cpu_bits_first(mask & cpu_online_mask_bits());
	if (mask & CPU_BIT(p->cpu)) /* it may stay where it is */
		goto out;
	if (rq->curr == p) {
		p->migrate_to = dest + 1; /* it leaves at its next switch */
		resched_curr(rq);
	} else if (p->on_rq) {
		deactivate_task(rq, p);
		rq = move_task_rq(rq, p, dest);
		enqueue_woken(rq, p);
	} else {
		WRITE_ONCE(p->cpu, dest); /* asleep: it wakes up there */
	}
out:
	spin_unlock_irqrestore(&rq->lock, flags);
	return 0;
}
