/*
 * Semaphores with hand-off: up() with sleepers gives the unit to the first
 * one instead of incrementing the count, so they are served in arrival order.
 */
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/semaphore.h>
#include <linux/wait.h>

struct semaphore_waiter {
	struct list_head list;
	struct task_struct *task;
	bool up; /* given a unit by up() */
};

/**
 * sema_init() - Initialise a semaphore with @val free units.
 * @sem: the semaphore
 * @val: the number of units (1 for a binary semaphore)
 *
 * Context: any context, before anyone else can see @sem; does not sleep.
 */
void sema_init(struct semaphore *sem, int val)
{
	spin_lock_init(&sem->lock);
	sem->lock.name = "semaphore.lock";
	sem->count = val;
	INIT_LIST_HEAD(&sem->wait_list);
}
EXPORT_SYMBOL(sema_init);

static int down_common(struct semaphore *sem, long state, long timeout)
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
	down_common(sem, TASK_UNINTERRUPTIBLE, MAX_SCHEDULE_TIMEOUT);
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
	return down_common(sem, TASK_INTERRUPTIBLE, MAX_SCHEDULE_TIMEOUT);
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
	return down_common(sem, TASK_UNINTERRUPTIBLE, timeout);
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
	return busy;
}
EXPORT_SYMBOL(down_trylock);

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
EXPORT_SYMBOL(up);
