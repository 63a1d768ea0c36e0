/* Tracepoints around every system call (Linux's raw_syscalls sys_enter/sys_exit). */
#ifndef _TRACE_EVENTS_SYSCALLS_H
#define _TRACE_EVENTS_SYSCALLS_H
#include <linux/tracepoint.h>

struct pt_regs;
/* arch/x86/syscall.c: the number and the six argument registers. */
DECLARE_TRACE(sys_enter, TP_PROTO(struct pt_regs *regs, long id), TP_ARGS(regs, id))
DECLARE_TRACE(sys_exit, TP_PROTO(struct pt_regs *regs, long ret), TP_ARGS(regs, ret))

#endif
