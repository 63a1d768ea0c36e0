/* Janus's own reports (BUG:, WARNING:, INFO:) as trace events, next to what led to them. */
#ifndef _TRACE_EVENTS_JANUS_H
#define _TRACE_EVENTS_JANUS_H
#include <linux/tracepoint.h>

/* kernel/sched/might_sleep.c, kernel/locking/lockcheck.c, kernel/panic.c...: the report's first line. */
DECLARE_TRACE(janus_report, TP_PROTO(const char *text), TP_ARGS(text))

#endif
