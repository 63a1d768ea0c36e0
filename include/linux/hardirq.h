/* Entering and leaving hardirq context (kernel/softirq.c): the bracket around
 * every interrupt; and NMI context. */
#ifndef _LINUX_HARDIRQ_H
#define _LINUX_HARDIRQ_H
#include <linux/preempt.h>

/* preempt_count += HARDIRQ_OFFSET: from here on in_hardirq() is true. */
void irq_enter(void);
/* preempt_count -= HARDIRQ_OFFSET; then, unless still in interrupt context, run
 * pending softirqs on this CPU's softirq stack with interrupts enabled. */
void irq_exit(void);

/* The bracket around an NMI (Linux's nmi_enter/nmi_exit): in_nmi() and
 * in_hardirq() are true inside, and nothing else is done on the way out. */
#define nmi_enter() preempt_count_add(NMI_OFFSET + HARDIRQ_OFFSET)
#define nmi_exit() preempt_count_sub(NMI_OFFSET + HARDIRQ_OFFSET)

#endif
