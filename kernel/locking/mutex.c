/*
 * Mutexes with hand-off: mutex_unlock gives the lock straight to the first
 * waiter (it becomes the owner before it even wakes), so waiters get the
 * lock in arrival order and nobody can barge in between. The lock validator
 * hears of each mutex_lock before the caller may wait, outside wait_lock.
 *
 * A free mutex is taken, and one nobody waits for is released, with one
 * atomic instruction on the owner (no wait_lock): the common, uncontended
 * case of a pipe or a file. Whoever may have to wait takes wait_lock, queues
 * itself and only then tries the owner once more, and an unlock that saw no
 * waiter looks again after freeing the owner: one of the two always sees the
 * other, so no waiter sleeps on a free mutex.
 */
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/wait.h>
#include <janus/nosleep.h>

#define CALLER ((unsigned long)__builtin_return_address(0))

struct mutex_waiter {
	struct list_head list;
	struct task_struct *task;
};

/**
 * __mutex_init() - Initialise a mutex: unlocked, no waiters.
 * @lock: the mutex
 * @name: its name in reports (mutex_init() passes the expression's text)
 * @key:  its lock class: one per mutex_init() call site
 *
 * Context: any context, before anyone else can see @lock; does not sleep.
 */
void __mutex_init(struct mutex *lock, const char *name, struct lock_class_key *key)
{
	lock->owner = NULL;
	spin_lock_init(&lock->wait_lock);
	lock->wait_lock.name = name;
	INIT_LIST_HEAD(&lock->wait_list);
	lock->name = name;
	lock->dep_map = (struct lockdep_map)LOCKDEP_MAP_INIT(key, LD_MUTEX);
}
EXPORT_SYMBOL(__mutex_init);

/* Takes a free mutex, in one atomic step (a full barrier). */
static bool try_take(struct mutex *lock)
{
	struct task_struct *free = NULL;

	return __atomic_compare_exchange_n(&lock->owner, &free, current, false, __ATOMIC_SEQ_CST,
					   __ATOMIC_SEQ_CST);
}

