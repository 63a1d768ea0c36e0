/*
 * The scheduler: who runs next on this CPU, and the switch to it.
 *
 * A switch happens in exactly three places (docs/scheduler.md):
 *   - voluntarily: a task calls schedule(), usually to sleep;
 *   - on the way back from an interrupt to kernel code, if need_resched is
 *     set and preempt_count is 0 (preempt_schedule_irq, from irqentry_exit
 *     in arch/x86/traps.c);
 *   - at preempt_enable(), when the count drops to 0 with need_resched set.
 * need_resched is set by the tick when a time slice runs out and by the
 * wake-up of a task with a higher priority than the running one.
 *
 * Each CPU has its own runqueue; a task stays on its CPU. A new task starts
 * on the least loaded one, a wake-up for another CPU sends it a reschedule
 * IPI, and set_cpus_allowed moves a task (docs/apic-smp.md).
 *
 * The runqueue and its primitives are in sched.h, wake-ups in wakeup.c,
 * set_cpus_allowed in affinity.c, priorities and nice in prio.c.
 */
#include <asm/irq.h>
#include <asm/mmu_context.h>
#include <asm/processor.h>
#include <asm/switch_to.h>
#include <linux/init.h>
#include <linux/hardirq.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/nmi.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/smp.h>
#include <janus/nosleep.h>
#include <janus/stack.h>
#include <trace/events/sched.h>
#include "sched.h"

DEFINE_PER_CPU(struct rq, runqueues);

/* The first task of the highest non-empty priority: two bit scans at most. */
static struct task_struct *pick_next_task(struct rq *rq)
{
	struct prio_array *array = rq->active;
	unsigned int idx;

	if (!array->nr_active) {
		rq->active = rq->expired;
		rq->expired = array;
		array = rq->active;
	}
	if (!array->nr_active)
		return rq->idle;
	idx = array->bitmap[0] ? __builtin_ctz(array->bitmap[0])
			       : 32 + __builtin_ctz(array->bitmap[1]);
	return list_first_entry(&array->queue[idx], struct task_struct, run_list);
}

/* A task that was asked to leave this CPU while running: now that it is
 * switched out, it goes to the runqueue of its new CPU. */
static void finish_migration(struct task_struct *p)
{
	unsigned long flags;
	struct rq *rq = task_rq_lock(p, &flags);

	if (!p->on_rq && p->state == TASK_RUNNING)
		enqueue_woken(rq, p);
	spin_unlock_irqrestore(&rq->lock, flags);
}

/**
 * finish_task_switch() - Complete a context switch, on the new task's stack.
 * @prev: the task that ran before on this CPU
 *
 * Releases the runqueue lock __schedule() took, moves @prev to its new CPU
 * if set_cpus_allowed() asked it to leave while it ran, and drops the
 * reference of a dead @prev, which cannot free its own stack.
 *
 * Context: only from the scheduler, right after switch_to(), with the
 * runqueue lock held and interrupts off; returns with interrupts on.
 */
void finish_task_switch(struct task_struct *prev)
{
	struct rq *rq = this_rq();
	long prev_state = prev->state;
	bool migrating = prev->migrate_to;

	if (migrating) {
		WRITE_ONCE(prev->cpu, prev->migrate_to - 1);
		prev->migrate_to = 0;
	}
	if (lockdep_enabled())
		lock_acquire(&rq->lock.dep_map, true, _THIS_IP_);
	/* Not preemptible until the switch is complete: preempted at the unlock
	 * (an interrupt that wakes a task comes in as soon as interrupts are
	 * on), this task would leave @prev unqueued or undead until it runs
	 * again. For the idle task that can be never: a task that waits by
	 * halting (wait_until) keeps its CPU, and a dead kthread stayed counted
	 * by nr_exiting_tasks() for 20 s. */
	preempt_disable();
	spin_unlock_irq(&rq->lock);
	if (migrating)
		finish_migration(prev);
	/* A dead task cannot free its own stack; the next one does it here. */
	if (prev_state == TASK_DEAD)
		put_task_struct(prev);
	preempt_enable(); /* the preemption point the unlock was */
}

