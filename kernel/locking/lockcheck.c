/*
 * The IRQ-safety half of the lock validator: for every lock class, which
 * contexts took it.
 *
 *   IN-HARDIRQ    taken in a hardirq handler                  (hardirq-safe)
 *   HARDIRQ-ON    taken with interrupts enabled (outside hardirq context)
 *                                                             (hardirq-unsafe)
 *   IN-SOFTIRQ    taken in a softirq                          (softirq-safe)
 *   SOFTIRQ-ON    taken with softirqs able to run (bottom halves and interrupts on)
 *                                                             (softirq-unsafe)
 *
 * A class with both IN-HARDIRQ and HARDIRQ-ON can deadlock: a task holds the
 * lock with interrupts on, an interrupt on the same CPU wants it and spins
 * forever, because the holder never runs again. Same for softirqs. The first
 * time a class gets the second half of such a pair it is reported, with the
 * backtraces of both uses, and counted in lockcheck_reports.
 *
 * Two classes can deadlock the same way through the order graph: if a
 * hardirq-safe lock S is ever held while a hardirq-unsafe lock U is taken
 * (S -> U, directly or through other locks), then CPU0 holds U with
 * interrupts on, CPU1 holds S and waits for U, and an interrupt on CPU0 waits
 * for S. That is reported (counted in lockcheck_irq_order_reports) as soon
 * as both halves are known, whichever comes last: the edge ("HARDIRQ-safe ->
 * HARDIRQ-unsafe lock order detected") or a class's new usage ("irq lock
 * inversion dependency detected"). The classes themselves and the order
 * graph are in lockdep.c.
 */
#include <trace/events/janus.h>
#include <asm/processor.h>
#include <linux/export.h>
#include <linux/hardirq.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sprintf.h>
#include <janus/log.h>
#include "lockdep_internals.h"

static const char *const usage_names[NR_USAGE] = {
	"IN-HARDIRQ-W", "HARDIRQ-ON-W", "IN-SOFTIRQ-W", "SOFTIRQ-ON-W",
};

unsigned long lockcheck_reports, lockcheck_irq_order_reports;

/* The two kinds of irq-safety the order checks look at. */
static const struct irq_kind {
	enum lock_usage safe, unsafe;
	const char *name, *disable, *event;
} irq_kinds[] = {
	{ IN_HARDIRQ, HARDIRQ_ON, "HARDIRQ", "local_irq_disable", "Interrupt" },
	{ IN_SOFTIRQ, SOFTIRQ_ON, "SOFTIRQ", "local_bh_disable", "SoftIRQ" },
};

static void print_class(const struct lock_class *class)
{
	char usage[5];

	lock_class_usage_str(class, usage);
	pr_warn(" (%s){%s}\n", class->name, usage);
}

/* Both halves of an irq-safe -> irq-unsafe order, and how it deadlocks. */
static void print_safe_unsafe(const struct lock_class *safe, const struct lock_class *unsafe,
			      const struct irq_kind *k)
{
	pr_warn("\nthe %s-irq-safe lock:\n", k->name);
	print_class(safe);
	pr_warn("... which became %s-irq-safe at:\n", k->name);
	lock_trace_print(&safe->usage_trace[k->safe]);
	pr_warn("\nis held while taking (directly or through others) the %s-irq-unsafe lock:\n",
		k->name);
	print_class(unsafe);
	pr_warn("... which became %s-irq-unsafe at:\n", k->name);
	lock_trace_print(&unsafe->usage_trace[k->unsafe]);
	pr_warn("\nother info that might help us debug this:\n\n");
	pr_warn(" Possible interrupt unsafe locking scenario:\n\n");
	pr_warn("       CPU0                    CPU1\n");
	pr_warn("       ----                    ----\n");
	pr_warn("  lock(%s);\n", unsafe->name);
	pr_warn("                               %s();\n", k->disable);
	pr_warn("                               lock(%s);\n", safe->name);
	pr_warn("                               lock(%s);\n", unsafe->name);
	pr_warn("  <%s>\n", k->event);
	pr_warn("    lock(%s);\n", safe->name);
	pr_warn("\n *** DEADLOCK ***\n\n");
	lockdep_print_report_end();
}

