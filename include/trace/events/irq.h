/* Tracepoints of the interrupt path and the bottom halves (Linux's events/irq.h). */
#ifndef _TRACE_EVENTS_IRQ_H
#define _TRACE_EVENTS_IRQ_H
#include <linux/tracepoint.h>

/* kernel/irq/handle.c, around each handler of a line. */
DECLARE_TRACE(irq_handler_entry, TP_PROTO(int irq, const char *name), TP_ARGS(irq, name))
DECLARE_TRACE(irq_handler_exit, TP_PROTO(int irq, int ret), TP_ARGS(irq, ret))
/* kernel/softirq.c: raised, and around each softirq handler. */
DECLARE_TRACE(softirq_raise, TP_PROTO(unsigned int vec), TP_ARGS(vec))
DECLARE_TRACE(softirq_entry, TP_PROTO(unsigned int vec), TP_ARGS(vec))
DECLARE_TRACE(softirq_exit, TP_PROTO(unsigned int vec), TP_ARGS(vec))
/* kernel/tasklet.c, around each tasklet function. */
DECLARE_TRACE(tasklet_entry, TP_PROTO(void *tasklet, void *func), TP_ARGS(tasklet, func))
DECLARE_TRACE(tasklet_exit, TP_PROTO(void *tasklet, void *func), TP_ARGS(tasklet, func))

#endif
