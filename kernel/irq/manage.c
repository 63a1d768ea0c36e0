/*
 * Drivers' side of the IRQ layer: request_irq/free_irq and disabling lines.
 * All of it is process context: request_irq allocates with GFP_KERNEL and
 * free_irq waits for a running handler to finish.
 */
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/irqdesc.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/might_sleep.h>
#include <linux/slab.h>
#include "internals.h"

/* Flags that every handler of a shared line must agree on. */
#define IRQF_MUST_MATCH (IRQF_SHARED | IRQF_ONESHOT | IRQF_TIMER)

static struct irq_desc *valid_desc(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);
	return desc && desc->irq_data.chip ? desc : NULL;
}

int irq_set_affinity(unsigned int irq, const struct cpumask *mask)
{
	struct irq_desc *desc = valid_desc(irq);
	struct irq_chip *chip = desc ? desc->irq_data.chip : NULL;

	if (!chip || !chip->irq_set_affinity)
		return -EINVAL;
	return chip->irq_set_affinity(&desc->irq_data, mask);
}

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
		desc->istate &= ~IRQS_PENDING;
		irq_unmask(desc);
	}
	return 0;
}

int request_threaded_irq(unsigned int irq, irq_handler_t handler, irq_handler_t thread_fn,
			 unsigned long flags, const char *name, void *dev_id)
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
				      .flags = flags, .name = name };
	if (thread_fn && (ret = irq_start_thread(action))) {
		kfree(action);
		return ret;
	}
	spin_lock_irqsave(&desc->lock, irqflags);
	ret = add_action(desc, action);
	spin_unlock_irqrestore(&desc->lock, irqflags);
	if (ret) {
		if (action->thread)
			kthread_stop(action->thread);
		kfree(action);
	}
	return ret;
}

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
	if (action->thread)
		kthread_stop(action->thread);
	name = action->name;
	kfree(action);
	return name;
}

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

void disable_irq(unsigned int irq)
{
	disable_irq_nosync(irq);
	synchronize_irq(irq);
}

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
