/*
 * Drivers' side of the IRQ layer: request_irq/free_irq and disabling lines.
 * All of it is process context: request_irq allocates with GFP_KERNEL and
 * free_irq waits for a running handler to finish.
 */
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/interrupt.h>
#include <linux/irqdesc.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/might_sleep.h>
#include <linux/kallsyms.h>
#include <linux/slab.h>
#include <janus/leftovers.h>
#include "internals.h"

/* Flags that every handler of a shared line must agree on. */
#define IRQF_MUST_MATCH (IRQF_SHARED | IRQF_ONESHOT | IRQF_TIMER)

static struct irq_desc *valid_desc(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);
	return desc && desc->irq_data.chip ? desc : NULL;
}

/**
 * irq_set_affinity() - Route line @irq to the CPUs in @mask (the controller picks one).
 * @irq:  the IRQ number
 * @mask: the CPUs that may receive it
 *
 * Context: any context; does not sleep. Only lines of a controller that can
 * route (the IO-APIC) support it.
 * Return: 0, or -EINVAL if the line does not exist or its controller cannot route.
 */
int irq_set_affinity(unsigned int irq, const struct cpumask *mask)
{
	struct irq_desc *desc = valid_desc(irq);
	struct irq_chip *chip = desc ? desc->irq_data.chip : NULL;

	if (!chip || !chip->irq_set_affinity)
		return -EINVAL;
	return chip->irq_set_affinity(&desc->irq_data, mask);
}
EXPORT_SYMBOL_GPL(irq_set_affinity);

/* Adds action to the line, or says why not; desc->lock held. */
static int add_action(struct irq_desc *desc, struct irqaction *new)
{
	struct irqaction **p = &desc->action;
	unsigned int used = 0;

	if (*p) {
		struct irqaction *old = *p;
		if (!(old->flags & new->flags & IRQF_SHARED) ||
		    (old->flags ^ new->flags) & IRQF_MUST_MATCH) {
			pr_err("genirq: Flags mismatch irq %u. %08x (%s) vs. %08x (%s)\n",
			       new->irq, new->flags, new->name, old->flags, old->name);
			return -EBUSY;
		}
		for (; *p; p = &(*p)->next)
			used |= (*p)->thread_mask;
	}
	/* Each ONESHOT thread gets its own bit in desc->threads_oneshot. */
	if ((new->flags & IRQF_ONESHOT) && new->thread_fn)
		new->thread_mask = ~used & (used + 1);
	*p = new;
	if (p == &desc->action) { /* the first handler: the line comes alive */
		desc->depth = 0;
		desc->istate &= ~(IRQS_PENDING | IRQS_SPURIOUS_DISABLED);
		desc->irq_count = desc->unhandled_window = 0;
		irq_unmask(desc);
	} else if (desc->istate & IRQS_SPURIOUS_DISABLED) {
		/* Nobody cared before: the new handler may be the one that does. */
		desc->istate &= ~IRQS_SPURIOUS_DISABLED;
		desc->irq_count = desc->unhandled_window = 0;
		if (!--desc->depth)
			irq_unmask(desc);
	}
	return 0;
}

/**
 * request_threaded_irq_at() - Add a handler (and optionally a handler thread) to line @irq.
 * @irq:       the IRQ number
 * @handler:   the hard handler, run in hardirq context; NULL for the default,
 *             which just wakes the thread (then IRQF_ONESHOT is required)
 * @thread_fn: run in process context by the kthread "irq/N-NAME" when
 *             @handler returns IRQ_WAKE_THREAD; NULL for none
 * @flags:     IRQF_SHARED, IRQF_ONESHOT, IRQF_TIMER; every handler of a shared
 *             line must agree on them
 * @name:      the name in /proc/interrupts and in reports
 * @dev_id:    passed to the handlers; identifies this handler for free_irq()
 *             (required, and unique, on a shared line)
 * @site:      the caller's file and line (the request_irq() and
 *             request_threaded_irq() macros pass CALLSITE())
 *
 * The first handler unmasks the line. request_irq() is this with no thread.
 *
 * Context: process context only; may sleep (allocates with GFP_KERNEL and
 * creates the thread). Not from a handler or with a spinlock held.
 * Return: 0; -EINVAL for a line that does not exist or bad arguments;
 * -ENOMEM; -EBUSY if the line is taken and not shareable with these flags
 * (printed as "genirq: Flags mismatch").
 */
