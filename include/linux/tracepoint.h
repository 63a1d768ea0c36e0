/*
 * Tracepoints: a named spot in the kernel that records an event into the
 * trace buffer when it is enabled (kernel/trace/, docs/tracing.md).
 *
 *	DECLARE_TRACE(irq_handler_entry, TP_PROTO(int irq, const char *name), TP_ARGS(irq, name))
 *
 * gives trace_irq_handler_entry(irq, name): a static branch (a 5-byte nop
 * while the event is off, docs/static-keys.md) around a call to the
 * out-of-line recorder __trace_irq_handler_entry() in kernel/trace/events.c.
 * The names, fields and output are Linux's, so a trace reads the same in both.
 * Any context may hit a tracepoint: task, softirq, hardirq, NMI, the panic path.
 */
#ifndef _LINUX_TRACEPOINT_H
#define _LINUX_TRACEPOINT_H
#include <linux/jump_label.h>

#define TP_PROTO(...) __VA_ARGS__
#define TP_ARGS(...) __VA_ARGS__

#define DECLARE_TRACE(name, proto, args)                                  \
	DECLARE_STATIC_KEY_FALSE(__tracepoint_##name);                    \
	void __trace_##name(proto);                                       \
	static __always_inline void trace_##name(proto)                   \
	{                                                                 \
		if (static_branch_unlikely(&__tracepoint_##name))         \
			__trace_##name(args);                             \
	}                                                                 \
	static __always_inline bool trace_##name##_enabled(void)          \
	{                                                                 \
		return static_branch_unlikely(&__tracepoint_##name);      \
	}

#endif
