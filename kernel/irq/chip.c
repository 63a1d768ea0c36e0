/*
 * The flow of one interrupt through a line (step 4 of docs/interrupts.md):
 * mask and acknowledge it at the controller, run its handlers unless they are
 * already running or the line is disabled, run them again if it fired
 * meanwhile, unmask. This is what makes a line's handlers never re-entrant,
 * on one CPU or several.
 */
#include <linux/irqdesc.h>
#include <linux/kernel.h>
#include <linux/smp.h>
#include "internals.h"

/**
 * irq_mask() - Mask a line at its interrupt controller and remember it is masked.
 * @desc: the line
 *
 * Context: any context, with @desc->lock held; does not sleep.
 */
void irq_mask(struct irq_desc *desc)
{
	desc->irq_data.chip->irq_mask(&desc->irq_data);
	desc->istate |= IRQS_MASKED;
}

/**
 * irq_unmask() - Unmask a line at its interrupt controller.
 * @desc: the line
 *
 * Context: any context, with @desc->lock held; does not sleep.
 */
void irq_unmask(struct irq_desc *desc)
{
	desc->istate &= ~IRQS_MASKED;
	desc->irq_data.chip->irq_unmask(&desc->irq_data);
}

static void mask_ack(struct irq_desc *desc)
{
	struct irq_chip *chip = desc->irq_data.chip;

	if (chip->irq_mask_ack) {
		chip->irq_mask_ack(&desc->irq_data);
	} else {
		chip->irq_mask(&desc->irq_data);
		chip->irq_eoi(&desc->irq_data);
	}
	desc->istate |= IRQS_MASKED;
}

/* Runs the handlers, again while arrivals came meanwhile, then unmasks the
 * line unless it is disabled; desc->lock held (dropped around the handlers). */
static __always_inline irqreturn_t run_handlers(struct irq_desc *desc)
{
	irqreturn_t ret = IRQ_NONE;

	desc->istate |= IRQS_INPROGRESS;
	do {
		desc->istate &= ~IRQS_PENDING;
		spin_unlock(&desc->lock);
		ret |= handle_irq_event(desc);
		spin_lock(&desc->lock);
	} while ((desc->istate & IRQS_PENDING) && !desc->depth);
	desc->istate &= ~IRQS_INPROGRESS;
	/* A ONESHOT thread that has work keeps the line masked until it is done. */
	if (!desc->depth && !desc->threads_oneshot)
		irq_unmask(desc);
	return ret;
}

/* Hardirq context, interrupts off. */
static void handle_irq_desc(struct irq_desc *desc)
{
	struct irq_chip *chip = desc->irq_data.chip;

	if (chip->irq_is_spurious && chip->irq_is_spurious(&desc->irq_data)) {
		desc->spurious++;
		return;
	}
	spin_lock(&desc->lock);
	desc->kstat_irqs[smp_processor_id()]++;
	mask_ack(desc);
	/* Running elsewhere (or below us, on this CPU), or disabled: remember it. */
	if ((desc->istate & IRQS_INPROGRESS) || desc->depth || !desc->action) {
		desc->istate |= IRQS_PENDING;
		spin_unlock(&desc->lock);
		return;
	}
	run_handlers(desc);
	spin_unlock(&desc->lock);
}

/**
 * irq_poll_line() - Run a line's handlers without an arrival (kernel/irq/spurious.c).
 * @desc:     the line
 * @disabled: poll it even if it is disabled (a line "nobody cared" about)
 *
 * Only shared lines are polled, whose handlers must already cope with being
 * called when their device did not interrupt; never the timer, and never a
 * line whose handlers are running: an arrival meanwhile runs them again.
 *
 * Context: interrupts off (hardirq, or a timer with interrupts disabled);
 * @desc->lock not held; does not sleep.
 * Return: true if a handler claimed an interrupt.
 */
bool irq_poll_line(struct irq_desc *desc, bool disabled)
{
	struct irqaction *action;
	irqreturn_t ret = IRQ_NONE;

	spin_lock(&desc->lock);
	action = desc->action;
	if (action && (action->flags & IRQF_SHARED) && !(action->flags & IRQF_TIMER) &&
	    !(desc->istate & IRQS_INPROGRESS) && (disabled || !desc->depth)) {
		desc->istate |= IRQS_POLL_INPROGRESS;
		ret = run_handlers(desc);
		desc->istate &= ~IRQS_POLL_INPROGRESS;
	}
	spin_unlock(&desc->lock);
	return ret & IRQ_HANDLED;
}

/**
 * generic_handle_irq() - Run the flow of one interrupt on line @irq.
 * @irq: the line that fired
 *
 * Masks and acknowledges the line, runs its handlers unless they are
 * already running (on any CPU) or the line is disabled, in which case the
 * arrival is marked pending, runs them again if it fired meanwhile, and
 * unmasks the line (unless a ONESHOT thread still has work). An IRQ number
 * without a controller goes to arch_unexpected_irq().
 *
 * Context: hardirq context, interrupts off, from do_IRQ(); does not sleep.
 */
void generic_handle_irq(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);

	if (!desc || !desc->irq_data.chip) {
		arch_unexpected_irq(irq);
		return;
	}
	handle_irq_desc(desc);
}
