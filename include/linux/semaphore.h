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

struct semaphore {
	spinlock_t lock;
	unsigned int count;
	struct list_head wait_list;
};

#define __SEMAPHORE_INITIALIZER(name, n)                                                 \
	{ .lock = __SPIN_LOCK_UNLOCKED((name).lock), .count = n,                         \
	  .wait_list = LIST_HEAD_INIT((name).wait_list) }
#define DEFINE_SEMAPHORE(name, n) struct semaphore name = __SEMAPHORE_INITIALIZER(name, n)

void sema_init(struct semaphore *sem, int val);
void down(struct semaphore *sem);
int down_interruptible(struct semaphore *sem);
int down_timeout(struct semaphore *sem, long jiffies);
int down_trylock(struct semaphore *sem);
void up(struct semaphore *sem);

#endif
