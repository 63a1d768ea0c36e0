/*
 * Completions: a count of "done" events and a queue of exclusive waiters.
 * complete() adds one and wakes the first waiter; complete_all() sets the
 * count to "forever" and wakes them all.
 */
#include <linux/completion.h>
#include <linux/kernel.h>
#include <linux/limits.h>

void init_completion(struct completion *x)
{
	x->done = 0;
	init_waitqueue_head(&x->wait);
}

void complete(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done != UINT_MAX)
		x->done++;
	spin_unlock_irqrestore(&x->wait.lock, flags);
	__wake_up(&x->wait, TASK_NORMAL, 1);
}

void complete_all(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	x->done = UINT_MAX;
	spin_unlock_irqrestore(&x->wait.lock, flags);
	__wake_up(&x->wait, TASK_NORMAL, 0);
}

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

void wait_for_completion(struct completion *x)
{
	wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_UNINTERRUPTIBLE);
}

unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout)
{
	return wait_for_common(x, timeout, TASK_UNINTERRUPTIBLE);
}

int wait_for_completion_interruptible(struct completion *x)
{
	long t = wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_INTERRUPTIBLE);
	return t == -ERESTARTSYS ? t : 0;
}

bool try_wait_for_completion(struct completion *x)
{
	unsigned long flags;
	bool ret;

	spin_lock_irqsave(&x->wait.lock, flags);
	ret = consume(x);
	spin_unlock_irqrestore(&x->wait.lock, flags);
	return ret;
}

bool completion_done(struct completion *x)
{
	return READ_ONCE(x->done) != 0;
}

