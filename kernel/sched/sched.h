/*
 * The runqueue, shared by the files of kernel/sched/. One per CPU. Runnable
 * tasks sit in two priority arrays, each a list per priority plus a bitmap of
 * the non-empty lists: picking the next task is "first set bit, first task",
 * O(1) however many tasks are runnable (the design of Linux 2.6's O(1)
 * scheduler). A task that uses up its time slice moves to the expired array;
 * when the active array runs dry the two swap, so every task gets its turn.
 */
#ifndef _KERNEL_SCHED_SCHED_H
#define _KERNEL_SCHED_SCHED_H
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>

struct prio_array {
	unsigned int nr_active;
	u32 bitmap[2]; /* bit p: queue[p] is not empty */
	struct list_head queue[MAX_PRIO];
};

struct rq {
	spinlock_t lock;
	unsigned int nr_running; /* runnable tasks on this CPU, idle not counted */
	struct prio_array arrays[2];
	struct prio_array *active, *expired;
	struct task_struct *curr, *idle;
	u64 nr_switches;
	int cpu;
};

DECLARE_PER_CPU(struct rq, runqueues);
#define this_rq() this_cpu_ptr(&runqueues)
#define cpu_rq(cpu) (&per_cpu(runqueues, cpu))

/* Ticks a task may run before others of its class get a turn: higher
 * priority, longer slice (20 ticks at prio 0, 10 at the default 20, 1 at 39). */
static inline unsigned int task_timeslice(const struct task_struct *p)
{
	return max(1u, (unsigned int)(MAX_PRIO - p->prio) * HZ / 200);
}

static inline void enqueue_task(struct task_struct *p, struct prio_array *array)
{
	list_add_tail(&p->run_list, &array->queue[p->prio]);
	array->bitmap[p->prio / 32] |= 1u << (p->prio % 32);
	array->nr_active++;
	p->array = array;
}

static inline void dequeue_task(struct task_struct *p)
{
	struct prio_array *array = p->array;

	list_del_init(&p->run_list);
	if (list_empty(&array->queue[p->prio]))
		array->bitmap[p->prio / 32] &= ~(1u << (p->prio % 32));
	array->nr_active--;
	p->array = NULL;
}

static inline void activate_task(struct rq *rq, struct task_struct *p)
{
	enqueue_task(p, rq->active);
	rq->nr_running++;
	p->on_rq = true;
}

static inline void deactivate_task(struct rq *rq, struct task_struct *p)
{
	dequeue_task(p);
	rq->nr_running--;
	p->on_rq = false;
}

/* rq->curr should give way soon; another CPU needs telling (an IPI). */
static inline void resched_curr(struct rq *rq)
{
	struct task_struct *curr = rq->curr;

	if (READ_ONCE(curr->need_resched))
		return;
	set_tsk_need_resched(curr);
	if (rq->cpu != smp_processor_id())
		smp_send_reschedule(rq->cpu);
}

/* Moves p, which is neither running nor queued, from rq (locked) to cpu's
 * runqueue, and returns that one locked. p->cpu changes under the old lock,
 * so task_rq_lock() callers follow it. */
static inline struct rq *move_task_rq(struct rq *rq, struct task_struct *p, int cpu)
{
	WRITE_ONCE(p->cpu, cpu);
	spin_unlock(&rq->lock);
	rq = cpu_rq(cpu);
	spin_lock(&rq->lock);
	return rq;
}

/* Queues p (state running) on rq, locked, and tells its CPU if p should run first. */
static inline void enqueue_woken(struct rq *rq, struct task_struct *p)
{
	activate_task(rq, p);
	if (p->prio < rq->curr->prio || rq->curr == rq->idle)
		resched_curr(rq);
}

/* The runqueue p is on, locked. */
static inline struct rq *task_rq_lock(struct task_struct *p, unsigned long *flags)
{
	struct rq *rq;

	for (;;) {
		rq = cpu_rq(READ_ONCE(p->cpu));
		spin_lock_irqsave(&rq->lock, *flags);
		if (rq == cpu_rq(p->cpu))
			return rq;
		spin_unlock_irqrestore(&rq->lock, *flags);
	}
}

/* The final switch of an exiting task (interrupts off, state TASK_DEAD). */
void schedule_dead(void);

#endif
