/* Tracepoints of the workqueues (Linux's events/workqueue.h). */
#ifndef _TRACE_EVENTS_WORKQUEUE_H
#define _TRACE_EVENTS_WORKQUEUE_H
#include <linux/tracepoint.h>

/* kernel/workqueue.c, around each work item's function in its worker. */
DECLARE_TRACE(workqueue_execute_start, TP_PROTO(void *work, void *func), TP_ARGS(work, func))
DECLARE_TRACE(workqueue_execute_end, TP_PROTO(void *work, void *func), TP_ARGS(work, func))

#endif
