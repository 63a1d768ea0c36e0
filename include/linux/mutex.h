/*
 * Mutexes (kernel/locking/mutex.c): sleeping mutual exclusion for process
 * context. One owner at a time; waiters sleep and get the lock handed over in
 * the order they came (FIFO). Unlocking a mutex you do not own, or locking one
 * you already hold, is a bug and gets a WARN.
 *
 *   mutex_lock(&m)                  process context; may sleep
 *   mutex_lock_interruptible(&m)    0, or -EINTR if a signal came first
 *   mutex_trylock(&m)               1 if taken; never sleeps (not from interrupts either)
 *   mutex_unlock(&m)                by the owner only
 */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H
#include <linux/list.h>
#include <linux/spinlock.h>

struct task_struct;

struct mutex {
	struct task_struct *owner;
	spinlock_t wait_lock;
	struct list_head wait_list;
	const char *name;
	struct lockdep_map dep_map;
};

#define __MUTEX_INITIALIZER(lockname)                                              \
	{ .owner = NULL, .wait_lock = __SPIN_LOCK_UNLOCKED(lockname.wait_lock),    \
	  .wait_list = LIST_HEAD_INIT(lockname.wait_list), .name = #lockname,      \
	  .dep_map = LOCKDEP_MAP_INIT(&(lockname).dep_map, LD_MUTEX) }
#define DEFINE_MUTEX(mutexname) struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)

/**
 * __mutex_init() - Set up a mutex at run time; use mutex_init().
 * @lock: the mutex
 * @name: its name in reports
 * @key:  its lock class (one per mutex_init() call site)
 *
 * Context: any; never sleeps.
 */
void __mutex_init(struct mutex *lock, const char *name, struct lock_class_key *key);
#define mutex_init(mutex)                                  \
	do {                                               \
		static struct lock_class_key __key;        \
		__mutex_init(mutex, #mutex, &__key);       \
	} while (0)

void mutex_lock(struct mutex *lock);
int mutex_lock_interruptible(struct mutex *lock);
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
/**
 * mutex_is_locked() - Whether a mutex is held by anyone.
 * @lock: the mutex
 *
 * Context: any context; does not sleep. The answer may be stale at once.
 * Return: true if it has an owner.
 */
static inline bool mutex_is_locked(struct mutex *lock) { return READ_ONCE(lock->owner) != NULL; }

#endif
