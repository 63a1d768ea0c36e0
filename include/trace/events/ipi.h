/* Tracepoints of inter-processor interrupts: the sending side (Linux's events/ipi.h). */
#ifndef _TRACE_EVENTS_IPI_H
#define _TRACE_EVENTS_IPI_H
#include <linux/tracepoint.h>

/* arch/x86/smp.c: an IPI leaves for cpu; callback is the function it will run, if any. */
DECLARE_TRACE(ipi_send_cpu, TP_PROTO(unsigned int cpu, void *callsite, void *callback),
	      TP_ARGS(cpu, callsite, callback))

#endif
