/* Tracepoints of the scheduler (Linux's events/sched.h). */
#ifndef _TRACE_EVENTS_SCHED_H
#define _TRACE_EVENTS_SCHED_H
#include <linux/tracepoint.h>

struct task_struct;
/* kernel/sched/core.c: right before the switch; preempt: prev stays runnable. */
DECLARE_TRACE(sched_switch,
	      TP_PROTO(bool preempt, struct task_struct *prev, struct task_struct *next),
	      TP_ARGS(preempt, prev, next))
/* kernel/sched/wakeup.c: p was made runnable. */
DECLARE_TRACE(sched_wakeup, TP_PROTO(struct task_struct *p), TP_ARGS(p))

#endif
