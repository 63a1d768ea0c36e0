/*
 * bug_sleep_in_irq: sleeps in an interrupt handler. A handler runs in
 * interrupt context, on behalf of nobody: there is no task to put to sleep.
 * insmod shows "BUG: sleeping function called from invalid context", with
 * the handler's name and line; the sleep does not happen.
 */
#include <linux/delay.h>
#include "bug_irq.h"

static irqreturn_t sleepy_handler(int irq, void *dev_id)
{
	msleep(10); /* the bug: msleep may sleep */
	bug_irq_done();
	return IRQ_HANDLED;
}

BUG_IRQ_MODULE(sleepy_handler, "bug_sleep_in_irq",
	       "Deliberately buggy: sleeps in an interrupt handler");
