/*
 * Hardirq bookkeeping and softirqs, the first bottom half.
 *
 * irq_enter/irq_exit bracket every interrupt (irq_enter in do_IRQ, irq_exit
 * in step 5 of docs/interrupts.md). irq_exit is where softirqs run: once the last nested
 * hardirq is done and bottom halves are not disabled, __do_softirq runs every
 * pending softirq on this CPU's softirq stack, with interrupts enabled, in
 * softirq context (SOFTIRQ_OFFSET in preempt_count). local_bh_disable holds
 * them off; local_bh_enable runs what was raised meanwhile.
 *
 * Softirqs that keep raising themselves must not starve the tasks: after
 * MAX_SOFTIRQ_RESTART rounds or MAX_SOFTIRQ_TIME, __do_softirq stops and wakes
 * this CPU's ksoftirqd/N, a kthread that runs the rest in process context
 * (still in softirq context while each handler runs), taking turns with the
 * other tasks. Softirqs raised outside interrupt context go to it too.
 */
#include <linux/hardirq.h>
#include <linux/kernel_stat.h>
#include <asm/processor.h>
#include <asm/stacktrace.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/kthread.h>
#include <linux/sched/clock.h>
#include <linux/seq_file.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/sprintf.h>
#include <janus/nosleep.h>
#include <trace/events/irq.h>

#define MAX_SOFTIRQ_RESTART 10
#define MAX_SOFTIRQ_TIME_NS 2000000 /* 2 ms */

const char *softirq_to_name[NR_SOFTIRQ_VECTORS] = {
	"HI", "TIMER", "NET_RX", "TASKLET", "SCHED",
	[NR_SOFTIRQS ... NR_SOFTIRQ_VECTORS - 1] = "?",
};

static struct softirq_action softirq_vec[NR_SOFTIRQ_VECTORS];
static DEFINE_SPINLOCK(softirq_extra_lock); /* the extra vectors' owners */
DEFINE_PER_CPU(u32, softirq_pending);
DEFINE_PER_CPU(unsigned int[NR_SOFTIRQ_VECTORS], softirq_counts);
DEFINE_PER_CPU(unsigned int, softirq_handoffs); /* rounds left to ksoftirqd */
DECLARE_PER_CPU(unsigned long, softirq_stack_top);
DEFINE_PER_CPU(struct task_struct *, ksoftirqd);
EXPORT_SYMBOL_GPL(ksoftirqd); /* a driver may count the polls that ran there (e1000) */

void call_on_stack(void (*fn)(void *), void *arg, unsigned long stack_top);

/**
 * local_softirq_pending() - The softirqs raised on this CPU and not yet run.
 *
 * Context: any context; does not sleep. Meaningful with interrupts off or
 * preemption disabled (otherwise the CPU may change under the caller).
 * Return: a bit mask, bit N for softirq N.
 */
u32 local_softirq_pending(void)
{
	return this_cpu_read(softirq_pending);
}

/**
 * kstat_softirqs_cpu() - How often softirq @nr has run on @cpu.
 * @nr:  the softirq number
 * @cpu: the CPU
 *
 * Context: any context; does not sleep.
 * Return: the count since boot.
 */
unsigned int kstat_softirqs_cpu(unsigned int nr, int cpu)
{
	return per_cpu(softirq_counts, cpu)[nr];
}

/**
 * open_softirq() - Register the handler of softirq @nr.
 * @nr:     the softirq number (one of the fixed list in linux/interrupt.h, or
 *          one from softirq_alloc())
 * @action: the handler; it runs in softirq context, interrupts on, and
 *          must not sleep
 *
 * Context: boot; does not sleep.
 */
void open_softirq(int nr, void (*action)(struct softirq_action *))
{
	softirq_vec[nr].action = action;
}

/* What a freed extra vector runs if it was still pending: nothing. */
static void softirq_unowned(struct softirq_action *unused)
{
	(void)unused;
}

static bool softirq_extra_free(unsigned int nr)
{
	return !softirq_vec[nr].action || softirq_vec[nr].action == softirq_unowned;
}

/**
 * softirq_alloc() - Take one of the extra softirq vectors, after the fixed list.
 * @name:   its name in /proc/softirqs and the softirq trace events (kept, not copied)
 * @action: its handler, as for open_softirq(); open_softirq() may change it later
 *
 * For code that needs a raw softirq vector of its own but is not one of the
 * kernel's fixed list (the self-tests'); anything else wants a tasklet or a
 * work item. Its count starts where the last owner's ended.
 *
 * Context: any context; does not sleep.
 * Return: the vector's number (NR_SOFTIRQS or above), or -ENOSPC if all
 * NR_SOFTIRQS_EXTRA are taken.
 */
int softirq_alloc(const char *name, void (*action)(struct softirq_action *))
{
	unsigned long flags;
	int nr = -ENOSPC;

	spin_lock_irqsave(&softirq_extra_lock, flags);
	for (int i = NR_SOFTIRQS; i < NR_SOFTIRQ_VECTORS; i++) {
		if (softirq_extra_free(i)) {
			softirq_vec[i].action = action;
			softirq_to_name[i] = name;
			nr = i;
			break;
		}
	}
	spin_unlock_irqrestore(&softirq_extra_lock, flags);
	return nr;
}

