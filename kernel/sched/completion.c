/*
 * Completions: a count of "done" events and a queue of exclusive waiters.
 * complete() adds one and wakes the first waiter; complete_all() sets the
 * count to "forever" and wakes them all.
 */
#include <linux/completion.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/limits.h>

/**
 * init_completion() - Initialise a completion: not done, nobody waiting.
 * @x: the completion
 *
 * Context: any context, before anyone else can see @x; does not sleep.
 */
void init_completion(struct completion *x)
{
	x->done = 0;
	init_waitqueue_head(&x->wait);
}
EXPORT_SYMBOL(init_completion);

/**
 * complete() - Signal one "done" event: lets exactly one waiter through.
 * @x: the completion
 *
 * Wakes the first exclusive waiter (first come, first served); with nobody
 * waiting, the event is counted and the next wait returns at once.
 *
 * Context: any context, a hardirq handler included; does not sleep (takes
 * the completion's lock with interrupts off).
 */
void complete(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done != UINT_MAX)
		x->done++;
	/* Under the lock: a waiter that sees done may return at once and
	 * reuse the completion (on its stack: flush_work's barrier), so it is
	 * not touched after the unlock. Waking after it spun a kworker for
	 * good on the lock of a stack frame that had been reused. */
	__wake_up_locked(&x->wait, TASK_NORMAL, 1);
	spin_unlock_irqrestore(&x->wait.lock, flags);
}
EXPORT_SYMBOL(complete);

/**
 * complete_all() - Mark @x done for good: every waiter, now and later, passes.
 * @x: the completion
 *
 * Use reinit_completion() before waiting on @x again.
 *
 * Context: any context, a hardirq handler included; does not sleep.
 */
void complete_all(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	x->done = UINT_MAX;
	__wake_up_locked(&x->wait, TASK_NORMAL, 0); /* under the lock: see complete() */
	spin_unlock_irqrestore(&x->wait.lock, flags);
}
EXPORT_SYMBOL(complete_all);

/* Takes one "done" if there is one; lock held. */
static bool consume(struct completion *x)
{
	if (!x->done)
		return false;
	if (x->done != UINT_MAX)
		x->done--;
	return true;
}

/* Returns the jiffies left (at least 1) once it got a completion, 0 on
 * timeout, -ERESTARTSYS if a signal came first. */
static long wait_for_common(struct completion *x, long timeout, int state)
{
	DEFINE_WAIT(wait);
	bool may_sleep = might_sleep();
	unsigned long flags;
	long ret;

	if (!may_sleep) {
		if (try_wait_for_completion(x))
			return timeout ? timeout : 1;
		if (state == TASK_INTERRUPTIBLE)
			return -ERESTARTSYS;
		if (timeout != MAX_SCHEDULE_TIMEOUT)
			return 0;
		sleep_impossible("wait_for_completion", "it has not completed, and returning "
				 "would run the caller before the event it waits for");
	}
	for (;;) {
		prepare_to_wait_exclusive(&x->wait, &wait, state);
		spin_lock_irqsave(&x->wait.lock, flags);
		if (consume(x)) {
			spin_unlock_irqrestore(&x->wait.lock, flags);
			ret = timeout ? timeout : 1;
			break;
		}
		spin_unlock_irqrestore(&x->wait.lock, flags);
		if (signal_pending_state(state, current)) {
			ret = -ERESTARTSYS;
			break;
		}
		if (!timeout) {
			ret = 0;
			break;
		}
		timeout = schedule_timeout(timeout);
	}
	finish_wait(&x->wait, &wait);
	return ret;
}

/**
 * wait_for_completion() - Sleep, uninterruptibly, until @x is completed.
 * @x: the completion
 *
 * Consumes one completion (all of them pass after complete_all()).
 *
 * Context: process context only; may sleep (TASK_UNINTERRUPTIBLE, shown as
 * D state, watched by the hung-task detector). In atomic context
 * might_sleep() prints "BUG: sleeping function called from invalid
 * context"; if @x is already done it still returns, otherwise the kernel
 * panics, since returning would run the caller before its event.
 */
void wait_for_completion(struct completion *x)
{
	wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_UNINTERRUPTIBLE);
}
EXPORT_SYMBOL(wait_for_completion);

/**
 * wait_for_completion_timeout() - Sleep until @x is completed or @timeout passes.
 * @x:       the completion
 * @timeout: the longest sleep, in jiffies (MAX_SCHEDULE_TIMEOUT: no limit)
 *
 * Context: process context only; may sleep (uninterruptibly). In atomic
 * context might_sleep() reports the bug and the call does not sleep: it
 * returns at once, with 0 unless @x was already done.
 * Return: 0 on timeout, otherwise the jiffies that were left (at least 1).
 */
unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout)
{
	return wait_for_common(x, timeout, TASK_UNINTERRUPTIBLE);
}
EXPORT_SYMBOL(wait_for_completion_timeout);

/**
 * wait_for_completion_interruptible() - Sleep until @x is completed or a signal comes.
 * @x: the completion
 *
 * Context: process context only; may sleep (TASK_INTERRUPTIBLE). In atomic
 * context might_sleep() reports the bug and the call returns at once:
 * 0 if @x was already done, otherwise -ERESTARTSYS.
 * Return: 0 once completed, -ERESTARTSYS if a signal came first.
 */
int wait_for_completion_interruptible(struct completion *x)
{
	long t = wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_INTERRUPTIBLE);
	return t == -ERESTARTSYS ? t : 0;
}
EXPORT_SYMBOL(wait_for_completion_interruptible);

/**
 * try_wait_for_completion() - Consume one completion if there is one, never waiting.
 * @x: the completion
 *
 * Context: any context; does not sleep.
 * Return: true if @x was done (and one completion was consumed), false otherwise.
 */
bool try_wait_for_completion(struct completion *x)
{
	unsigned long flags;
	bool ret;

	spin_lock_irqsave(&x->wait.lock, flags);
	ret = consume(x);
	spin_unlock_irqrestore(&x->wait.lock, flags);
	return ret;
}
EXPORT_SYMBOL(try_wait_for_completion);

/**
 * completion_done() - Test whether @x has a completion waiting, consuming nothing.
 * @x: the completion
 *
 * Context: any context; does not sleep. The answer may be stale at once.
 * Return: true if a wait on @x would return without sleeping.
 */
bool completion_done(struct completion *x)
{
	unsigned long flags;

	if (!READ_ONCE(x->done))
		return false;
	/* Done: wait until complete() has let go of the lock, so that a caller
	 * that frees @x on this answer frees it after complete() is through. */
	spin_lock_irqsave(&x->wait.lock, flags);
	spin_unlock_irqrestore(&x->wait.lock, flags);
	return true;
}
EXPORT_SYMBOL(completion_done);

