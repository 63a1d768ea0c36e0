/*
 * Interrupts nobody handles (Linux's kernel/irq/spurious.c). A line whose
 * every handler returns IRQ_NONE is raised by a device no driver knows, or
 * one its driver cannot quiet: left alone, a level-triggered line like that
 * interrupts the CPU again the moment it is unmasked, forever, and nothing
 * else runs. So every arrival is counted, in windows of 100,000; a window
 * with more than 99,900 unhandled (in a row: a pause of more than HZ/10
 * between two starts the count again) ends with Linux's report and the line
 * disabled:
 *
 *   irq 35: nobody cared (try booting with the "irqpoll" option)
 *   ... backtrace, the handlers ...
 *   Disabling IRQ #35
 *
 * /proc/interrupts then shows the line as "disabled: nobody cared". A driver
 * that frees the line and requests it again gets it enabled. `noirqdebug`
 * turns the policy off.
 */
#include <linux/init.h>
#include <linux/irqdesc.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <janus/log.h>
#include "internals.h"

#define WINDOW 100000
#define UNHANDLED_LIMIT 99900

static bool noirqdebug;
unsigned long irqs_spurious_disabled; /* lines disabled so far (the tests read it) */

static int __init noirqdebug_setup(char *val)
{
	if (val)
		return -EINVAL;
	noirqdebug = true;
	return 0;
}
early_param("noirqdebug", noirqdebug_setup);

static void report_and_disable(struct irq_desc *desc)
{
	unsigned int irq = desc->irq_data.irq;

	report_begin();
	pr_err("irq %u: nobody cared (try booting with the \"irqpoll\" option)\n", irq);
	dump_stack();
	pr_err("handlers:\n");
	for (struct irqaction *a = desc->action; a; a = a->next)
		pr_err("[<%p>] %ps (%s)\n", a->handler, a->handler, a->name);
	pr_emerg("Disabling IRQ #%u\n", irq);
	report_end();
	spin_lock(&desc->lock);
	desc->istate |= IRQS_SPURIOUS_DISABLED;
	if (!desc->depth++)
		irq_mask(desc);
	spin_unlock(&desc->lock);
	WRITE_ONCE(irqs_spurious_disabled, irqs_spurious_disabled + 1);
}

/**
 * note_interrupt() - Count one arrival of a line and what its handlers said.
 * @desc: the line
 * @ret:  the handlers' results, or-ed: IRQ_NONE if none of them claimed it
 *
 * Disables the line after more than 99,900 unhandled arrivals in a window
 * of 100,000 (see the top of this file).
 *
 * Context: hardirq, from handle_irq_event(), without desc->lock.
 */
void note_interrupt(struct irq_desc *desc, irqreturn_t ret)
{
	if (ret == IRQ_NONE) {
		desc->irqs_unhandled++;
		if (time_after(jiffies, desc->last_unhandled + HZ / 10))
			desc->unhandled_window = 1;
		else
			desc->unhandled_window++;
		desc->last_unhandled = jiffies;
	}
	if (noirqdebug || ++desc->irq_count < WINDOW)
		return;
	desc->irq_count = 0;
	if (desc->unhandled_window > UNHANDLED_LIMIT)
		report_and_disable(desc);
	desc->unhandled_window = 0;
}
