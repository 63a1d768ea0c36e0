/*
 * Wait queues (kernel/sched/wait.c): a list of sleeping tasks, woken by
 * wake_up*() from any context. The wait_event*() macros are the safe way to
 * sleep on a condition: they put the task on the queue and set its state
 * *before* testing the condition, so a wake-up that comes between the test
 * and schedule() is never lost.
 *
 *   wait_event(wq, cond)                          uninterruptible; process context
 *   wait_event_interruptible(wq, cond)            0, or -ERESTARTSYS on a signal
 *   wait_event_timeout(wq, cond, t)               0 if it timed out with cond false,
 *                                                 else the jiffies left (at least 1)
 *   wait_event_interruptible_timeout(wq, cond, t) the same, or -ERESTARTSYS
 *
 * Where sleeping is not allowed (might_sleep() reports it), a true condition
 * still returns normally; a false one makes the timed and interruptible
 * variants return 0 or -ERESTARTSYS at once, and wait_event() panic: it has
 * no way to fail, and returning would run the caller before its event.
 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H
#include <linux/errno.h>
#include <linux/list.h>
#include <linux/might_sleep.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/spinlock.h>

struct wait_queue_entry;
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry, unsigned int mode);

#define WQ_FLAG_EXCLUSIVE 0x01 /* wake-ups that wake one, wake the first of these only */

struct wait_queue_entry {
	unsigned int flags;
	void *private; /* the sleeping task */
	wait_queue_func_t func;
	struct list_head entry;
};

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) \
	{ .lock = __SPIN_LOCK_UNLOCKED(name.lock), .head = LIST_HEAD_INIT(name.head) }
#define DECLARE_WAIT_QUEUE_HEAD(name) struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

/**
 * __init_waitqueue_head() - Set up a wait queue at run time; use init_waitqueue_head().
 * @wq_head: the queue
 * @name:    its lock's name in reports
 * @key:     its lock's class (one per init_waitqueue_head() call site)
 *
 * Context: any; never sleeps.
 */
void __init_waitqueue_head(struct wait_queue_head *wq_head, const char *name,
			   struct lock_class_key *key);
#define init_waitqueue_head(wq_head)                                 \
	do {                                                         \
		static struct lock_class_key __key;                  \
		__init_waitqueue_head(wq_head, #wq_head, &__key);    \
	} while (0)

int default_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode);
int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode);

#define DEFINE_WAIT(name)                                                              \
	struct wait_queue_entry name = { .private = current, .func = autoremove_wake_function, \
					 .entry = LIST_HEAD_INIT(name.entry) }

void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void prepare_to_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state);
void prepare_to_wait_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry,
			       int state);
void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);

/* Wakes sleepers in `mode` states: all non-exclusive ones and up to nr exclusive (0: all). */
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr);
/* The same, with wq_head->lock held by the caller. */
void __wake_up_locked(struct wait_queue_head *wq_head, unsigned int mode, int nr);
#define wake_up(x) __wake_up(x, TASK_NORMAL, 1)
#define wake_up_nr(x, nr) __wake_up(x, TASK_NORMAL, nr)
#define wake_up_all(x) __wake_up(x, TASK_NORMAL, 0)
#define wake_up_interruptible(x) __wake_up(x, TASK_INTERRUPTIBLE, 1)
#define wake_up_interruptible_all(x) __wake_up(x, TASK_INTERRUPTIBLE, 0)

/**
 * waitqueue_active() - Whether anyone is on a wait queue.
 * @wq_head: the wait queue
 *
 * Without the queue's lock the answer may be stale: a waker that skips
 * wake_up() because of it needs a memory barrier against the sleeper.
 *
 * Context: any context; does not sleep.
 * Return: true if the queue has entries.
 */
static inline bool waitqueue_active(struct wait_queue_head *wq_head)
{
	return !list_empty(&wq_head->head);
}

/*
 * The one loop behind every wait_event*(): cmd sleeps (schedule or
 * schedule_timeout); __ret carries what the variant returns.
 */
#define ___wait_event(wq_head, condition, state, exclusive, ret, cmd)                      \
	({                                                                                 \
		struct wait_queue_entry __wq_entry = {                                     \
			.private = current, .func = autoremove_wake_function,              \
			.entry = LIST_HEAD_INIT(__wq_entry.entry) };                       \
		long __ret = ret;                                                          \
		for (;;) {                                                                 \
			if (exclusive)                                                     \
				prepare_to_wait_exclusive(&(wq_head), &__wq_entry, state); \
			else                                                               \
				prepare_to_wait(&(wq_head), &__wq_entry, state);           \
			if (condition)                                                     \
				break;                                                     \
			if (signal_pending_state(state, current)) {                        \
				__ret = -ERESTARTSYS;                                      \
				break;                                                     \
			}                                                                  \
			cmd;                                                               \
		}                                                                          \
		finish_wait(&(wq_head), &__wq_entry);                                      \
		__ret;                                                                     \
	})

#define wait_event(wq_head, condition)                                                      \
	do {                                                                                \
		bool __may_sleep = might_sleep();                                           \
		if (!(condition) && !__may_sleep)                                           \
			sleep_impossible("wait_event(" #condition ")",                      \
					 "the condition is false and returning would run "  \
					 "the caller before the event it waits for");       \
		if (!(condition))                                                           \
			___wait_event(wq_head, condition, TASK_UNINTERRUPTIBLE, 0, 0,       \
				      schedule());                                          \
	} while (0)

#define wait_event_interruptible(wq_head, condition)                                        \
	({                                                                                  \
		int __r = 0;                                                                \
		bool __may_sleep = might_sleep();                                           \
		if (!(condition))                                                           \
			__r = !__may_sleep ? -ERESTARTSYS                                   \
					   : ___wait_event(wq_head, condition,              \
							   TASK_INTERRUPTIBLE, 0, 0,       \
							   schedule());                    \
		__r;                                                                        \
	})

/* cond true: keep at least 1 jiffy "left", so success is never mistaken for a timeout. */
#define ___wait_cond_timeout(condition)                      \
	({                                                   \
		bool __cond = (condition);                   \
		if (__cond && !__ret)                        \
			__ret = 1;                           \
		__cond || !__ret;                            \
	})

/* The two timed waits, in task state @state. */
#define ___wait_event_timeout(wq_head, condition, timeout, state)                           \
	({                                                                                  \
		long __t = (timeout);                                                       \
		bool __may_sleep = might_sleep();                                           \
		if (!___wait_cond_timeout_now(condition, __t))                              \
			__t = !__may_sleep ? 0                                              \
					   : ___wait_event(wq_head,                         \
							   ___wait_cond_timeout(condition), \
							   state, 0, __t,                   \
							   __ret = schedule_timeout(__ret)); \
		__t;                                                                        \
	})

#define wait_event_timeout(wq_head, condition, timeout) \
	___wait_event_timeout(wq_head, condition, timeout, TASK_UNINTERRUPTIBLE)

#define wait_event_interruptible_timeout(wq_head, condition, timeout) \
	___wait_event_timeout(wq_head, condition, timeout, TASK_INTERRUPTIBLE)

/* The first test, before sleeping at all: a true condition returns at least 1. */
#define ___wait_cond_timeout_now(condition, t)  \
	({                                      \
		bool __c = (condition);         \
		if (__c && !(t))                \
			(t) = 1;                \
		__c;                            \
	})

#endif
