/* KTAP suite `mutex`: exclusion, trylock, interruptible lock, owner checks, FIFO hand-off. */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include "helpers.h"

#define THREADS 4
#define ROUNDS 2000

static DEFINE_MUTEX(m);
static unsigned long shared;
static atomic_t done_threads;
static DECLARE_COMPLETION(all_done);

static int increment(void *data)
{
	(void)data;
	for (int i = 0; i < ROUNDS; i++) {
		mutex_lock(&m);
		unsigned long v = shared;
		if (!(i % 64))
			yield(); /* give the others a chance to find it locked */
		shared = v + 1;
		mutex_unlock(&m);
	}
	if (atomic_inc_return(&done_threads) == THREADS)
		complete(&all_done);
	sleep_until_kthread_stop();
	return 0;
}

/* Waits for done while *count keeps moving: false after TEST_WAIT_MS without a change. */
static bool wait_while_progressing(struct completion *done, const unsigned long *count)
{
	unsigned long seen = READ_ONCE(*count), still = 0;

	while (!wait_for_completion_timeout(done, HZ / 10)) {
		unsigned long now = READ_ONCE(*count);

		still = now == seen ? still + HZ / 10 : 0;
		seen = now;
		if (still >= msecs_to_jiffies(TEST_WAIT_MS))
			return false;
	}
	return true;
}

static void n_threads_times_m_increments_give_exactly_n_times_m(struct kunit *test)
{
	struct task_struct *t[THREADS];

	shared = 0;
	atomic_set(&done_threads, 0);
	reinit_completion(&all_done);
	for (int i = 0; i < THREADS; i++)
		t[i] = kthread_run(increment, NULL, "inc-%d", i);
	/* Sleep, not spin: a waiter that stays runnable would hold the CPU
	 * against the threads that a mutex hand-off wakes on it. Every increment
	 * is a hand-off, a wake-up and a switch (FIFO: the unlocker queues behind
	 * the waiters), 8,000 of them: on a loaded host that took over 20 s. The
	 * safety net is 20 s without progress, not 20 s in all. */
	KUNIT_EXPECT_TRUE(test, wait_while_progressing(&all_done, &shared));
	for (int i = 0; i < THREADS; i++)
		kthread_stop(t[i]); /* returns once the thread did all its rounds */
	KUNIT_EXPECT_EQ(test, shared, (unsigned long)THREADS * ROUNDS);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&m));
}

static void trylock_takes_only_a_free_mutex(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, mutex_trylock(&m), 1);
	KUNIT_EXPECT_PTR_EQ(test, m.owner, current);
	KUNIT_EXPECT_EQ(test, mutex_trylock(&m), 0);
	mutex_unlock(&m);
	KUNIT_EXPECT_NULL(test, m.owner);
}

struct locker {
	int ret;
	struct completion done;
};

static int lock_interruptibly(void *data)
{
	struct locker *l = data;

	l->ret = mutex_lock_interruptible(&m);
	if (!l->ret)
		mutex_unlock(&m);
	complete(&l->done);
	sleep_until_kthread_stop();
	return 0;
}

static void a_signal_interrupts_mutex_lock_interruptible(struct kunit *test)
{
	struct locker l = { .ret = 1 };
	struct task_struct *t;

	init_completion(&l.done);
	mutex_lock(&m);
	t = kthread_run(lock_interruptibly, &l, "locker");
	KUNIT_EXPECT_TRUE(test, wait_until_asleep(t, TASK_INTERRUPTIBLE)); /* queued on m */
	send_sig(SIGUSR1, t, 0);
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&l.done, HZ), 0ul);
	KUNIT_EXPECT_EQ(test, l.ret, -EINTR);
	KUNIT_EXPECT_PTR_EQ(test, m.owner, current); /* still ours */
	mutex_unlock(&m);
	flush_signals(t);
	kthread_stop(t);
}

static int unlock_someone_elses(void *data)
{
	(void)data;
	mutex_unlock(&m);
	sleep_until_kthread_stop();
	return 0;
}

static void unlock_by_a_non_owner_warns_and_changes_nothing(struct kunit *test)
{
	unsigned long warns = warn_count;
	struct task_struct *t;

	mutex_lock(&m);
	kunit_expect_report(test, "mutex_unlock: m unlocked by intruder/");
	t = kthread_run(unlock_someone_elses, NULL, "intruder");
	/* On another CPU the intruder may still be printing its warning. */
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(warn_count) == warns + 1, TEST_WAIT_MS));
	KUNIT_EXPECT_PTR_EQ(test, m.owner, current);
	mutex_unlock(&m);
	kthread_stop(t);
}

static void recursive_locking_warns(struct kunit *test)
{
	unsigned long warns = warn_count;

	mutex_lock(&m);
	kunit_expect_report(test, "recursive locking would deadlock");
	mutex_lock(&m); /* would deadlock: reported, not taken twice */
	KUNIT_EXPECT_EQ(test, warn_count, warns + 1);
	mutex_unlock(&m);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&m));
}

static int order[3], order_len;

static int take_in_turn(void *data)
{
	mutex_lock(&m);
	order[order_len++] = (int)(long)data;
	mutex_unlock(&m);
	sleep_until_kthread_stop();
	return 0;
}

static void waiters_get_the_mutex_in_arrival_order(struct kunit *test)
{
	struct task_struct *t[3];

	order_len = 0;
	mutex_lock(&m);
	for (int i = 0; i < 3; i++) {
		t[i] = kthread_run(take_in_turn, (void *)(long)(i + 1), "fifo-%d", i);
		/* each one queues before the next starts */
		KUNIT_ASSERT_TRUE(test, wait_until_asleep(t[i], TASK_UNINTERRUPTIBLE));
	}
	mutex_unlock(&m);
	KUNIT_EXPECT_TRUE(test, wait_until(order_len == 3, TEST_WAIT_MS));
	KUNIT_EXPECT_EQ(test, order[0], 1);
	KUNIT_EXPECT_EQ(test, order[1], 2);
	KUNIT_EXPECT_EQ(test, order[2], 3);
	for (int i = 0; i < 3; i++)
		kthread_stop(t[i]);
}

static struct kunit_case mutex_cases[] = {
	KUNIT_CASE(n_threads_times_m_increments_give_exactly_n_times_m),
	KUNIT_CASE(trylock_takes_only_a_free_mutex),
	KUNIT_CASE(a_signal_interrupts_mutex_lock_interruptible),
	KUNIT_CASE(unlock_by_a_non_owner_warns_and_changes_nothing),
	KUNIT_CASE(recursive_locking_warns),
	KUNIT_CASE(waiters_get_the_mutex_in_arrival_order),
	{}
};

static struct kunit_suite mutex_suite = {
	.name = "mutex",
	.test_cases = mutex_cases,
};
kunit_test_suite(mutex_suite);