/**
 * schedule_tail() - First call of a new task: finish the switch that started it.
 * @prev: the task that ran before the new one on this CPU
 *
 * Called from ret_from_kernel_thread and ret_from_fork (switch_to.asm).
 *
 * Context: only from a new task's first instructions, runqueue lock held,
 * interrupts off; returns with interrupts on.
 */
void schedule_tail(struct task_struct *prev)
{
	finish_task_switch(prev);
}

static void context_switch(struct rq *rq, struct task_struct *prev, struct task_struct *next,
			   bool preempt)
{
	trace_sched_switch(preempt, prev, next);
	rq->nr_switches++;
	rq->curr = next;
	update_task_stack((unsigned long)next->stack + THREAD_SIZE);
	switch_mm(next->mm);
	/* rq->lock changes hands: prev took it, next will release it. */
	if (lockdep_enabled())
		lock_release(&rq->lock.dep_map);
	this_cpu_write(current_task, next);
	prev = switch_to(prev, next);
	/* Now on next's stack: "prev" is whoever ran before next on this CPU. */
	finish_task_switch(prev);
}

/* Interrupts off. preempt: the task is being preempted, not going to sleep. */
static void __schedule(bool preempt)
{
	struct task_struct *prev = current, *next;
	struct rq *rq = this_rq();

	spin_lock(&rq->lock);
	watchdog_touch(); /* the soft lock-up detector: this CPU can schedule */
	prev->need_resched = false;
	if (!preempt && prev->state != TASK_RUNNING) {
		if (signal_pending_state(prev->state, prev))
			prev->state = TASK_RUNNING; /* a signal came in before we slept */
		else if (prev->on_rq)
			deactivate_task(rq, prev);
	}
	if (prev->migrate_to && prev->on_rq)
		deactivate_task(rq, prev); /* finish_task_switch moves it */
	next = pick_next_task(rq);
	if (next == prev) {
		spin_unlock_irq(&rq->lock);
		return;
	}
	if (preempt)
		prev->nivcsw++;
	else
		prev->nvcsw++;
	context_switch(rq, prev, next, preempt);
}

/* What must hold before a task may give up the CPU. */
static bool schedule_debug(struct task_struct *prev)
{
	if (task_stack_end_corrupted(prev))
		panic("corrupted stack end detected inside scheduler (task %s/%d)", prev->comm,
		      prev->pid);
	if (unlikely(in_atomic() || irqs_disabled())) {
		report_scheduling_while_atomic();
		return false;
	}
	return true;
}

/**
 * schedule() - Give up the CPU: pick the next task to run and switch to it.
 *
 * A task that set its state to TASK_UNINTERRUPTIBLE or TASK_INTERRUPTIBLE
 * first goes to sleep until a wake-up (an interruptible one stays running
 * if a signal is pending); a TASK_RUNNING caller just lets others run.
 *
 * Context: process context only; may sleep. From atomic context (a handler,
 * a spinlock held, preemption or interrupts disabled) it prints "BUG:
 * scheduling while atomic", sets the task running again and returns at once
 * without switching.
 */
void schedule(void)
{
	struct task_struct *tsk = current;

	/* Refuse to switch where sleeping is not allowed: the state a sleeper set
	 * goes back to running, and the caller gets control back at once. */
	if (!schedule_debug(tsk)) {
		__set_current_state(TASK_RUNNING);
		return;
	}
	local_irq_disable();
	__schedule(false);
	local_irq_enable();
}
EXPORT_SYMBOL(schedule);

/**
 * schedule_dead() - Switch away from a dead task for the last time.
 *
 * Context: only from do_task_dead(), interrupts off, state TASK_DEAD; it
 * skips the atomic-context checks of schedule() and never returns.
 */
void schedule_dead(void)
{
	__schedule(false);
}

/* Preemption at preempt_enable() (and cond_resched): the task stays runnable. */
static void preempt_schedule_common(void)
{
	do {
		local_irq_disable();
		__schedule(true);
		local_irq_enable();
	} while (need_resched());
}

