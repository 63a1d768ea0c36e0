/*
 * Semaphores with hand-off: up() with sleepers gives the unit to the first
 * one instead of incrementing the count, so they are served in arrival order.
 * A semaphore made with one unit is a lock to the validator: held by the task
 * that took it (in process context) until it gives it back.
 */
#include <linux/export.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/semaphore.h>
#include <linux/wait.h>

#define CALLER ((unsigned long)__builtin_return_address(0))

struct semaphore_waiter {
	struct list_head list;
	struct task_struct *task;
	bool up; /* given a unit by up() */
};

void __sema_init(struct semaphore *sem, int val, const char *name, struct lock_class_key *key)
{
	spin_lock_init(&sem->lock);
	sem->lock.name = "semaphore.lock";
	sem->count = val;
	INIT_LIST_HEAD(&sem->wait_list);
	sem->name = name;
	sem->binary = val == 1;
	sem->dep_map = (struct lockdep_map)LOCKDEP_MAP_INIT(key, LD_SEMAPHORE);
}
EXPORT_SYMBOL(__sema_init);

/* Whether the validator follows this acquisition. */
static bool tracked(struct semaphore *sem)
{
	return sem->binary && lockdep_enabled() && in_task();
}

static int down_wait(struct semaphore *sem, long state, long timeout)
{
	struct semaphore_waiter waiter = { .task = current };
	bool may_sleep = might_sleep();
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&sem->lock, flags);
	if (sem->count) {
		sem->count--;
		goto out;
	}
	if (!may_sleep) {
		spin_unlock_irqrestore(&sem->lock, flags);
		if (state == TASK_INTERRUPTIBLE)
			return -EINTR;
		if (timeout != MAX_SCHEDULE_TIMEOUT)
			return -ETIME;
		sleep_impossible("down", "no unit is free, and returning without one would "
				 "break what the semaphore limits");
	}
	list_add_tail(&waiter.list, &sem->wait_list);
	for (;;) {
		if (signal_pending_state(state, current)) {
			ret = -EINTR;
			break;
		}
		if (timeout <= 0) {
			ret = -ETIME;
			break;
		}
		__set_current_state(state);
		spin_unlock_irqrestore(&sem->lock, flags);
		timeout = schedule_timeout(timeout);
		spin_lock_irqsave(&sem->lock, flags);
		if (waiter.up)
			goto out;
	}
	list_del(&waiter.list);
out:
	spin_unlock_irqrestore(&sem->lock, flags);
	return ret;
}

static int down_common(struct semaphore *sem, long state, long timeout, unsigned long ip)
{
	bool track = tracked(sem);
	int ret;

	if (track)
		lock_acquire(&sem->dep_map, false, ip);
	ret = down_wait(sem, state, timeout);
	if (ret && track)
		lock_release(&sem->dep_map);
	return ret;
}

/**
 * down() - Take a unit of a semaphore, sleeping (uninterruptibly) until one is free.
 * @sem: the semaphore
 *
 * Waiters are served in arrival order: up() hands its unit to the first.
 *
 * Context: process context only; may sleep. From atomic context
 * might_sleep() reports "BUG: sleeping function called from invalid
 * context"; a free unit is still taken, none free panics. Use down_trylock()
 * where sleeping is not allowed.
 */
void down(struct semaphore *sem)
{
	down_common(sem, TASK_UNINTERRUPTIBLE, MAX_SCHEDULE_TIMEOUT, CALLER);
}
EXPORT_SYMBOL(down);

/**
 * down_interruptible() - Take a unit of a semaphore, sleeping until one is free or a signal comes.
 * @sem: the semaphore
 *
 * Context: process context only; may sleep. From atomic context
 * might_sleep() reports the bug, and with no unit free it returns -EINTR.
 * Return: 0 with a unit taken, -EINTR if a signal came first.
 */
int down_interruptible(struct semaphore *sem)
{
	return down_common(sem, TASK_INTERRUPTIBLE, MAX_SCHEDULE_TIMEOUT, CALLER);
}
EXPORT_SYMBOL(down_interruptible);

/**
 * down_timeout() - Take a unit of a semaphore, sleeping at most @timeout jiffies.
 * @sem:     the semaphore
 * @timeout: the longest sleep, in jiffies
 *
 * Context: process context only; may sleep (uninterruptibly). From atomic
 * context might_sleep() reports the bug, and with no unit free it returns
 * -ETIME at once.
 * Return: 0 with a unit taken, -ETIME if @timeout passed first.
 */
int down_timeout(struct semaphore *sem, long timeout)
{
	return down_common(sem, TASK_UNINTERRUPTIBLE, timeout, CALLER);
}
EXPORT_SYMBOL(down_timeout);

/**
 * down_trylock() - Take a unit of a semaphore only if one is free, never sleeping.
 * @sem: the semaphore
 *
 * Note the inverted result, as in Linux.
 *
 * Context: any context, a hardirq handler included; does not sleep.
 * Return: 0 if a unit was taken, 1 if none was free.
 */
int down_trylock(struct semaphore *sem)
{
	unsigned long flags;
	int busy;

	spin_lock_irqsave(&sem->lock, flags);
	busy = !sem->count;
	if (!busy)
		sem->count--;
	spin_unlock_irqrestore(&sem->lock, flags);
	if (!busy && tracked(sem))
		lock_acquire(&sem->dep_map, true, CALLER);
	return busy;
}
EXPORT_SYMBOL(down_trylock);

static void __up(struct semaphore *sem)
{
	struct semaphore_waiter *waiter;
	unsigned long flags;

	spin_lock_irqsave(&sem->lock, flags);
	waiter = list_first_entry_or_null(&sem->wait_list, struct semaphore_waiter, list);
	if (waiter) {
		list_del(&waiter->list);
		waiter->up = true;
		wake_up_process(waiter->task);
	} else {
		sem->count++;
	}
	spin_unlock_irqrestore(&sem->lock, flags);
}

/**
 * up() - Release a unit of a semaphore, giving it to the first waiter if there is one.
 * @sem: the semaphore
 *
 * Unlike a mutex, any context may up() a semaphore another task downed.
 *
 * Context: any context, a hardirq handler included; does not sleep.
 */
void up(struct semaphore *sem)
{
	/* Given back by its holder, or by anyone else (a semaphore has no
	 * owner): then the holder's record is stale, and the new gen says so. */
	if (sem->binary && lockdep_enabled()) {
		lock_release(&sem->dep_map);
		__atomic_add_fetch(&sem->dep_map.gen, 1, __ATOMIC_RELEASE);
	}
	__up(sem);
}
EXPORT_SYMBOL(up);

/**
 * sem_force_release() - Give back a semaphore current leaked (lockdep_repair_leaks).
 * @map: the semaphore's map; the validator has already forgotten it
 *
 * Context: process context (current exits, or returns to user mode).
 */
void sem_force_release(struct lockdep_map *map)
{
	struct semaphore *sem = container_of(map, struct semaphore, dep_map);

	__atomic_add_fetch(&sem->dep_map.gen, 1, __ATOMIC_RELEASE);
	__up(sem);
}
