/*
 * The IRQ-safety lock checker: for every lock class, which contexts took it.
 *
 *   IN-HARDIRQ    taken in a hardirq handler
 *   HARDIRQ-ON    taken with interrupts enabled (outside hardirq context)
 *   IN-SOFTIRQ    taken in a softirq
 *   SOFTIRQ-ON    taken with softirqs able to run (bottom halves and interrupts on)
 *
 * A class with both IN-HARDIRQ and HARDIRQ-ON can deadlock: a task holds the
 * lock with interrupts on, an interrupt on the same CPU wants it and spins
 * forever, because the holder never runs again. Same for softirqs. The first
 * time a class gets the second half of such a pair it is reported, with the
 * backtraces of both uses, and counted in lockcheck_reports.
 */
#include <trace/events/janus.h>
#include <asm/processor.h>
#include <asm/stacktrace.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/hardirq.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/lockcheck.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <janus/log.h>

#define MAX_CLASSES 256
#define TRACE_DEPTH 12

enum usage { IN_HARDIRQ, HARDIRQ_ON, IN_SOFTIRQ, SOFTIRQ_ON, NR_USAGE };

static const char *const usage_names[NR_USAGE] = {
	"IN-HARDIRQ-W", "HARDIRQ-ON-W", "IN-SOFTIRQ-W", "SOFTIRQ-ON-W",
};

struct usage_trace {
	unsigned long entries[TRACE_DEPTH];
	unsigned int nr;
	char comm[TASK_COMM_LEN];
	pid_t pid;
};

struct lock_class {
	const void *key;
	const char *name;
	unsigned int usage; /* bit per enum usage */
	bool reported;
	struct usage_trace trace[NR_USAGE]; /* where each usage was first seen */
};

static struct lock_class classes[MAX_CLASSES];
static unsigned int nr_classes;
static arch_spinlock_t classes_lock = __ARCH_SPIN_LOCK_UNLOCKED;

bool lockcheck_enabled = true;
unsigned long lockcheck_reports;

static int __init nolockcheck_setup(char *val)
{
	if (val)
		return -EINVAL;
	lockcheck_enabled = false;
	return 0;
}
early_param("nolockcheck", nolockcheck_setup);

static struct lock_class *find_class(struct spinlock *lock)
{
	struct lock_class *class = NULL;
	unsigned long flags;

	local_irq_save(flags);
	arch_spin_lock(&classes_lock);
	for (unsigned int i = 0; i < nr_classes && !class; i++)
		if (classes[i].key == lock->key)
			class = &classes[i];
	if (!class && nr_classes < MAX_CLASSES) {
		class = &classes[nr_classes++];
		class->key = lock->key;
		class->name = lock->name;
	}
	arch_spin_unlock(&classes_lock);
	local_irq_restore(flags);
	if (!class) {
		WARN_ONCE(1, "lockcheck: more than %d lock classes, checking stops\n", MAX_CLASSES);
		lockcheck_enabled = false;
	}
	return class;
}

static void print_trace(const struct usage_trace *t)
{
	pr_warn("  (by %s/%d)\n", t->comm, t->pid);
	for (unsigned int i = 0; i < t->nr; i++)
		pr_warn("   %pB\n", (void *)t->entries[i]);
}

static void report(struct lock_class *class, enum usage old, enum usage new)
{
	bool hard = new == IN_HARDIRQ || new == HARDIRQ_ON;

	lockcheck_reports++;
	report_begin();
	pr_warn("================================\n");
	pr_warn("WARNING: inconsistent lock state\n");
	trace_janus_report("WARNING: inconsistent lock state");
	pr_warn("--------------------------------\n");
	pr_warn("inconsistent {%s} -> {%s} usage.\n", usage_names[old], usage_names[new]);
	pr_warn("%s/%d [HC%d:SC%d:HE%d:SE%d] takes %s:\n", current->comm, current->pid,
		!!in_hardirq(), !!in_serving_softirq(), !irqs_disabled(), !softirq_count(),
		class->name);
	print_trace(&class->trace[new]);
	pr_warn("{%s} state was registered at:\n", usage_names[old]);
	print_trace(&class->trace[old]);
	pr_warn("Possible unsafe locking scenario: CPU0 takes %s with %s enabled;\n", class->name,
		hard ? "interrupts" : "softirqs");
	pr_warn("  an %s on CPU0 then takes %s too and spins forever. *** DEADLOCK ***\n",
		hard ? "interrupt" : "softirq", class->name);
	report_end();
}