static void report_irq_order(const struct held_lock *held, struct lockdep_map *next,
			     unsigned long ip, const struct lock_class *safe,
			     const struct lock_class *unsafe, const struct irq_kind *k)
{
	char title[64];

	lockcheck_irq_order_reports++;
	snprintf(title, sizeof(title), "WARNING: %s-safe -> %s-unsafe lock order detected", k->name,
		 k->name);
	report_begin();
	pr_warn("=====================================================\n");
	pr_warn("%s\n", title);
	trace_janus_report(title);
	pr_warn("-----------------------------------------------------\n");
	pr_warn("%s/%d [HC%d:SC%d:HE%d:SE%d] is trying to acquire:\n", current->comm, current->pid,
		!!in_hardirq(), !!in_serving_softirq(), !irqs_disabled(), !softirq_count());
	pr_warn(" %p (%s), at: %pS\n", next, next->class->name, (void *)ip);
	pr_warn("\nand this task is already holding:\n");
	pr_warn(" %p (%s), at: %pS\n", held->map, held->map->class->name, (void *)held->ip);
	pr_warn("which would create a new lock dependency:\n");
	pr_warn(" (%s) -> (%s)\n", held->map->class->name, next->class->name);
	print_safe_unsafe(safe, unsafe, k);
	report_end();
}

static void report_inversion(const struct lock_class *changed, const struct lock_class *safe,
			     const struct lock_class *unsafe, const struct irq_kind *k)
{
	lockcheck_irq_order_reports++;
	report_begin();
	pr_warn("========================================================\n");
	pr_warn("WARNING: irq lock inversion dependency detected\n");
	trace_janus_report("WARNING: irq lock inversion dependency detected");
	pr_warn("--------------------------------------------------------\n");
	pr_warn("%s/%d just changed the state of lock:\n", current->comm, current->pid);
	print_class(changed);
	if (changed == safe)
		pr_warn("but this lock took another, %s-unsafe lock in the past:\n", k->name);
	else
		pr_warn("but this lock was taken by another, %s-safe lock in the past:\n", k->name);
	print_class(changed == safe ? unsafe : safe);
	print_safe_unsafe(safe, unsafe, k);
	report_end();
}

/* Claims the one report a safe class gets; lockdep_graph_lock held. */
static bool first_report(struct lock_class *safe)
{
	if (safe->order_reported)
		return false;
	safe->order_reported = true;
	return true;
}

/**
 * lockcheck_check_new_dep() - Check a new edge for an irq-safe -> irq-unsafe order.
 * @held: the lock held, whose class the edge leaves
 * @next: the lock being taken, whose class it enters
 * @ip:   where @next is being taken
 *
 * Context: lock_acquire(), interrupts off, lockdep_graph_lock not held.
 */
void lockcheck_check_new_dep(const struct held_lock *held, struct lockdep_map *next,
			     unsigned long ip)
{
	for (const struct irq_kind *k = irq_kinds; k < irq_kinds + ARRAY_SIZE(irq_kinds); k++) {
		struct lock_class *safe, *unsafe = NULL;

		arch_spin_lock(&lockdep_graph_lock);
		safe = lockdep_find_usage(held->map->class, true, k->safe, false);
		if (safe)
			unsafe = lockdep_find_usage(next->class, false, k->unsafe, false);
		if (!unsafe || unsafe == safe || !first_report(safe))
			unsafe = NULL;
		arch_spin_unlock(&lockdep_graph_lock);
		if (unsafe)
			report_irq_order(held, next, ip, safe, unsafe, k);
	}
}

/* A class just got usage u: does an order now join a safe and an unsafe
 * class? The kind, with the pair; lockdep_graph_lock held. */
static const struct irq_kind *inverted_by(struct lock_class *class, enum lock_usage u,
					  struct lock_class **safe, struct lock_class **unsafe)
{
	for (const struct irq_kind *k = irq_kinds; k < irq_kinds + ARRAY_SIZE(irq_kinds); k++) {
		if (u == k->safe) {
			*safe = class;
			*unsafe = lockdep_find_usage(class, false, k->unsafe, true);
		} else if (u == k->unsafe) {
			*unsafe = class;
			*safe = lockdep_find_usage(class, true, k->safe, true);
		} else {
			continue;
		}
		if (*safe && *unsafe && first_report(*safe))
			return k;
	}
	return NULL;
}

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
	struct lock_class *safe = NULL, *unsafe = NULL;
	const struct irq_kind *kind = NULL;

	if ((READ_ONCE(class->usage) & u) == u)
		return; /* nothing new: the common case, no lock taken */
	arch_spin_lock(&lockdep_graph_lock);
	for (enum lock_usage i = 0; i < NR_USAGE; i++) {
		if (!(u & (1u << i)) || (class->usage & (1u << i)))
			continue;
		enum lock_usage old = mark(class, i);
		if (old != NR_USAGE && bad == NR_USAGE) {
			bad = old;
			with = i;
		}
		if (!kind)
			kind = inverted_by(class, i, &safe, &unsafe);
	}
	arch_spin_unlock(&lockdep_graph_lock);
	if (bad != NR_USAGE)
		report(class, bad, with);
	if (kind)
		report_inversion(class, safe, unsafe, kind);
}