/**
 * preempt_schedule() - Preempt the current task, if preemption is allowed now.
 *
 * Called by preempt_enable() when the count drops to 0 with need_resched
 * set. The task stays runnable: this is not a sleep.
 *
 * Context: any task context; does nothing if preempt_count is not 0 or
 * interrupts are off, so it is safe to call anywhere.
 */
void preempt_schedule(void)
{
	if (preempt_count() || irqs_disabled())
		return;
	preempt_schedule_common();
}
EXPORT_SYMBOL(preempt_schedule);

/**
 * preempt_schedule_irq() - Preempt kernel code on the way back from an interrupt.
 *
 * Called by irqentry_exit() (arch/x86/traps.c) when the interrupted kernel
 * code had interrupts on and preempt_count 0, and need_resched is set.
 *
 * Context: interrupt exit only, interrupts off, preempt_count 0; returns
 * with interrupts off.
 */
void preempt_schedule_irq(void)
{
	struct task_struct *tsk = current;

	/* Interrupts come back on inside __schedule, when it lets go of the
	 * runqueue lock, with preempt_count 0. An interrupt right there must not
	 * start a second preemption on this task's stack: the loop below looks at
	 * need_resched again anyway. Under an interrupt storm each reschedule
	 * used to nest one level deeper (38 levels, most of the 8 KiB stack, were
	 * seen in one level-triggered storm of 6 s). */
	if (tsk->in_preempt_irq)
		return;
	tsk->in_preempt_irq = true;
	do {
		__schedule(true); /* returns with interrupts on */
		local_irq_disable();
	} while (need_resched());
	tsk->in_preempt_irq = false;
}

/**
 * _cond_resched() - Let a more deserving task run, if one is waiting and it is allowed.
 *
 * What cond_resched() calls: a voluntary preemption point for long loops.
 *
 * Context: process context; preempts (does not sleep) only when
 * need_resched is set, preempt_count is 0 and interrupts are on; otherwise
 * returns at once, so it is safe in any context.
 * Return: 1 if it switched to another task, 0 if not.
 */
int _cond_resched(void)
{
	if (!need_resched() || preempt_count() || irqs_disabled())
		return 0;
	preempt_schedule_common();
	return 1;
}
EXPORT_SYMBOL(_cond_resched);

/**
 * yield() - Let every other runnable task of this CPU go first, then run again.
 *
 * The task moves to the expired array, as a non-real-time yielder did in
 * Linux 2.6's O(1) scheduler (Janus has no real-time class): everything in
 * the active array runs before it, at any priority, and after the arrays
 * swap it takes its turn behind the tasks of its priority that expired
 * before it. A task whose time slice ran out therefore waits for at most one
 * turn of each yielder, not for their slices: N tasks looping on yield()
 * cannot keep it off the CPU for an epoch (sched.yielders_cannot_starve_an_expired_task).
 * Alone on its CPU, the task runs again at once (the arrays swap). It keeps
 * what is left of its slice.
 *
 * Context: process context only; calls schedule(), so it reports "BUG:
 * scheduling while atomic" from atomic context. The task stays runnable.
 */
void yield(void)
{
	struct task_struct *p = current;
	unsigned long flags;
	struct rq *rq;

	local_irq_save(flags);
	rq = this_rq(); /* interrupts off: p cannot be moved to another CPU before the lock */
	spin_lock(&rq->lock);
	if (p->on_rq) { /* behind everyone of its priority, after everything active */
		dequeue_task(p);
		enqueue_task(p, rq->expired);
	}
	spin_unlock_irqrestore(&rq->lock, flags);
	schedule();
}
EXPORT_SYMBOL(yield);

/**
 * single_task_running() - Test whether the current task is alone on this CPU's runqueue.
 *
 * Context: any context; does not sleep. The answer may be stale at once.
 * Return: true if no other task is runnable on this CPU.
 */
bool single_task_running(void)
{
	return READ_ONCE(this_rq()->nr_running) <= 1;
}
EXPORT_SYMBOL_GPL(single_task_running);