/* Records a usage; reports the first inconsistency of the class. */
static void mark(struct lock_class *class, enum usage u)
{
	static const enum usage opposite[NR_USAGE] = {
		[IN_HARDIRQ] = HARDIRQ_ON, [HARDIRQ_ON] = IN_HARDIRQ,
		[IN_SOFTIRQ] = SOFTIRQ_ON, [SOFTIRQ_ON] = IN_SOFTIRQ,
	};
	struct usage_trace *t = &class->trace[u];

	if (class->usage & (1u << u))
		return;
	t->nr = stack_trace_save_bp(current_frame_pointer(), t->entries, TRACE_DEPTH);
	strscpy(t->comm, current->comm, sizeof(t->comm));
	t->pid = current->pid;
	class->usage |= 1u << u;
	if ((class->usage & (1u << opposite[u])) && !class->reported) {
		class->reported = true;
		report(class, opposite[u], u);
	}
}

/* The usages this acquisition stands for, in the current context. */
static unsigned int usage_now(void)
{
	bool hardirq = in_hardirq(), irqs_on = !irqs_disabled();
	unsigned int u = 0;

	if (hardirq)
		u |= 1u << IN_HARDIRQ;
	else if (irqs_on)
		u |= 1u << HARDIRQ_ON;
	if (in_serving_softirq())
		u |= 1u << IN_SOFTIRQ;
	else if (!hardirq && irqs_on && !softirq_count())
		u |= 1u << SOFTIRQ_ON;
	return u;
}

static void check_usage(struct lock_class *class)
{
	unsigned int u = usage_now();
	unsigned long flags;

	if ((READ_ONCE(class->usage) & u) == u)
		return; /* nothing new: the common case, no lock taken */
	local_irq_save(flags);
	arch_spin_lock(&classes_lock);
	for (enum usage i = 0; i < NR_USAGE; i++)
		if (u & (1u << i))
			mark(class, i);
	arch_spin_unlock(&classes_lock);
	local_irq_restore(flags);
}

/**
 * lockcheck_acquire() - Record that the current context took @lock, and check its IRQ safety.
 * @lock: the spinlock just taken
 * @ip:   the caller of the spin_lock*() function, for reports
 *
 * Pushes @lock on the task's held-locks list (printed by the no-sleep
 * reports), then marks the contexts its class has been taken in and
 * reports "WARNING: inconsistent lock state" the first time a class is
 * taken both in a handler and with that handler's interrupts enabled.
 *
 * Context: any context, from the spin_lock*() functions with @lock held;
 * does not sleep.
 */
void lockcheck_acquire(struct spinlock *lock, unsigned long ip)
{
	struct task_struct *tsk = current;

	if (tsk->lock_depth < MAX_HELD_LOCKS)
		tsk->held_locks[tsk->lock_depth] = (struct held_lock){ lock, ip };
	tsk->lock_depth++;
	if (!lockcheck_enabled)
		return;
	if (!lock->class)
		lock->class = find_class(lock);
	if (lock->class)
		check_usage(lock->class);
}
EXPORT_SYMBOL(lockcheck_acquire);

/**
 * lockcheck_release() - Take @lock off the current task's held-locks list.
 * @lock: the spinlock being released (in any order)
 *
 * Context: any context, from the spin_unlock*() functions; does not sleep.
 */
void lockcheck_release(struct spinlock *lock)
{
	struct task_struct *tsk = current;
	unsigned int n = min(tsk->lock_depth, (unsigned int)MAX_HELD_LOCKS);

	/* Locks need not be released in the order they were taken. */
	for (unsigned int i = n; i-- > 0;) {
		if (tsk->held_locks[i].lock == lock) {
			for (; i + 1 < n; i++)
				tsk->held_locks[i] = tsk->held_locks[i + 1];
			break;
		}
	}
	if (tsk->lock_depth)
		tsk->lock_depth--;
}
EXPORT_SYMBOL(lockcheck_release);
