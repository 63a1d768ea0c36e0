/*
 * Shared by the deliberately buggy modules (modules/bug_*.c): each breaks
 * one rule of interrupt context inside an interrupt handler, so that insmod
 * shows the report the kernel prints. The handler runs for real: on one of
 * the simulated lines (IRQ 32-39, tests/kernel/irq_sim.c), which the module
 * fires itself from its init function, then waits until its handler ran.
 */
#ifndef _MODULES_BUG_IRQ_H
#define _MODULES_BUG_IRQ_H
#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/wait.h>

static unsigned int irq = 38;
module_param(irq, uint, 0444);
MODULE_PARM_DESC(irq, "the simulated interrupt line to use (32 to 39)");

static DECLARE_WAIT_QUEUE_HEAD(bug_handled_wq);
static bool bug_handled;

/* The handler calls this once it has done its deed. */
static inline void bug_irq_done(void)
{
	WRITE_ONCE(bug_handled, true);
	wake_up(&bug_handled_wq);
}

/* Fires the line the module requested and waits (up to a second) for its handler. */
static inline void bug_irq_fire(const char *name)
{
	irq_sim_fire(irq);
	if (!wait_event_timeout(bug_handled_wq, READ_ONCE(bug_handled), HZ))
		pr_err("%s: irq %u never came\n", name, irq);
}

/* The module around a buggy handler: its init requests the line, fires it,
 * waits for the handler and frees the line again; its exit has nothing to do. */
#define BUG_IRQ_MODULE(handler, name, description)                           \
	static int __init bug_init(void)                                     \
	{                                                                    \
		int err = request_irq(irq, handler, 0, name, &bug_handled);  \
		if (err)                                                     \
			return err;                                          \
		bug_irq_fire(name);                                          \
		free_irq(irq, &bug_handled);                                 \
		return 0;                                                    \
	}                                                                    \
	static void __exit bug_exit(void)                                    \
	{                                                                    \
	}                                                                    \
	module_init(bug_init);                                               \
	module_exit(bug_exit);                                               \
	MODULE_LICENSE("GPL");                                               \
	MODULE_DESCRIPTION(description)

#endif