int request_threaded_irq_at(unsigned int irq, irq_handler_t handler, irq_handler_t thread_fn,
			    unsigned long flags, const char *name, void *dev_id,
			    const struct callsite *site)
{
	struct irq_desc *desc = valid_desc(irq);
	struct irqaction *action;
	unsigned long irqflags;
	int ret;

	if (!desc || (!handler && !thread_fn) || ((flags & IRQF_SHARED) && !dev_id))
		return -EINVAL;
	/* No hard handler to quiet the device: only ONESHOT keeps it from firing
	 * again and again before the thread runs (Linux's rule too). */
	if (!handler && !(flags & IRQF_ONESHOT))
		return -EINVAL;
	action = kzalloc(sizeof(*action), GFP_KERNEL);
	if (!action)
		return -ENOMEM;
	*action = (struct irqaction){ .handler = handler ?: irq_default_primary_handler,
				      .thread_fn = thread_fn, .dev_id = dev_id, .irq = irq,
				      .flags = flags, .name = name, .site = site };
	if (thread_fn && (ret = irq_start_thread(action))) {
		kfree(action);
		return ret;
	}
	spin_lock_irqsave(&desc->lock, irqflags);
	ret = add_action(desc, action);
	spin_unlock_irqrestore(&desc->lock, irqflags);
	if (ret) {
		irq_stop_thread(action);
		kfree(action);
		return ret;
	}
	register_handler_proc(irq, action);
	return 0;
}
EXPORT_SYMBOL(request_threaded_irq_at);

/**
 * free_irq() - Remove the handler identified by @dev_id from line @irq.
 * @irq:    the IRQ number
 * @dev_id: the dev_id given to request_irq()
 *
 * Waits until the handler is not running on any CPU and its thread has
 * finished and stopped, then frees it. The last handler masks the line.
 *
 * Context: process context only; may sleep (might_sleep() reports a call
 * from atomic context). Never from the line's own handler, which would
 * wait for itself. Freeing an unknown line or a free handler WARNs.
 * Return: the handler's name, or NULL if there was nothing to free.
 */
const void *free_irq(unsigned int irq, void *dev_id)
{
	struct irq_desc *desc = valid_desc(irq);
	struct irqaction **p, *action = NULL;
	unsigned long irqflags;
	const char *name;

	might_sleep();
	if (!desc) {
		WARN(1, "Trying to free IRQ %u, which does not exist\n", irq);
		return NULL;
	}
	spin_lock_irqsave(&desc->lock, irqflags);
	for (p = &desc->action; *p; p = &(*p)->next) {
		if ((*p)->dev_id == dev_id) {
			action = *p;
			*p = action->next;
			break;
		}
	}
	if (action && !desc->action) { /* the last handler is gone: quiet the line */
		irq_mask(desc);
		desc->depth = 1;
	}
	spin_unlock_irqrestore(&desc->lock, irqflags);

	if (!action) {
		WARN(1, "Trying to free already-free IRQ %u\n", irq);
		return NULL;
	}
	/* The handler may be running on another CPU right now, or its thread. */
	synchronize_irq(irq);
	unregister_handler_proc(action);
	irq_stop_thread(action);
	name = action->name;
	kfree(action);
	return name;
}
EXPORT_SYMBOL(free_irq);

/**
 * disable_irq_nosync() - Disable line @irq without waiting for running handlers.
 * @irq: the IRQ number
 *
 * Calls nest: the line comes back after as many enable_irq() calls.
 * An arrival while disabled is remembered and delivered by enable_irq().
 *
 * Context: any context, the line's own handler included; does not sleep.
 */
