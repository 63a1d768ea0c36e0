/*
 * bug_user_memory_in_irq: copies to user memory from an interrupt handler.
 * `current` in a handler is whatever task happened to be interrupted: its
 * address space is not the handler's to write (and a fault there could not
 * sleep to be handled). insmod shows "BUG: user memory accessed from
 * interrupt context"; the copy is refused.
 */
#include <linux/uaccess.h>
#include "bug_irq.h"

static irqreturn_t uaccess_handler(int irq, void *dev_id)
{
	static const char msg[] = "hello from a handler";

	if (copy_to_user((void __user *)0x08048000, msg, sizeof(msg))) /* the bug */
		pr_err("bug_user_memory_in_irq: the copy was refused\n");
	bug_irq_done();
	return IRQ_HANDLED;
}

BUG_IRQ_MODULE(uaccess_handler, "bug_user_memory_in_irq",
	       "Deliberately buggy: touches user memory from an interrupt handler");
