/*
 * Running a line's handlers: every irqaction on the chain is called, because on
 * a shared line any of the devices may have raised it; a handler that finds
 * its device quiet returns IRQ_NONE. An arrival that no handler claims is
 * counted as unhandled; a line that storms with them is disabled
 * (note_interrupt, kernel/irq/spurious.c).
 *
 * Each handler is also watched (seed 001's rules for interrupt handlers):
 * it must return with preempt_count as it found it and with interrupts still
 * off, and it should be quick: longer than irq_warn_us microseconds is reported.
 * The time spent printing a report about the handler (a might_sleep BUG, a
 * WARN) is not counted: that is the report's cost, not the handler's.
 */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/irqdesc.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/lockdep.h>
#include <linux/sched/clock.h>
#include <linux/sprintf.h>
#include <linux/smp.h>
#include <janus/log.h>
#include <janus/nosleep.h>
#include <trace/events/irq.h>
#include "internals.h"

unsigned int irq_warn_us = 1000;

static int __init irq_warn_us_setup(char *val)
{
	unsigned int us;

	if (!val || kstrtouint(val, 0, &us) || !us)
		return -EINVAL;
	irq_warn_us = us;
	return 0;
}
early_param("irq_warn_us", irq_warn_us_setup);

/* A handler that returns with a lock held: name it and release it. */
static noinline void repair_leaked_locks(unsigned int irq, struct irqaction *action,
					 unsigned int depth)
{
	char what[48];

	snprintf(what, sizeof(what), "irq %u handler %s", irq, action->name);
	lockdep_repair_leaks(depth, what);
}

static irqreturn_t run_action(struct irq_desc *desc, struct irqaction *action)
{
	unsigned int irq = desc->irq_data.irq;
	int count = preempt_count();
	unsigned int locks = lockdep_enabled() ? lockdep_depth() : 0;
	cycles_t start = get_cycles();
	u64 reported = report_ns(), ns;
	irqreturn_t ret;

	this_cpu_write(atomic_ctx.irq, irq);
	this_cpu_write(atomic_ctx.irq_name, action->name);
	trace_irq_handler_entry(irq, action->name);
	ret = action->handler(irq, action->dev_id);
	trace_irq_handler_exit(irq, ret);
	/* The handler's own time: printing a report about it is not its doing.
	 * The same clock as local_clock(), converted once, not at both ends. */
	ns = cycles_to_ns(get_cycles() - start);
	reported = report_ns() - reported;
	ns = reported < ns ? ns - reported : 0;

	if (lockdep_enabled() && unlikely(lockdep_depth() != locks))
		repair_leaked_locks(irq, action, locks);
	if (preempt_count() != count)
		report_preempt_leak("irq handler", action->name, NULL, count, preempt_count());
	if (!irqs_disabled()) {
		nosleep_stats.irqs_enabled_leaks++;
		WARN(1, "irq %u handler %s enabled interrupts\n", irq, action->name);
		local_irq_disable();
	}
	if (ret == IRQ_WAKE_THREAD) {
		irq_wake_thread(desc, action);
		ret = IRQ_HANDLED;
	}
	desc->max_ns = max(desc->max_ns, ns);
	if (ns > (u64)irq_warn_us * 1000) {
		nosleep_stats.slow_irq_handlers++;
		pr_warn("irq %u handler %s took %u us (irq_warn_us=%u): defer long work to a "
			"bottom half\n", irq, action->name, (unsigned int)div_u64(ns, 1000), irq_warn_us);
	}
	return ret;
}

/**
 * handle_irq_event() - Call every handler on a line's chain.
 * @desc: the line
 *
 * All of them run, because on a shared line any device may have raised it.
 * Each is watched: a changed preempt_count ("BUG: irq handler NAME leaked
 * preempt count"), interrupts turned on (a WARNING; turned off again), and
 * a run longer than irq_warn_us microseconds are reported. IRQ_WAKE_THREAD
 * wakes the action's thread. An arrival no handler claims is counted as
 * unhandled; a line that storms with them is disabled (note_interrupt()).
 *
 * Context: hardirq context, interrupts off, from the flow
 * (generic_handle_irq()), or the irqpoll poller with interrupts off; does
 * not sleep.
 * Return: IRQ_HANDLED if a handler (or, with irqfixup, one of another
 * line) claimed the arrival, else IRQ_NONE.
 */
irqreturn_t handle_irq_event(struct irq_desc *desc)
{
	irqreturn_t ret = IRQ_NONE;
	int prev_irq = this_cpu_read(atomic_ctx.irq);
	const char *prev_name = this_cpu_read(atomic_ctx.irq_name);

	for (struct irqaction *action = desc->action; action; action = action->next)
		ret |= run_action(desc, action);
	/* Back to whatever handler this one interrupted, if any. */
	this_cpu_write(atomic_ctx.irq, prev_irq);
	this_cpu_write(atomic_ctx.irq_name, prev_name);

	return note_interrupt(desc, ret);
}
