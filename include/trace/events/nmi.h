/* Tracepoints of NMIs (Linux's events/nmi.h). */
#ifndef _TRACE_EVENTS_NMI_H
#define _TRACE_EVENTS_NMI_H
#include <linux/tracepoint.h>

/* arch/x86/traps.c: an NMI handler ran for delta_ns; handled says whether the NMI was its. */
DECLARE_TRACE(nmi_handler, TP_PROTO(void *handler, s64 delta_ns, int handled),
	      TP_ARGS(handler, delta_ns, handled))

#endif