/* Takes the mutex, or waits until mutex_unlock hands it over. */
static int mutex_wait(struct mutex *lock, long state, bool may_sleep)
{
	struct mutex_waiter waiter = { .task = current };
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
	list_add_tail(&waiter.list, &lock->wait_list);
	/* Queued: an unlock from now on sees us. One that freed the owner before
	 * it could is seen here (try_take is a full barrier after the list_add). */
	if (try_take(lock)) {
		list_del(&waiter.list);
		goto out;
	}
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

static int mutex_lock_common(struct mutex *lock, long state, unsigned long ip)
{
	bool may_sleep = might_sleep();
	/* Only current can make itself the owner: this read is not racy. */
	bool mine = READ_ONCE(lock->owner) == current;
	bool track = lockdep_enabled() && !mine;
	int ret;

	if (mine && may_sleep) {
		WARN(1, "mutex_lock: %s already held by %s/%d: recursive locking would deadlock\n",
		     lock->name, current->comm, current->pid);
		return -EDEADLK;
	}
	if (track)
		lock_acquire(&lock->dep_map, false, ip);
	ret = try_take(lock) ? 0 : mutex_wait(lock, state, may_sleep);
	if (ret && track)
		lock_release(&lock->dep_map);
	return ret;
}

/**
 * mutex_lock() - Take a mutex, sleeping (uninterruptibly) until it is free.
 * @lock: the mutex
 *
 * Waiters get the mutex in arrival order: mutex_unlock() hands it to the
 * first one. Taking a mutex the task already holds is refused with a
 * WARNING ("recursive locking would deadlock").
 *
 * Context: process context only; may sleep. Never from a handler, a
 * softirq, a tasklet, a timer, or with a spinlock held: might_sleep()
 * reports "BUG: sleeping function called from invalid context"; a free
 * mutex is still taken, a held one panics (returning without it would let
 * two contexts into the critical section).
 */
void mutex_lock(struct mutex *lock)
{
	mutex_lock_common(lock, TASK_UNINTERRUPTIBLE, CALLER);
}
EXPORT_SYMBOL(mutex_lock);

/**
 * mutex_lock_interruptible() - Take a mutex, sleeping until it is free or a signal comes.
 * @lock: the mutex
 *
 * Context: process context only; may sleep. From atomic context
 * might_sleep() reports the bug; a free mutex is still taken, a held one
 * returns -EINTR at once.
 * Return: 0 with the mutex held; -EINTR if a signal came first (or in atomic
 * context); -EDEADLK if the task already holds it (with a WARNING).
 */
int mutex_lock_interruptible(struct mutex *lock)
{
	return mutex_lock_common(lock, TASK_INTERRUPTIBLE, CALLER);
}
EXPORT_SYMBOL(mutex_lock_interruptible);

/**
 * mutex_trylock() - Take a mutex only if it is free, never sleeping.
 * @lock: the mutex
 *
 * Context: process context; does not sleep. From interrupt context it warns
 * ("mutex_trylock(NAME) from interrupt context"): a mutex belongs to a task
 * and an interrupt has none. It still tries.
 * Return: 1 if taken, 0 if it was held.
 */
int mutex_trylock(struct mutex *lock)
{
	bool taken;

	if (unlikely(!in_task()))
		report_trylock_in_interrupt(lock->name);
	taken = try_take(lock);
	if (taken && lockdep_enabled())
		lock_acquire(&lock->dep_map, true, CALLER);
	return taken;
}
EXPORT_SYMBOL(mutex_trylock);

/* Gives the mutex to its first waiter, or frees it. The caller owns it. */
static void hand_off(struct mutex *lock)
{
	struct mutex_waiter *next;
	unsigned long flags;

	spin_lock_irqsave(&lock->wait_lock, flags);
	next = list_first_entry_or_null(&lock->wait_list, struct mutex_waiter, list);
	if (next) {
		list_del(&next->list);
		WRITE_ONCE(lock->owner, next->task);
		wake_up_process(next->task);
	} else {
		WRITE_ONCE(lock->owner, NULL);
	}
	spin_unlock_irqrestore(&lock->wait_lock, flags);
}

/* The owner was freed without wait_lock, and then a waiter showed up. It may
 * have taken the mutex itself (its try_take after queueing), or someone else
 * may have; if it is still free, the first waiter gets it. */
static void wake_late_waiter(struct mutex *lock)
{
	struct mutex_waiter *next;
	unsigned long flags;

	spin_lock_irqsave(&lock->wait_lock, flags);
	next = list_first_entry_or_null(&lock->wait_list, struct mutex_waiter, list);
	if (next) {
		struct task_struct *free = NULL;

		if (__atomic_compare_exchange_n(&lock->owner, &free, next->task, false,
						__ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
			list_del(&next->list);
			wake_up_process(next->task);
		}
	}
	spin_unlock_irqrestore(&lock->wait_lock, flags);
}

/* Releases a mutex the caller owns: without wait_lock if nobody waits. */
static void release(struct mutex *lock)
{
	if (!list_empty(&lock->wait_list)) {
		hand_off(lock);
		return;
	}
	__atomic_store_n(&lock->owner, NULL, __ATOMIC_SEQ_CST);
	if (!list_empty(&lock->wait_list)) /* queued meanwhile: see mutex_wait */
		wake_late_waiter(lock);
}

/**
 * mutex_unlock() - Release a mutex, handing it to the first waiter if there is one.
 * @lock: the mutex, held by the current task
 *
 * Context: process context, by the task that took @lock; does not sleep.
 * Unlocking a mutex the task does not own is refused with a WARNING naming
 * the owner.
 */
void mutex_unlock(struct mutex *lock)
{
	struct task_struct *owner = READ_ONCE(lock->owner);

	if (owner != current) {
		WARN(1, "mutex_unlock: %s unlocked by %s/%d, but its owner is %s/%d\n", lock->name,
		     current->comm, current->pid, owner ? owner->comm : "nobody",
		     owner ? owner->pid : -1);
		return;
	}
	if (lockdep_enabled())
		lock_release(&lock->dep_map);
	release(lock);
}

/**
 * mutex_force_release() - Unlock a mutex current leaked (lockdep_repair_leaks).
 * @map: the mutex's map; the validator has already forgotten it
 *
 * Context: process context (current exits, or returns to user mode).
 */
void mutex_force_release(struct lockdep_map *map)
{
	struct mutex *lock = container_of(map, struct mutex, dep_map);

	if (READ_ONCE(lock->owner) == current)
		release(lock);
}
EXPORT_SYMBOL(mutex_unlock);
