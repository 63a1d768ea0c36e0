/* Entering and leaving hardirq context (kernel/softirq.c): the bracket around every interrupt. */
#ifndef _LINUX_HARDIRQ_H
#define _LINUX_HARDIRQ_H
#include <linux/preempt.h>

/* preempt_count += HARDIRQ_OFFSET: from here on in_hardirq() is true. */
void irq_enter(void);
/* preempt_count -= HARDIRQ_OFFSET; then, unless still in interrupt context, run
 * pending softirqs on this CPU's softirq stack with interrupts enabled. */
void irq_exit(void);

#endif
