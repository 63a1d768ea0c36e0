/*
 * The tracer's switches for the rest of the kernel (kernel/trace/, docs/tracing.md).
 * Events themselves are recorded by tracepoints (include/linux/tracepoint.h).
 */
#ifndef _LINUX_TRACE_H
#define _LINUX_TRACE_H
#include <linux/types.h>

/**
 * tracing_on() - Let enabled events be recorded again (/proc/tracing_on = 1).
 *
 * Context: any context.
 */
void tracing_on(void);

/**
 * tracing_off() - Stop recording; what is in the buffer stays (/proc/tracing_on = 0).
 *
 * Context: any context. Handy right after the moment you want to look at.
 */
void tracing_off(void);

/**
 * tracing_is_on() - Whether events are being recorded.
 *
 * Context: any context.
 * Return: true if recording is on.
 */
bool tracing_is_on(void);

/**
 * trace_clear() - Empty the buffers for readers (what is written from now on shows).
 *
 * Context: any context.
 */
void trace_clear(void);

/**
 * ftrace_dump() - Print the last events of every CPU's buffer on the console, and stop tracing.
 *
 * The oops and panic paths call it (like Linux with ftrace_dump_on_oops),
 * so a report comes with what the CPUs did just before. Prints nothing if
 * the buffers are empty; consumes what it prints.
 *
 * Context: any context, the panic path and NMI included: it takes no lock.
 */
void ftrace_dump(void);

/**
 * trace_print_buffer() - Print the whole buffer on the console as /proc/trace shows it, and stop tracing.
 *
 * For boots without a user space to read /proc/trace (the timeline demo,
 * drivers/trace_demo.c). Consumes what it prints.
 *
 * Context: process context (it prints a lot); any lock-free context works.
 */
void trace_print_buffer(void);

#endif
