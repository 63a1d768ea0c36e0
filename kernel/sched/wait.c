/*
 * Wait queues. The queue's lock is taken with interrupts off, because
 * wake_up may be called from a hardirq handler.
 */
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/wait.h>

/**
 * __init_waitqueue_head() - Initialise a wait queue: empty, its lock unlocked.
 * @wq_head: the wait queue
 * @name:    its lock's name in reports (init_waitqueue_head() passes the expression)
 * @key:     its lock's class: one per init_waitqueue_head() call site
 *
 * Context: any context, before anyone else can see @wq_head; does not sleep.
 */
void __init_waitqueue_head(struct wait_queue_head *wq_head, const char *name,
			   struct lock_class_key *key)
{
	__spin_lock_init(&wq_head->lock, name, key);
	INIT_LIST_HEAD(&wq_head->head);
}
EXPORT_SYMBOL(__init_waitqueue_head);

/**
 * default_wake_function() - Wake the task of a wait-queue entry.
 * @wq_entry: the entry; its ->private is the task to wake
 * @mode:     the task states to wake (TASK_NORMAL, TASK_INTERRUPTIBLE...)
 *
 * The entry stays on the queue: the woken task removes it (finish_wait()).
 *
 * Context: any context; does not sleep. Called by __wake_up() with the
 * queue's lock held and interrupts off.
 * Return: 1 if the task was woken, 0 if it was not in a state of @mode.
 */
int default_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode)
{
	return wake_up_state(wq_entry->private, mode);
}
EXPORT_SYMBOL(default_wake_function);

/**
 * autoremove_wake_function() - Wake the entry's task and take the entry off the queue.
 * @wq_entry: the entry; its ->private is the task to wake
 * @mode:     the task states to wake
 *
 * Taking it off at once means the task is woken only once; the wake function
 * DEFINE_WAIT() installs.
 *
 * Context: any context; does not sleep. Called by __wake_up() with the
 * queue's lock held and interrupts off.
 * Return: 1 if the task was woken (and the entry removed), 0 otherwise.
 */
int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode)
{
	int ret = default_wake_function(wq_entry, mode);

	if (ret)
		list_del_init(&wq_entry->entry);
	return ret;
}
EXPORT_SYMBOL(autoremove_wake_function);

/**
 * add_wait_queue() - Put a non-exclusive entry at the head of a wait queue.
 * @wq_head:  the wait queue
 * @wq_entry: the entry, initialised with its task and wake function
 *
 * Prefer prepare_to_wait() or the wait_event*() macros: they set the task
 * state under the same lock, so no wake-up is lost.
 *
 * Context: any context; does not sleep.
 */
void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	list_add(&wq_entry->entry, &wq_head->head);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}
EXPORT_SYMBOL(add_wait_queue);

/**
 * remove_wait_queue() - Take an entry off its wait queue.
 * @wq_head:  the wait queue
 * @wq_entry: the entry added by add_wait_queue()
 *
 * Context: any context; does not sleep.
 */
void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	list_del_init(&wq_entry->entry);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}
EXPORT_SYMBOL(remove_wait_queue);

/**
 * prepare_to_wait() - Queue the current task (non-exclusive) and set its state.
 * @wq_head:  the wait queue a waker will wake
 * @wq_entry: the caller's entry (DEFINE_WAIT()); queued only if not queued yet
 * @state:    TASK_UNINTERRUPTIBLE or TASK_INTERRUPTIBLE
 *
 * Both happen under the queue's lock, so a waker that runs after this sees
 * the task and sets it running again: test the condition after this call,
 * then schedule(), then finish_wait().
 *
 * Context: process context; does not sleep itself (schedule() does).
 */
void prepare_to_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state)
{
	unsigned long flags;

	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	if (list_empty(&wq_entry->entry))
		list_add(&wq_entry->entry, &wq_head->head);
	set_current_state(state);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}
EXPORT_SYMBOL(prepare_to_wait);

/**
 * prepare_to_wait_exclusive() - Queue the current task as an exclusive waiter.
 * @wq_head:  the wait queue a waker will wake
 * @wq_entry: the caller's entry (DEFINE_WAIT()); queued only if not queued yet
 * @state:    TASK_UNINTERRUPTIBLE or TASK_INTERRUPTIBLE
 *
 * Exclusive waiters go to the back of the queue and are woken one at a time,
 * first come first served (what completions use).
 *
 * Context: process context; does not sleep itself (schedule() does).
 */
void prepare_to_wait_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry,
			       int state)
{
	unsigned long flags;

	wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	if (list_empty(&wq_entry->entry))
		list_add_tail(&wq_entry->entry, &wq_head->head);
	set_current_state(state);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}
EXPORT_SYMBOL(prepare_to_wait_exclusive);

/**
 * finish_wait() - End a wait: set the task running and take its entry off the queue.
 * @wq_head:  the wait queue
 * @wq_entry: the entry given to prepare_to_wait()
 *
 * Context: process context; does not sleep.
 */
void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	__set_current_state(TASK_RUNNING);
	/* Taken off already by autoremove_wake_function? Then no lock is needed. */
	if (!list_empty(&wq_entry->entry)) {
		spin_lock_irqsave(&wq_head->lock, flags);
		list_del_init(&wq_entry->entry);
		spin_unlock_irqrestore(&wq_head->lock, flags);
	}
}
EXPORT_SYMBOL(finish_wait);

/**
 * __wake_up() - Wake the tasks sleeping on a wait queue.
 * @wq_head: the wait queue
 * @mode:    which sleep states to wake (TASK_NORMAL: both kinds)
 * @nr:      how many exclusive waiters to wake; 0 wakes them all
 *
 * Every non-exclusive waiter is woken, and exclusive ones up to @nr. The
 * wake_up*() macros call this.
 *
 * Context: any context, a hardirq handler included; does not sleep (the
 * queue's lock is taken with interrupts off).
 */
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	__wake_up_locked(wq_head, mode, nr);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

/**
 * __wake_up_locked() - __wake_up() with the queue's lock already held.
 * @wq_head: the wait queue, its lock held by the caller
 * @mode:    which sleep states to wake
 * @nr:      how many exclusive waiters to wake; 0 wakes them all
 *
 * For a caller that changes the condition under the same lock (complete()):
 * once it unlocks, the waiter may return and free the queue (a completion on
 * its stack), so nothing may touch the queue after the unlock.
 *
 * Context: any context, the queue's lock held with interrupts off.
 */
void __wake_up_locked(struct wait_queue_head *wq_head, unsigned int mode, int nr)
{
	struct wait_queue_entry *curr, *next;

	list_for_each_entry_safe(curr, next, &wq_head->head, entry) {
		unsigned int exclusive = curr->flags & WQ_FLAG_EXCLUSIVE;
		if (curr->func(curr, mode) && exclusive && !--nr)
			break;
	}
}
EXPORT_SYMBOL(__wake_up);
