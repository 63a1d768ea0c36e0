/*
 * might_sleep() and friends (kernel/sched/might_sleep.c): the check at the top
 * of everything that can sleep. Sleeping is allowed only in process context
 * with preemption and interrupts enabled. Elsewhere the check prints Linux's
 * "BUG: sleeping function called from invalid context" report, counts it, and
 * evaluates to false so the primitive can refuse (docs/no-sleep-rules.md).
 * With atomic_sleep=panic on the command line every such report panics.
 */
#ifndef _LINUX_MIGHT_SLEEP_H
#define _LINUX_MIGHT_SLEEP_H
#include <linux/compiler.h>
#include <linux/types.h>

bool __might_sleep(const char *file, int line);
bool __might_fault(const char *file, int line);
__noreturn void __sleep_impossible(const char *what, const char *why, const char *file, int line);

/* True if the caller may sleep here; otherwise reports and returns false. */
#define might_sleep() __might_sleep(__FILE__, __LINE__)
#define might_sleep_if(cond) ((cond) ? might_sleep() : true)
/* For user-memory access: false (and a report) in interrupt context, where
 * the caller must not touch user memory at all. */
#define might_fault() __might_fault(__FILE__, __LINE__)
/* A primitive that cannot fail had to block where it may not: panic, with why. */
#define sleep_impossible(what, why) __sleep_impossible(what, why, __FILE__, __LINE__)

#endif
