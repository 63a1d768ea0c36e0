/*
 * Mutexes with hand-off: mutex_unlock gives the lock straight to the first
 * waiter (it becomes the owner before it even wakes), so waiters get the
 * lock in arrival order and nobody can barge in between.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/wait.h>
#include <janus/nosleep.h>

struct mutex_waiter {
	struct list_head list;
	struct task_struct *task;
};

void __mutex_init(struct mutex *lock, const char *name)
{
	lock->owner = NULL;
	spin_lock_init(&lock->wait_lock);
	lock->wait_lock.name = name;
	INIT_LIST_HEAD(&lock->wait_list);
	lock->name = name;
}

/* Takes a free mutex; wait_lock held. */
static bool try_take(struct mutex *lock)
{
	if (lock->owner)
		return false;
	lock->owner = current;
	return true;
}

static int mutex_lock_common(struct mutex *lock, long state)
{
	struct mutex_waiter waiter = { .task = current };
	bool may_sleep = might_sleep();
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&lock->wait_lock, flags);
	if (try_take(lock))
		goto out;
	if (!may_sleep) {
		spin_unlock_irqrestore(&lock->wait_lock, flags);
		if (state == TASK_INTERRUPTIBLE)
			return -EINTR;
		sleep_impossible("mutex_lock", "the mutex is held, and returning without it would "
				 "let two contexts into the critical section it protects");
	}
	if (lock->owner == current) {
		spin_unlock_irqrestore(&lock->wait_lock, flags);
		WARN(1, "mutex_lock: %s already held by %s/%d: recursive locking would deadlock\n",
		     lock->name, current->comm, current->pid);
		return -EDEADLK;
	}
	list_add_tail(&waiter.list, &lock->wait_list);
	for (;;) {
		set_current_state(state);
		if (lock->owner == current) /* handed over by mutex_unlock */
			break;
		if (signal_pending_state(state, current)) {
			list_del(&waiter.list);
			ret = -EINTR;
			break;
		}
		spin_unlock_irqrestore(&lock->wait_lock, flags);
		schedule();
		spin_lock_irqsave(&lock->wait_lock, flags);
	}
	__set_current_state(TASK_RUNNING);
out:
	spin_unlock_irqrestore(&lock->wait_lock, flags);
	return ret;
}

void mutex_lock(struct mutex *lock)
{
	mutex_lock_common(lock, TASK_UNINTERRUPTIBLE);
}

int mutex_lock_interruptible(struct mutex *lock)
{
	return mutex_lock_common(lock, TASK_INTERRUPTIBLE);
}

int mutex_trylock(struct mutex *lock)
{
	unsigned long flags;
	bool taken;

	if (unlikely(!in_task()))
		report_trylock_in_interrupt(lock->name);
	spin_lock_irqsave(&lock->wait_lock, flags);
	taken = try_take(lock);
	spin_unlock_irqrestore(&lock->wait_lock, flags);
	return taken;
}

void mutex_unlock(struct mutex *lock)
{
	struct mutex_waiter *next;
	unsigned long flags;

	spin_lock_irqsave(&lock->wait_lock, flags);
	if (lock->owner != current) {
		struct task_struct *owner = lock->owner;
		spin_unlock_irqrestore(&lock->wait_lock, flags);
		WARN(1, "mutex_unlock: %s unlocked by %s/%d, but its owner is %s/%d\n", lock->name,
		     current->comm, current->pid, owner ? owner->comm : "nobody",
		     owner ? owner->pid : -1);
		return;
	}
	next = list_first_entry_or_null(&lock->wait_list, struct mutex_waiter, list);
	if (next) {
		list_del(&next->list);
		lock->owner = next->task;
		wake_up_process(next->task);
	} else {
		lock->owner = NULL;
	}
	spin_unlock_irqrestore(&lock->wait_lock, flags);
}
