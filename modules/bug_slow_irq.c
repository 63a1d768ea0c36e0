/*
 * bug_slow_irq: does long work in an interrupt handler: 5 ms of busy
 * waiting, with interrupts off on its CPU. Every other interrupt of that CPU
 * waits meanwhile. insmod shows "irq 38 handler bug_slow_irq took ... us
 * (irq_warn_us=...): defer long work to a bottom half".
 */
#include <linux/delay.h>
#include "bug_irq.h"

static irqreturn_t slow_handler(int irq, void *dev_id)
{
	udelay(5000); /* the bug: long work belongs in a bottom half */
	bug_irq_done();
	return IRQ_HANDLED;
}

BUG_IRQ_MODULE(slow_handler, "bug_slow_irq",
	       "Deliberately buggy: long work in an interrupt handler");
