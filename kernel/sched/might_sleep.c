/*
 * The no-sleep rules, checked at run time: might_sleep(), might_fault(),
 * "scheduling while atomic", and what they print. The report is Linux's,
 * plus the context in words (which handler, which lock), so a student can
 * read both. docs/no-sleep-rules.md maps every rule of seed 001 to its check.
 */
#include <trace/events/janus.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/hardirq.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/might_sleep.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <janus/log.h>
#include <janus/nosleep.h>

struct nosleep_stats nosleep_stats;
DEFINE_PER_CPU(struct atomic_context, atomic_ctx) = { .irq = -1, .softirq = -1 };
static bool atomic_sleep_panic;

static int __init atomic_sleep_setup(char *val)
{
	if (val && !strcmp(val, "warn"))
		atomic_sleep_panic = false;
	else if (val && !strcmp(val, "panic"))
		atomic_sleep_panic = true;
	else
		return -EINVAL;
	return 0;
}
early_param("atomic_sleep", atomic_sleep_setup);

/* Per call site, at most one printed report a second; every one is counted. */
struct report_site {
	const char *file;
	int line;
	unsigned long last;
	unsigned int suppressed;
};

static struct report_site sites[64];

/* True if this report should be printed; says how many were skipped before. */
static bool ratelimit(const char *file, int line, unsigned int *suppressed)
{
	struct report_site *s = &sites[((unsigned long)file + line) % ARRAY_SIZE(sites)];

	if (s->file != file || s->line != line) {
		*s = (struct report_site){ file, line, jiffies, 0 };
		*suppressed = 0;
		return true;
	}
	if (time_before(jiffies, s->last + HZ)) {
		s->suppressed++;
		return false;
	}
	*suppressed = s->suppressed;
	s->suppressed = 0;
	s->last = jiffies;
	return true;
}

/* The spinning locks among those tsk holds: each disabled preemption once. */
static int held_spinlocks(struct task_struct *tsk)
{
	int n = 0;

	for (unsigned int i = 0; i < min(tsk->lock_depth, (unsigned int)MAX_HELD_LOCKS); i++)
		n += tsk->held_locks[i].map->type <= LD_RWLOCK;
	return n;
}

/* The context in words: why sleeping is not allowed right here. */
static void describe_atomic_context(void)
{
	struct task_struct *tsk = current;
	int preempt_disables = (preempt_count() & PREEMPT_MASK) - held_spinlocks(tsk);
	void *timer_fn = this_cpu_read(atomic_ctx.timer_fn);
	int softirq = this_cpu_read(atomic_ctx.softirq);

	if (in_hardirq()) {
		int irq = this_cpu_read(atomic_ctx.irq);
		pr_err("context: in hardirq handler for irq %d (%s), nesting depth %lu\n", irq,
		       this_cpu_read(atomic_ctx.irq_name) ?: "?", hardirq_count() >> HARDIRQ_SHIFT);
	}
	if (in_serving_softirq())
		pr_err("context: in softirq %s\n", softirq >= 0 ? softirq_to_name[softirq] : "?");
	if (timer_fn && in_serving_softirq())
		pr_err("context: in timer callback %ps\n", timer_fn);
	if (tsk->lock_depth)
		lockdep_print_held_locks(tsk);
	if ((softirq_count() & ~SOFTIRQ_OFFSET) && !in_hardirq())
		pr_err("context: with bottom halves disabled\n");
	if (preempt_disables > 0)
		pr_err("context: with preemption disabled (preempt_disable depth %d)\n",
		       preempt_disables);
	if (irqs_disabled() && !in_hardirq())
		pr_err("context: with interrupts disabled\n");
}

/**
 * nosleep_ratelimit_reset() - Let the next report from every call site print.
 *
 * A test that declares a report it is about to provoke (kunit_expect_report)
 * calls it, so a report from the same site less than a second earlier does not
 * suppress the one the test promised.
 *
 * Context: process context; does not sleep.
 */
void nosleep_ratelimit_reset(void)
{
	memset(sites, 0, sizeof(sites));
}

static void report(const char *what, const char *file, int line)
{
	unsigned int suppressed;

	if (!atomic_sleep_panic && !ratelimit(file, line, &suppressed))
		return;
	report_begin();
	pr_err("BUG: %s at %s:%d\n", what, file, line);
	trace_janus_report(what);
	pr_err("in_atomic(): %d, irqs_disabled(): %d, non_block: 0, pid: %d, name: %s\n",
	       in_atomic(), irqs_disabled(), current->pid, current->comm);
	pr_err("preempt_count: %x, expected: 0\n", preempt_count());
	describe_atomic_context();
	if (!atomic_sleep_panic && suppressed)
		pr_err("(%u similar reports from here suppressed in the last second)\n", suppressed);
	dump_stack();
	report_end();
	if (atomic_sleep_panic)
		panic("%s (atomic_sleep=panic)", what);
}

