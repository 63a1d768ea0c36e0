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
#include <linux/list.h>
#include <linux/sched.h>
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

/* The final switch of an exiting task (interrupts off, state TASK_DEAD). */
void schedule_dead(void);

#endif
