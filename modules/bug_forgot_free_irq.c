/*
 * bug_forgot_free_irq: requests an interrupt line and forgets free_irq in
 * its exit function. In Linux the module's memory is freed anyway and the
 * next interrupt jumps into it. Janus checks at rmmod what is still
 * registered, prints "BUG: module bug_forgot_free_irq unloaded with irq 38
 * handler forgotten_handler still registered (request_irq at
 * bug_forgot_free_irq.c:NN)", and keeps the module (lsmod: Unloading).
 */
#include "bug_irq.h"

static irqreturn_t forgotten_handler(int irq, void *dev_id)
{
	bug_irq_done();
	return IRQ_HANDLED;
}

static int __init bug_init(void)
{
	int err = request_irq(irq, forgotten_handler, 0, "bug_forgot_free_irq", &bug_handled);

	if (!err)
		bug_irq_fire("bug_forgot_free_irq");
	return err;
}

static void __exit bug_exit(void)
{
	/* the bug: no free_irq(irq, &bug_handled) */
}

module_init(bug_init);
module_exit(bug_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Deliberately buggy: forgets free_irq when unloaded");
