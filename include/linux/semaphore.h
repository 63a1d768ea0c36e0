/*
 * Counting semaphores (kernel/locking/semaphore.c): down() takes a unit,
 * sleeping until one is free; up() returns one, handing it to the first
 * waiter (FIFO). up() may be called from any context.
 *
 *   down(&s)                 process context; may sleep
 *   down_interruptible(&s)   0, or -EINTR
 *   down_timeout(&s, j)      0, or -ETIME after j jiffies
 *   down_trylock(&s)         0 if taken, 1 if not (note: the opposite of mutex_trylock)
 */
#ifndef _LINUX_SEMAPHORE_H
#define _LINUX_SEMAPHORE_H
#include <linux/list.h>
#include <linux/spinlock.h>

/* A semaphore made with one unit is used as a lock: the validator tracks it
 * like a mutex, held from down() to up(). One with any other count counts
 * resources or events, and is not a lock. */
struct semaphore {
	spinlock_t lock;
	unsigned int count;
	struct list_head wait_list;
	const char *name;
	bool binary;
	struct lockdep_map dep_map;
};

#define __SEMAPHORE_INITIALIZER(sname, n)                                                \
	{ .lock = __SPIN_LOCK_UNLOCKED((sname).lock), .count = n,                        \
	  .wait_list = LIST_HEAD_INIT((sname).wait_list), .name = #sname, .binary = (n) == 1, \
	  .dep_map = LOCKDEP_MAP_INIT(&(sname).dep_map, LD_SEMAPHORE) }
#define DEFINE_SEMAPHORE(name, n) struct semaphore name = __SEMAPHORE_INITIALIZER(name, n)

/**
 * __sema_init() - Set up a semaphore at run time; use sema_init().
 * @sem:  the semaphore
 * @val:  its units (1: a lock, tracked by the validator)
 * @name: its name in reports
 * @key:  its lock class (one per sema_init() call site)
 *
 * Context: any; never sleeps.
 */
void __sema_init(struct semaphore *sem, int val, const char *name, struct lock_class_key *key);
#define sema_init(sem, val)                                   \
	do {                                                  \
		static struct lock_class_key __key;           \
		__sema_init(sem, val, #sem, &__key);          \
	} while (0)
void down(struct semaphore *sem);
int down_interruptible(struct semaphore *sem);
int down_timeout(struct semaphore *sem, long jiffies);
int down_trylock(struct semaphore *sem);
void up(struct semaphore *sem);

#endif