void disable_irq_nosync(unsigned int irq)
{
	struct irq_desc *desc = valid_desc(irq);
	unsigned long irqflags;

	if (!desc)
		return;
	spin_lock_irqsave(&desc->lock, irqflags);
	if (!desc->depth++)
		irq_mask(desc);
	spin_unlock_irqrestore(&desc->lock, irqflags);
}
EXPORT_SYMBOL(disable_irq_nosync);

/**
 * disable_irq() - Disable line @irq and wait until its handlers have finished.
 * @irq: the IRQ number
 *
 * Context: process context; may sleep (waits in synchronize_irq() for the
 * line's threads). Never from the line's own handler: it would wait for
 * itself; use disable_irq_nosync() there.
 */
void disable_irq(unsigned int irq)
{
	disable_irq_nosync(irq);
	synchronize_irq(irq);
}
EXPORT_SYMBOL(disable_irq);

/**
 * enable_irq() - Undo one disable_irq(); the last one unmasks the line.
 * @irq: the IRQ number
 *
 * An interrupt that arrived while the line was disabled is delivered now
 * (resent through the controller's irq_retrigger).
 *
 * Context: any context; does not sleep. An enable without a matching
 * disable WARNs "Unbalanced enable for IRQ N".
 */
void enable_irq(unsigned int irq)
{
	struct irq_desc *desc = valid_desc(irq);
	unsigned long irqflags;
	bool resend = false;

	if (!desc)
		return;
	spin_lock_irqsave(&desc->lock, irqflags);
	if (!desc->depth || !desc->action) {
		spin_unlock_irqrestore(&desc->lock, irqflags);
		WARN(1, "Unbalanced enable for IRQ %u\n", irq);
		return;
	}
	if (!--desc->depth) {
		irq_unmask(desc);
		resend = (desc->istate & IRQS_PENDING) && desc->irq_data.chip->irq_retrigger;
	}
	spin_unlock_irqrestore(&desc->lock, irqflags);
	/* An interrupt that came while the line was off is delivered now. */
	if (resend)
		desc->irq_data.chip->irq_retrigger(&desc->irq_data);
}
EXPORT_SYMBOL(enable_irq);

/**
 * synchronize_irq() - Wait until no handler of line @irq is running, nor its threads.
 * @irq: the IRQ number
 *
 * Spins while a hard handler runs on another CPU, then sleeps until the
 * line's threads have finished their work.
 *
 * Context: process context only; may sleep (might_sleep() reports a call
 * from atomic context). Never from the line's own handler.
 */
void synchronize_irq(unsigned int irq)
{
	struct irq_desc *desc = valid_desc(irq);

	might_sleep();
	if (!desc)
		return;
	while (READ_ONCE(desc->istate) & IRQS_INPROGRESS)
		cpu_relax();
	wait_event(desc->wait_for_threads, !atomic_read(&desc->threads_active));
}
EXPORT_SYMBOL(synchronize_irq);

/* What a module left on the lines: each handler it requested (or whose
 * code is its own) and did not free (include/janus/leftovers.h). */
static unsigned int irq_leftovers(struct module *mod)
{
	struct irq_desc *desc;
	unsigned int irq, found = 0;
	char name[KSYM_NAME_LEN];

	for_each_irq_desc(irq, desc) {
		unsigned long flags;

		spin_lock_irqsave(&desc->lock, flags);
		for (struct irqaction *a = desc->action; a; a = a->next) {
			irq_handler_t fn = a->handler == irq_default_primary_handler ? a->thread_fn
										     : a->handler;

			if (!owned_by_module(mod, a->site, fn) &&
			    !owned_by_module(mod, NULL, a->thread_fn))
				continue;
			module_leftover(mod, a->site, "irq %u handler %s still registered", irq,
					leftover_symbol(name, fn));
			found++;
		}
		spin_unlock_irqrestore(&desc->lock, flags);
	}
	return found;
}
MODULE_LEFTOVER_CHECK(irq, irq_leftovers);
