/* Tracepoints of the x86 system vectors: the local timer and the IPIs (Linux's asm/trace/irq_vectors.h). */
#ifndef _ASM_TRACE_IRQ_VECTORS_H
#define _ASM_TRACE_IRQ_VECTORS_H
#include <linux/tracepoint.h>

DECLARE_TRACE(local_timer_entry, TP_PROTO(int vector), TP_ARGS(vector))
DECLARE_TRACE(local_timer_exit, TP_PROTO(int vector), TP_ARGS(vector))
DECLARE_TRACE(reschedule_entry, TP_PROTO(int vector), TP_ARGS(vector))
DECLARE_TRACE(reschedule_exit, TP_PROTO(int vector), TP_ARGS(vector))
DECLARE_TRACE(call_function_entry, TP_PROTO(int vector), TP_ARGS(vector))
DECLARE_TRACE(call_function_exit, TP_PROTO(int vector), TP_ARGS(vector))

#endif
