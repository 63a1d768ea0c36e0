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

/* Ticks a task may run before others of its class get a turn: higher
 * priority, longer slice (20 ticks at prio 0, 10 at the default 20, 1 at 39). */
static unsigned int task_timeslice(const struct task_struct *p)
{
	return max(1u, (unsigned int)(MAX_PRIO - p->prio) * HZ / 200);
}

static void enqueue_task(struct task_struct *p, struct prio_array *array)
{
	list_add_tail(&p->run_list, &array->queue[p->prio]);
	array->bitmap[p->prio / 32] |= 1u << (p->prio % 32);
	array->nr_active++;
	p->array = array;
}

static void dequeue_task(struct task_struct *p)
{
	struct prio_array *array = p->array;

	list_del_init(&p->run_list);
	if (list_empty(&array->queue[p->prio]))
		array->bitmap[p->prio / 32] &= ~(1u << (p->prio % 32));
	array->nr_active--;
	p->array = NULL;
}

static void activate_task(struct rq *rq, struct task_struct *p)
{
	enqueue_task(p, rq->active);
	rq->nr_running++;
	p->on_rq = true;
}

static void deactivate_task(struct rq *rq, struct task_struct *p)
{
	dequeue_task(p);
	rq->nr_running--;
	p->on_rq = false;
}

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

/* rq->curr should give way soon; another CPU needs telling (an IPI). */
static void resched_curr(struct rq *rq)
{
	struct task_struct *curr = rq->curr;

	if (READ_ONCE(curr->need_resched))
		return;
	set_tsk_need_resched(curr);
	if (rq->cpu != smp_processor_id())
		smp_send_reschedule(rq->cpu);
}

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

/* Moves p, which is neither running nor queued, from rq (locked) to cpu's
 * runqueue, and returns that one locked. p->cpu changes under the old lock,
 * so task_rq_lock() callers follow it. */
static struct rq *move_task_rq(struct rq *rq, struct task_struct *p, int cpu)
{
	WRITE_ONCE(p->cpu, cpu);
	spin_unlock(&rq->lock);
	rq = cpu_rq(cpu);
	spin_lock(&rq->lock);
	return rq;
}

/* Queues p (state running) on rq, locked, and tells its CPU if p should run first. */
static void enqueue_woken(struct rq *rq, struct task_struct *p)
{
	activate_task(rq, p);
	if (p->prio < rq->curr->prio || rq->curr == rq->idle)
		resched_curr(rq);
}

/* The runqueue p is on, locked. */
static struct rq *task_rq_lock(struct task_struct *p, unsigned long *flags)
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
	spin_unlock_irq(&rq->lock);
	if (migrating)
		finish_migration(prev);
	/* A dead task cannot free its own stack; the next one does it here. */
	if (prev_state == TASK_DEAD)
		put_task_struct(prev);
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
 * yield() - Put the current task at the back of its priority queue and reschedule.
 *
 * Context: process context only; calls schedule(), so it reports "BUG:
 * scheduling while atomic" from atomic context. The task stays runnable.
 */
void yield(void)
{
	struct task_struct *p = current;
	struct rq *rq = this_rq();
	unsigned long flags;

	spin_lock_irqsave(&rq->lock, flags);
	if (p->on_rq) { /* to the back of its queue */
		dequeue_task(p);
		enqueue_task(p, rq->active);
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
