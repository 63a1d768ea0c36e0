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
 * that frees the line and requests it again, or adds a handler to the
 * shared line, gets it enabled again. `noirqdebug` turns the policy off.
 *
 * Recovery, as in Linux. A disabled line may still carry a device that a
 * driver serves: every HZ/10 a timer polls the handlers of each line that
 * nobody cared about, so that device keeps working, slowly. And broken
 * firmware may route a device's interrupt to the wrong line, where nobody
 * claims it while its driver listens on another: with `irqfixup` every
 * unclaimed arrival is offered to the handlers of every other shared line
 * (a claim there counts as handled), and `irqpoll` also polls every shared
 * line every HZ/10 (Linux does it on each timer interrupt).
 */
#include <linux/atomic.h>
#include <linux/init.h>
#include <linux/irqdesc.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/timer.h>
#include <janus/log.h>
#include "internals.h"

#define WINDOW NOTE_INTERRUPT_WINDOW
#define UNHANDLED_LIMIT 99900
#define POLL_INTERVAL (HZ / 10)

static bool noirqdebug;
unsigned long irqs_spurious_disabled; /* lines disabled so far (the tests read it) */
int irqfixup;                         /* IRQFIXUP_MISROUTED, IRQFIXUP_POLL, or 0 */
static atomic_t irq_poll_active;      /* one poller at a time, on any CPU */
static void poll_spurious_irqs(struct timer_list *unused);
static DEFINE_TIMER(poll_spurious_irq_timer, poll_spurious_irqs);

static int __init noirqdebug_setup(char *val)
{
	if (val)
		return -EINVAL;
	noirqdebug = true;
	return 0;
}
early_param("noirqdebug", noirqdebug_setup);

static int __init irqfixup_mode(char *val, int mode)
{
	if (val)
		return -EINVAL;
	irqfixup = mode;
	pr_warn("Misrouted IRQ fixup%s support enabled.\n", mode == IRQFIXUP_POLL ? " and polling" : "");
	pr_warn("This may impact system performance.\n");
	return 0;
}

static int __init irqfixup_setup(char *val)
{
	return irqfixup_mode(val, IRQFIXUP_MISROUTED);
}
early_param("irqfixup", irqfixup_setup);

static int __init irqpoll_setup(char *val)
{
	return irqfixup_mode(val, IRQFIXUP_POLL);
}
early_param("irqpoll", irqpoll_setup);

/* Offers an arrival on @irq that nobody claimed to every other shared line. */
static bool misrouted_irq(unsigned int irq)
{
	struct irq_desc *desc;
	unsigned int i;
	bool claimed = false;

	if (atomic_inc_return(&irq_poll_active) == 1)
		for_each_irq_desc(i, desc)
			if (i && i != irq && desc->irq_data.chip)
				claimed |= irq_poll_line(desc, false);
	atomic_dec(&irq_poll_active);
	return claimed;
}

/* Every HZ/10 while a line is disabled (or always, with irqpoll): poll the
 * lines nobody cared about, and with irqpoll every other shared line too. */
static void poll_spurious_irqs(struct timer_list *unused)
{
	struct irq_desc *desc;
	unsigned int i;
	bool all = irqfixup == IRQFIXUP_POLL, again = all;

	(void)unused;
	if (atomic_inc_return(&irq_poll_active) == 1) {
		for_each_irq_desc(i, desc) {
			bool nobody_cared = (READ_ONCE(desc->istate) & IRQS_SPURIOUS_DISABLED) &&
					    READ_ONCE(desc->action);

			if (!i || !desc->irq_data.chip || (!nobody_cared && !all))
				continue;
			again |= nobody_cared;
			local_irq_disable();
			irq_poll_line(desc, nobody_cared);
			local_irq_enable();
		}
	} else {
		again = true; /* someone else is polling: try again next time */
	}
	atomic_dec(&irq_poll_active);
	if (again)
		mod_timer(&poll_spurious_irq_timer, jiffies + POLL_INTERVAL);
}

static int __init irqpoll_start(void)
{
	if (irqfixup == IRQFIXUP_POLL)
		mod_timer(&poll_spurious_irq_timer, jiffies + POLL_INTERVAL);
	return 0;
}
late_initcall(irqpoll_start);

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
	mod_timer(&poll_spurious_irq_timer, jiffies + POLL_INTERVAL);
}

/**
 * note_interrupt_slow() - note_interrupt() for an arrival it does not count inline.
 * @desc: the line
 * @ret:  the handlers' results, or-ed: IRQ_NONE if none of them claimed it
 *
 * With irqfixup an unclaimed arrival is first offered to the other shared
 * lines' handlers. Disables the line after more than 99,900 unhandled
 * arrivals in a window of 100,000 (see the top of this file). Runs of the
 * poller are not arrivals and are not counted.
 *
 * Context: hardirq, from handle_irq_event(), without desc->lock.
 * Return: @ret, or IRQ_HANDLED if another line's handler claimed it.
 */
irqreturn_t note_interrupt_slow(struct irq_desc *desc, irqreturn_t ret)
{
	if (desc->istate & IRQS_POLL_INPROGRESS)
		return ret;
	if (ret == IRQ_NONE && irqfixup && misrouted_irq(desc->irq_data.irq))
		ret = IRQ_HANDLED;
	if (ret == IRQ_NONE) {
		desc->irqs_unhandled++;
		if (time_after(jiffies, desc->last_unhandled + HZ / 10))
			desc->unhandled_window = 1;
		else
			desc->unhandled_window++;
		desc->last_unhandled = jiffies;
	}
	if (noirqdebug || ++desc->irq_count < WINDOW)
		return ret;
	desc->irq_count = 0;
	if (desc->unhandled_window > UNHANDLED_LIMIT)
		report_and_disable(desc);
	desc->unhandled_window = 0;
	return ret;
}
