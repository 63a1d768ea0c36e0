/*
 * The IRQ-safety half of the lock validator: for every lock class, which
 * contexts took it.
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
 * backtraces of both uses, and counted in lockcheck_reports. The classes
 * themselves and the order checks are in lockdep.c.
 */
#include <trace/events/janus.h>
#include <asm/processor.h>
#include <linux/export.h>
#include <linux/hardirq.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <janus/log.h>
#include "lockdep_internals.h"

static const char *const usage_names[NR_USAGE] = {
	"IN-HARDIRQ-W", "HARDIRQ-ON-W", "IN-SOFTIRQ-W", "SOFTIRQ-ON-W",
};

unsigned long lockcheck_reports;

static void report(struct lock_class *class, enum lock_usage old, enum lock_usage new)
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
	lock_trace_print(&class->usage_trace[new]);
	pr_warn("{%s} state was registered at:\n", usage_names[old]);
	lock_trace_print(&class->usage_trace[old]);
	pr_warn("Possible unsafe locking scenario: CPU0 takes %s with %s enabled;\n", class->name,
		hard ? "interrupts" : "softirqs");
	pr_warn("  an %s on CPU0 then takes %s too and spins forever. *** DEADLOCK ***\n",
		hard ? "interrupt" : "softirq", class->name);
	lockdep_print_held_locks(current);
	report_end();
}

/* Records a usage; returns the usage it conflicts with, or NR_USAGE.
 * lockdep_graph_lock held. */
static enum lock_usage mark(struct lock_class *class, enum lock_usage u)
{
	static const enum lock_usage opposite[NR_USAGE] = {
		[IN_HARDIRQ] = HARDIRQ_ON, [HARDIRQ_ON] = IN_HARDIRQ,
		[IN_SOFTIRQ] = SOFTIRQ_ON, [SOFTIRQ_ON] = IN_SOFTIRQ,
	};

	if (class->usage & (1u << u))
		return NR_USAGE;
	lock_trace_save(&class->usage_trace[u]);
	class->usage |= 1u << u;
	if ((class->usage & (1u << opposite[u])) && !class->usage_reported) {
		class->usage_reported = true;
		return opposite[u];
	}
	return NR_USAGE;
}

/**
 * lockcheck_usage_now() - The usages an acquisition right here stands for.
 *
 * Context: lock_acquire(), before it turns interrupts off.
 * Return: a bit per enum lock_usage.
 */
unsigned int lockcheck_usage_now(void)
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

/**
 * lockcheck_check_usage() - Record and check the context of one acquisition.
 * @class: the class of the lock being taken
 * @u:     lockcheck_usage_now(), taken before lock_acquire turned interrupts off
 *
 * Context: lock_acquire(), interrupts off.
 */
void lockcheck_check_usage(struct lock_class *class, unsigned int u)
{
	enum lock_usage bad = NR_USAGE, with = NR_USAGE;

	if ((READ_ONCE(class->usage) & u) == u)
		return; /* nothing new: the common case, no lock taken */
	arch_spin_lock(&lockdep_graph_lock);
	for (enum lock_usage i = 0; i < NR_USAGE; i++) {
		if (!(u & (1u << i)))
			continue;
		enum lock_usage old = mark(class, i);
		if (old != NR_USAGE && bad == NR_USAGE) {
			bad = old;
			with = i;
		}
	}
	arch_spin_unlock(&lockdep_graph_lock);
	if (bad != NR_USAGE)
		report(class, bad, with);
}