/**
 * softirq_free() - Give back a vector from softirq_alloc().
 * @nr: its number
 *
 * The caller raises it no more; if it is still pending somewhere, it runs
 * nothing there.
 *
 * Context: any context; does not sleep.
 */
void softirq_free(unsigned int nr)
{
	unsigned long flags;

	BUG_ON(nr < NR_SOFTIRQS || nr >= NR_SOFTIRQ_VECTORS);
	spin_lock_irqsave(&softirq_extra_lock, flags);
	softirq_vec[nr].action = softirq_unowned;
	softirq_to_name[nr] = "?";
	spin_unlock_irqrestore(&softirq_extra_lock, flags);
}

static void wakeup_softirqd(void)
{
	struct task_struct *tsk = this_cpu_read(ksoftirqd);

	if (tsk && tsk->state != TASK_RUNNING)
		wake_up_process(tsk);
}

/* ksoftirqd has been woken and will get to them: irq_exit leaves them to it. */
static bool ksoftirqd_running(void)
{
	struct task_struct *tsk = this_cpu_read(ksoftirqd);
	return tsk && tsk->state == TASK_RUNNING;
}

/**
 * local_softirqs_idle() - Whether this CPU has no softirq pending and ksoftirqd nothing to do.
 *
 * Context: any context; does not sleep.
 * Return: true if no softirq work is pending or handed over on this CPU.
 */
bool local_softirqs_idle(void)
{
	return !local_softirq_pending() && !ksoftirqd_running();
}

/**
 * raise_softirq_irqoff() - Mark softirq @nr pending on this CPU; interrupts already off.
 * @nr: the softirq number
 *
 * It runs at the next irq_exit() or local_bh_enable() on this CPU; raised
 * outside interrupt context, ksoftirqd is woken to run it.
 *
 * Context: any context with interrupts off; does not sleep.
 */
void raise_softirq_irqoff(unsigned int nr)
{
	trace_softirq_raise(nr);
	this_cpu_write(softirq_pending, this_cpu_read(softirq_pending) | (1u << nr));
	if (!in_interrupt())
		wakeup_softirqd();
}

/**
 * raise_softirq() - Mark softirq @nr pending on this CPU.
 * @nr: the softirq number
 *
 * Context: any context, a hardirq handler included; does not sleep.
 */
void raise_softirq(unsigned int nr)
{
	unsigned long flags;

	local_irq_save(flags);
	raise_softirq_irqoff(nr);
	local_irq_restore(flags);
}

/* A softirq handler that returns with a lock held: name it and release it. */
static noinline void repair_leaked_locks(unsigned int nr, unsigned int depth)
{
	char what[32];

	snprintf(what, sizeof(what), "softirq %s", softirq_to_name[nr]);
	lockdep_repair_leaks(depth, what);
}

/* One softirq handler, watched: it must leave preempt_count as it found it,
 * and no lock held. */
static void run_softirq(unsigned int nr)
{
	int count = preempt_count();
	unsigned int locks = lockdep_depth();

	(*this_cpu_ptr(&softirq_counts))[nr]++;
	this_cpu_write(atomic_ctx.softirq, nr);
	trace_softirq_entry(nr);
	softirq_vec[nr].action(&softirq_vec[nr]);
	trace_softirq_exit(nr);
	this_cpu_write(atomic_ctx.softirq, -1);
	if (unlikely(lockdep_depth() != locks))
		repair_leaked_locks(nr, locks);
	if (preempt_count() != count)
		report_preempt_leak("softirq", softirq_to_name[nr], NULL, count, preempt_count());
}

/* Runs pending softirqs, again while new ones keep coming, up to the
 * limits; what is left goes to ksoftirqd. Interrupts off on entry and exit. */
static void __do_softirq(void *unused)
{
	u64 end = sched_clock() + MAX_SOFTIRQ_TIME_NS;
	int restarts = MAX_SOFTIRQ_RESTART;
	u32 pending;

	(void)unused;
	preempt_count_add(SOFTIRQ_OFFSET);
	irqtime_account(SOFTIRQ_OFFSET);
	for (;;) {
		pending = local_softirq_pending();
		this_cpu_write(softirq_pending, 0);
		local_irq_enable();
		for (unsigned int nr = 0; pending; nr++, pending >>= 1)
			if (pending & 1)
				run_softirq(nr);
		local_irq_disable();
		if (!local_softirq_pending())
			break;
		if (--restarts && sched_clock() < end && !need_resched())
			continue;
		this_cpu_inc(softirq_handoffs);
		wakeup_softirqd();
		break;
	}
	irqtime_account(0); /* these softirqs' time */
	preempt_count_sub(SOFTIRQ_OFFSET);
}

static bool on_softirq_stack(void)
{
	unsigned long top = this_cpu_read(softirq_stack_top);
	return top - current_stack_pointer() < IRQ_STACK_SIZE;
}

