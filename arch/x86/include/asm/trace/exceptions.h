/* Tracepoints of page faults (Linux's asm/trace/exceptions.h). */
#ifndef _ASM_TRACE_EXCEPTIONS_H
#define _ASM_TRACE_EXCEPTIONS_H
#include <linux/tracepoint.h>

DECLARE_TRACE(page_fault_user,
	      TP_PROTO(unsigned long address, unsigned long ip, unsigned long error_code),
	      TP_ARGS(address, ip, error_code))
DECLARE_TRACE(page_fault_kernel,
	      TP_PROTO(unsigned long address, unsigned long ip, unsigned long error_code),
	      TP_ARGS(address, ip, error_code))

#endif
