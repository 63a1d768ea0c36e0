/*
 * Frame-pointer backtraces across stacks (arch/x86/stacktrace.c). Each frame
 * is [saved ebp][return address]; the walk only follows frames that lie on a
 * stack it knows, so a corrupt chain ends the trace instead of faulting.
 */
#ifndef _ASM_STACKTRACE_H
#define _ASM_STACKTRACE_H
#include <linux/types.h>

/* Each CPU's hardirq and softirq stacks (build option IRQ_STACK_SIZE). */
#define IRQ_STACK_SIZE CONFIG_IRQ_STACK_SIZE
#if IRQ_STACK_SIZE != 4096 && IRQ_STACK_SIZE != 8192 && IRQ_STACK_SIZE != 16384
#error "IRQ_STACK_SIZE must be 4096, 8192 or 16384"
#endif

enum stack_type {
	STACK_TYPE_UNKNOWN,
	STACK_TYPE_TASK,
	STACK_TYPE_IRQ,
	STACK_TYPE_SOFTIRQ,
	STACK_TYPE_EXCEPTION,
};

struct stack_info {
	enum stack_type type;
	unsigned long begin, end;
};

/* Which stack of this CPU (or the current task) addr lies on. */
bool get_stack_info(unsigned long addr, struct stack_info *info);
/* "task", "IRQ"...: whose guard page addr is in, or NULL. */
const char *stack_guard_owner(unsigned long addr);
/* Prints "Call Trace:" and one symbolized line per frame, from frame pointer bp. */
void show_trace(unsigned long bp, const char *loglvl);
/* The same for a task that is switched out, from the frame switch_to left. */
struct task_struct;
void show_task_trace(struct task_struct *p, const char *loglvl);
unsigned int stack_trace_save_tsk(struct task_struct *p, unsigned long *store, unsigned int max);
/* Walks the frames from bp, storing up to max return addresses; returns how many. */
unsigned int stack_trace_save_bp(unsigned long bp, unsigned long *store, unsigned int max);

#endif
