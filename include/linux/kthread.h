/*
 * Kernel threads (kernel/kthread.c): tasks that run a kernel function in
 * process context, so they may sleep.
 *   kthread_create(fn, data, "name%d", n)  created stopped; wake_up_process starts it
 *   kthread_run(...)                        created and started
 *   kthread_stop(k)                         asks it to stop, waits, returns fn's result
 *   kthread_should_stop()                   what fn checks in its loop
 * A kthread must not exit on its own if someone will kthread_stop() it,
 * unless that someone holds a reference (get_task_struct) from before it
 * could exit: kthread_stop() of a freed kthread is reported as a BUG.
 */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H
#include <linux/compiler.h>
#include <linux/err.h>
#include <linux/sched.h>
#include <janus/callsite.h>

__printf(4, 5) struct task_struct *kthread_create_at(const struct callsite *site,
						    int (*threadfn)(void *data), void *data,
						    const char *namefmt, ...);
/* Linux's calls; the macros also record the caller's file and line, which an
 * unload that left the thread running names (kernel/module/leftovers.c). */
#define kthread_create(threadfn, data, namefmt, ...) \
	kthread_create_at(CALLSITE("kthread_create"), threadfn, data, namefmt, ##__VA_ARGS__)

#define kthread_run(threadfn, data, namefmt, ...)                                         \
	({                                                                                \
		struct task_struct *__k = kthread_create_at(CALLSITE("kthread_run"),      \
							    threadfn, data, namefmt,      \
							    ##__VA_ARGS__);               \
		if (!IS_ERR(__k))                                                         \
			wake_up_process(__k);                                             \
		__k;                                                                      \
	})

/**
 * kthread_owned_by() - Whether a task is a kthread a module started.
 * @p:   the task
 * @mod: the module
 *
 * Context: any context.
 * Return: true if @p is a kthread created from @mod's code or running @mod's function.
 */
struct module;
bool kthread_owned_by(const struct task_struct *p, const struct module *mod);

int kthread_stop(struct task_struct *k);
/* kthread_stop() calls on a freed task or a non-kthread, reported so far. */
extern unsigned long kthread_stop_misuses;
bool kthread_should_stop(void);
/* Pins a kthread that has not started yet to one CPU. */
void kthread_bind(struct task_struct *k, unsigned int cpu);
/* The exit path tells kthread_stop the result (kernel/exit.c). */
void kthread_exited(struct task_struct *tsk, long code);

/* A task with a name and a stack, not yet runnable (kernel/fork.c). */
struct task_struct *create_task(const char *name);

#endif