/**
 * __might_sleep() - Check that the caller may sleep here; report if not.
 * @file: the caller's source file (might_sleep() passes __FILE__)
 * @line: the caller's line
 *
 * The body of might_sleep(). Sleeping is allowed with preempt_count 0 and
 * interrupts on (and during boot). Otherwise it prints "BUG: sleeping
 * function called from invalid context at FILE:LINE", the context in words
 * and a backtrace (at most once a second per call site; every one counted),
 * and panics instead with atomic_sleep=panic.
 *
 * Context: any context; does not sleep (it is the check).
 * Return: true if sleeping is allowed, false (after the report) if not, so
 * the primitive can refuse to sleep.
 */
bool __might_sleep(const char *file, int line)
{
	if (likely(!preempt_count() && !irqs_disabled()) || system_state == SYSTEM_BOOTING)
		return true;
	nosleep_stats.sleep_in_atomic++;
	report("sleeping function called from invalid context", file, line);
	return false;
}
EXPORT_SYMBOL(__might_sleep);

/**
 * __might_fault() - Check that the caller may touch user memory here; report if not.
 * @file: the caller's source file (might_fault() passes __FILE__)
 * @line: the caller's line
 *
 * The body of might_fault(), used by copy_to_user()/copy_from_user(). In
 * interrupt context current is only the interrupted task, so it reports
 * "BUG: user memory accessed from interrupt context". In task context a
 * fault could sleep, so it also runs the __might_sleep() check.
 *
 * Context: any context; does not sleep (it is the check).
 * Return: false (after the report) in interrupt context, where the copy must
 * not happen; true otherwise, even if the sleep check reported.
 */
bool __might_fault(const char *file, int line)
{
	/* current is only the interrupted task: its user memory is not ours. */
	if (unlikely(!in_task())) {
		nosleep_stats.uaccess_in_interrupt++;
		report("user memory accessed from interrupt context", file, line);
		return false;
	}
	__might_sleep(file, line); /* a fault could sleep; the copy itself goes ahead */
	return true;
}
EXPORT_SYMBOL(__might_fault);

/**
 * __sleep_impossible() - Panic: a primitive that cannot fail had to block in atomic context.
 * @what: the primitive, e.g. "wait_for_completion"
 * @why:  why returning without blocking is not an option
 * @file: the caller's source file
 * @line: the caller's line
 *
 * Context: any context; never returns.
 */
void __sleep_impossible(const char *what, const char *why, const char *file, int line)
{
	panic("%s at %s:%d must block in atomic context: %s", what, file, line, why);
}
EXPORT_SYMBOL(__sleep_impossible);

/**
 * report_scheduling_while_atomic() - Print "BUG: scheduling while atomic" and the context.
 *
 * schedule() calls it when preempt_count is not 0 or interrupts are off;
 * at most once a second, every one counted; panics with atomic_sleep=panic.
 *
 * Context: any context; does not sleep.
 */
void report_scheduling_while_atomic(void)
{
	struct task_struct *prev = current;

	nosleep_stats.scheduling_while_atomic++;
	if (atomic_sleep_panic || ratelimit(__FILE__, __LINE__, &(unsigned int){ 0 })) {
		report_begin();
		pr_err("BUG: scheduling while atomic: %s/%d/0x%08x\n", prev->comm, prev->pid,
		       preempt_count());
		trace_janus_report("BUG: scheduling while atomic");
		describe_atomic_context();
		dump_stack();
		report_end();
	}
	if (atomic_sleep_panic)
		panic("scheduling while atomic (atomic_sleep=panic)");
}

/**
 * report_trylock_in_interrupt() - Warn: mutex_trylock() called from interrupt context.
 * @lock_name: the mutex's name
 *
 * A mutex belongs to a task; an interrupt has none. Prints a WARNING with a
 * backtrace; panics with atomic_sleep=panic.
 *
 * Context: any context (it is called from interrupt context); does not sleep.
 */
void report_trylock_in_interrupt(const char *lock_name)
{
	nosleep_stats.trylock_in_interrupt++;
	WARN(1, "mutex_trylock(%s) from interrupt context: a mutex belongs to a task, and an "
		"interrupt has none (current is just whoever was interrupted)\n", lock_name);
	if (atomic_sleep_panic)
		panic("mutex_trylock from interrupt context (atomic_sleep=panic)");
}

/**
 * report_preempt_leak() - Report a handler that returned with preempt_count changed, and repair it.
 * @kind:   what leaked: "irq handler", "softirq", "timer callback", "kthread"
 * @name:   its name, or NULL to print @fn's symbol
 * @fn:     the function that ran
 * @before: preempt_count before it ran
 * @after:  preempt_count after it returned
 *
 * Prints "BUG: KIND NAME leaked preempt count BEFORE -> AFTER" and a
 * backtrace, then sets preempt_count back to @before.
 *
 * Context: any context (the callers run handlers); does not sleep.
 */
void report_preempt_leak(const char *kind, const char *name, void *fn, int before, int after)
{
	nosleep_stats.preempt_leaks++;
	trace_janus_report("BUG: leaked preempt count");
	report_begin();
	if (name)
		pr_err("BUG: %s %s leaked preempt count %d -> %d\n", kind, name, before, after);
	else
		pr_err("BUG: %s %ps leaked preempt count %d -> %d\n", kind, fn, before, after);
	lockdep_print_held_locks(current);
	dump_stack();
	report_end();
	preempt_count_set(before);
}
