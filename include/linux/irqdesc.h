/*
 * struct irq_desc: everything the kernel knows about one interrupt line: its
 * controller, its chain of handlers (irqaction), its disable depth, its state
 * and how often it fired on each CPU. One per line, in kernel/irq/irqdesc.c.
 */
#ifndef _LINUX_IRQDESC_H
#define _LINUX_IRQDESC_H
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/spinlock.h>
#include <linux/threads.h>
#include <linux/wait.h>

/* desc->istate */
#define IRQS_INPROGRESS 0x01 /* a CPU is running this line's handlers */
#define IRQS_PENDING 0x02    /* arrived while running or disabled: run again */
#define IRQS_MASKED 0x04     /* masked at the controller */
#define IRQS_SPURIOUS_DISABLED 0x08 /* disabled: nobody cared (kernel/irq/spurious.c) */
#define IRQS_POLL_INPROGRESS 0x10   /* handlers run by the poller, not by an arrival */

struct irq_desc {
	struct irq_data irq_data;
	struct irqaction *action;  /* the handlers, in request order */
	unsigned int depth;        /* disable_irq nesting; 1 while there is no handler */
	unsigned int istate;
	spinlock_t lock;
	unsigned int kstat_irqs[NR_CPUS]; /* arrivals, per CPU */
	unsigned int irqs_unhandled;      /* arrivals no handler claimed, in all */
	/* The storm policy's window (kernel/irq/spurious.c): arrivals, and how
	 * many of them in a row were unhandled, and when the last one was. */
	unsigned int irq_count, unhandled_window;
	unsigned long last_unhandled;
	unsigned int spurious;            /* arrivals the controller called spurious */
	u64 max_ns;                       /* the longest a handler ran */
	/* Threaded handlers: which ONESHOT threads still keep the line masked, how
	 * many threads have work, and where synchronize_irq waits for them. */
	unsigned int threads_oneshot;
	atomic_t threads_active;
	struct wait_queue_head wait_for_threads;
};

/* The table itself, kernel/irq/irqdesc.c: use irq_to_desc(). */
extern struct irq_desc irq_desc[NR_IRQS];

/**
 * irq_to_desc() - The descriptor of interrupt line @irq.
 * @irq: the IRQ number
 *
 * Context: any context; does not sleep.
 * Return: the descriptor, or NULL if @irq >= NR_IRQS.
 */
static inline struct irq_desc *irq_to_desc(unsigned int irq)
{
	return irq < NR_IRQS ? &irq_desc[irq] : NULL;
}
unsigned int kstat_irqs(unsigned int irq);
/* Lines disabled because nobody cared, so far (kernel/irq/spurious.c). */
extern unsigned long irqs_spurious_disabled;
/* 1 after `irqfixup`, 2 after `irqpoll`: how hard unclaimed interrupts are searched for. */
extern int irqfixup;
#define IRQFIXUP_MISROUTED 1
#define IRQFIXUP_POLL 2

#define for_each_irq_desc(irq, desc) \
	for (irq = 0, desc = irq_to_desc(0); irq < NR_IRQS; irq++, desc = irq_to_desc(irq))

#endif
