/*
 * bug_mutex_in_irq: takes a mutex in an interrupt handler. A mutex may make
 * its taker sleep until the owner lets go, and it belongs to a task: neither
 * makes sense in interrupt context (a spinlock is the lock for a handler).
 * insmod shows "BUG: sleeping function called from invalid context".
 */
#include <linux/mutex.h>
#include "bug_irq.h"

static DEFINE_MUTEX(bug_mutex);

static irqreturn_t mutex_handler(int irq, void *dev_id)
{
	mutex_lock(&bug_mutex); /* the bug */
	mutex_unlock(&bug_mutex);
	bug_irq_done();
	return IRQ_HANDLED;
}

BUG_IRQ_MODULE(mutex_handler, "bug_mutex_in_irq",
	       "Deliberately buggy: takes a mutex in an interrupt handler");