/**
 * cpu_curr_snapshot() - The task running on @cpu right now.
 * @cpu: an online CPU
 *
 * Context: any context; does not sleep. Only a snapshot, for reports: the
 * CPU may switch at once, and the task may exit unless the caller holds it.
 * Return: @cpu's current task (its idle task if it has nothing to run).
 */
struct task_struct *cpu_curr_snapshot(int cpu)
{
	return READ_ONCE(cpu_rq(cpu)->curr);
}

/**
 * task_curr() - Whether @p is running on a CPU right now.
 * @p: the task
 *
 * Context: any context; does not sleep. A snapshot, as cpu_curr_snapshot().
 * Return: true if @p is its CPU's current task.
 */
bool task_curr(const struct task_struct *p)
{
	return cpu_curr_snapshot(READ_ONCE(p->cpu)) == p;
}

/**
 * scheduler_tick() - Count down the running task's time slice.
 *
 * When the slice runs out the task goes to the expired array and
 * need_resched is set: it is preempted on the way out of the interrupt.
 *
 * Context: the timer interrupt (hardirq), on each CPU; does not sleep.
 */
void scheduler_tick(void)
{
	struct task_struct *p = current;
	struct rq *rq = this_rq();

	spin_lock(&rq->lock);
	if (p != rq->idle && p->on_rq && !--p->time_slice) {
		dequeue_task(p);
		p->time_slice = task_timeslice(p);
		enqueue_task(p, rq->expired);
		set_tsk_need_resched(p);
	}
	spin_unlock(&rq->lock);
}

/**
 * sched_fork() - Set up a new task's scheduling fields.
 * @p: the new task, not yet visible to anyone
 *
 * Default priority, a fresh slice, the parent's allowed CPUs; its first
 * wake-up places it on the least loaded CPU.
 *
 * Context: process context (fork, kthread creation); does not sleep.
 */
void sched_fork(struct task_struct *p)
{
	p->prio = DEFAULT_PRIO;
	p->time_slice = task_timeslice(p);
	p->cpu = smp_processor_id();
	p->cpus_allowed = current->cpus_allowed; /* inherited, as fork does */
	p->sched_new = true;
	INIT_LIST_HEAD(&p->run_list);
}

/**
 * sched_init_cpu() - Set up a CPU's runqueue, with @idle as its idle task.
 * @cpu:  the CPU
 * @idle: the task already running on it, which becomes its idle task
 *
 * Context: boot only, on the CPU that is coming up (or for it, before it
 * runs tasks); does not sleep.
 */
void sched_init_cpu(int cpu, struct task_struct *idle)
{
	struct rq *rq = cpu_rq(cpu);

	spin_lock_init(&rq->lock);
	rq->lock.name = "rq->lock";
	rq->cpu = cpu;
	rq->active = &rq->arrays[0];
	rq->expired = &rq->arrays[1];
	for (int a = 0; a < 2; a++)
		for (int i = 0; i < MAX_PRIO; i++)
			INIT_LIST_HEAD(&rq->arrays[a].queue[i]);
	idle->flags |= PF_IDLE;
	idle->prio = MAX_PRIO;
	idle->cpu = cpu;
	idle->state = TASK_RUNNING;
	rq->idle = rq->curr = idle;
}

/**
 * sched_init() - Make the boot stack the boot CPU's idle task and set up its runqueue.
 *
 * Puts a canary at the bottom of the boot stack and paints the unused part,
 * so its high-water mark can be read like any task's.
 *
 * Context: early boot on the boot CPU, before any other task exists.
 */
void __init sched_init(void)
{
	u32 *bottom = init_task.stack;
	u32 *in_use = (u32 *)(current_stack_pointer() - 256); /* below kmain's frames */

	/* The boot stack becomes the idle task's: give it a canary and paint the
	 * part not in use, so its high-water mark can be read like any other. */
	*bottom = STACK_END_MAGIC;
	stack_paint(bottom + 1, (char *)in_use - (char *)(bottom + 1));
	sched_init_cpu(0, &init_task);
}
