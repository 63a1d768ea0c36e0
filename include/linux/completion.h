/*
 * Completions (kernel/sched/completion.c): "wait until this has happened".
 * complete() may be called from any context, a hardirq handler included;
 * every complete() lets exactly one waiter through (the first one: FIFO);
 * complete_all() lets everybody through, now and later.
 */
#ifndef _LINUX_COMPLETION_H
#define _LINUX_COMPLETION_H
#include <linux/wait.h>

struct completion {
	unsigned int done;
	struct wait_queue_head wait;
};

#define COMPLETION_INITIALIZER(work) { 0, __WAIT_QUEUE_HEAD_INITIALIZER((work).wait) }
#define DECLARE_COMPLETION(work) struct completion work = COMPLETION_INITIALIZER(work)

void init_completion(struct completion *x);
/**
 * reinit_completion() - Make a completion "not done" again, for reuse.
 * @x: the completion; nobody may be waiting on it
 *
 * Context: any context; does not sleep.
 */
static inline void reinit_completion(struct completion *x) { x->done = 0; }

/* Process context; may sleep. */
void wait_for_completion(struct completion *x);
/* 0 on timeout, else the jiffies left (at least 1). */
unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout);
/* 0, or -ERESTARTSYS if a signal came first. */
int wait_for_completion_interruptible(struct completion *x);
/* Any context: true if it was done (and consumed one completion). */
bool try_wait_for_completion(struct completion *x);
bool completion_done(struct completion *x);

void complete(struct completion *x);
void complete_all(struct completion *x);

#endif