/* Interrupts off, not in interrupt context, something pending. */
static void do_softirq_own_stack(void)
{
	if (on_softirq_stack() || !this_cpu_read(softirq_stack_top))
		__do_softirq(NULL);
	else
		call_on_stack(__do_softirq, NULL, this_cpu_read(softirq_stack_top));
}

/**
 * do_softirq() - Run this CPU's pending softirqs now, on the softirq stack.
 *
 * Does nothing in interrupt context (irq_exit() will run them) or with
 * nothing pending. Handlers run with interrupts on in softirq context; work
 * beyond 10 rounds or 2 ms is handed to ksoftirqd.
 *
 * Context: process context (local_bh_enable(), ksoftirqd); does not sleep.
 */
void do_softirq(void)
{
	unsigned long flags;

	if (in_interrupt())
		return;
	local_irq_save(flags);
	if (local_softirq_pending())
		do_softirq_own_stack();
	local_irq_restore(flags);
}

void irq_exit_softirqs(void)
{
	if (!ksoftirqd_running())
		do_softirq_own_stack();
}

/* ksoftirqd/N: softirqs in process context, when there are too many for irq_exit. */
static int run_ksoftirqd(void *unused)
{
	(void)unused;
	while (!kthread_should_stop()) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!local_softirq_pending()) {
			schedule();
			continue;
		}
		__set_current_state(TASK_RUNNING);
		local_irq_disable();
		if (local_softirq_pending())
			__do_softirq(NULL); /* on this thread's own stack */
		local_irq_enable();
		cond_resched(); /* a turn for the others between rounds */
	}
	return 0;
}

/**
 * spawn_ksoftirqd() - Create and start ksoftirqd/@cpu, bound to @cpu.
 * @cpu: the CPU
 *
 * Context: boot, process context; may sleep (creates a kthread). Panics if
 * the thread cannot be created.
 */
void spawn_ksoftirqd(int cpu)
{
	struct task_struct *tsk = kthread_create(run_ksoftirqd, NULL, "ksoftirqd/%d", cpu);

	if (IS_ERR(tsk))
		panic("cannot create ksoftirqd/%d", cpu);
	kthread_bind(tsk, cpu);
	per_cpu(ksoftirqd, cpu) = tsk;
	wake_up_process(tsk);
}

/**
 * softirq_handoffs_cpu() - How often irq_exit() left softirq work to ksoftirqd on @cpu.
 * @cpu: the CPU
 *
 * Context: any context; does not sleep.
 * Return: the count since boot.
 */
unsigned int softirq_handoffs_cpu(int cpu)
{
	return per_cpu(softirq_handoffs, cpu);
}

/**
 * show_softirqs() - Write the softirq table, shaped like Linux's /proc/softirqs.
 * @m: the seq_file to write to
 *
 * One row per softirq with its count per online CPU, then the hand-offs to
 * ksoftirqd.
 *
 * Context: process context; does not sleep.
 * Return: 0.
 */
int show_softirqs(struct seq_file *m)
{
	int cpu;

	seq_printf(m, "            ");
	for_each_online_cpu(cpu)
		seq_printf(m, "       CPU%d", cpu);
	seq_printf(m, "\n");
	for (unsigned int nr = 0; nr < NR_SOFTIRQ_VECTORS; nr++) {
		if (nr >= NR_SOFTIRQS && softirq_extra_free(nr))
			continue; /* an extra vector nobody has */
		seq_printf(m, "%12s:", softirq_to_name[nr]);
		for_each_online_cpu(cpu)
			seq_printf(m, " %10u", per_cpu(softirq_counts, cpu)[nr]);
		seq_printf(m, "\n");
	}
	seq_printf(m, "%12s:", "to ksoftirqd");
	for_each_online_cpu(cpu)
		seq_printf(m, " %10u", per_cpu(softirq_handoffs, cpu));
	seq_printf(m, "\n");
	return 0;
}

/**
 * local_bh_disable() - Hold off softirqs (bottom halves) on this CPU; nests.
 *
 * Also disables preemption. Pairs with local_bh_enable().
 *
 * Context: process or softirq context; does not sleep, and the caller must
 * not sleep until local_bh_enable() (might_sleep() reports it).
 */
void local_bh_disable(void)
{
	preempt_count_add(SOFTIRQ_DISABLE_OFFSET);
	barrier();
}
EXPORT_SYMBOL(local_bh_disable);

/**
 * local_bh_enable() - Undo local_bh_disable(); the outermost one runs pending softirqs.
 *
 * The softirqs raised meanwhile run here, in the caller's task, before it
 * returns.
 *
 * Context: process or softirq context, not a hardirq handler (a WARNING
 * says so once); does not sleep, but may preempt at its end.
 */
void local_bh_enable(void)
{
	WARN_ON_ONCE(in_hardirq());
	/* Keep preemption off while the pending softirqs run. */
	preempt_count_sub(SOFTIRQ_DISABLE_OFFSET - 1);
	if (!in_interrupt() && local_softirq_pending())
		do_softirq();
	preempt_enable();
}
EXPORT_SYMBOL(local_bh_enable);
