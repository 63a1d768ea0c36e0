/*
 * KTAP suite `waitqueue`: no lost wake-ups (a hardirq producer, a sleeping
 * consumer, 100,000 events), signals, timeouts and exclusive waiters
 * (kernel/sched/wait.c, include/linux/wait.h).
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/wait.h>
#include "helpers.h"

#define LINE IRQ_SIM_BASE
#define EVENTS 100000

static DECLARE_WAIT_QUEUE_HEAD(wq);

struct events {
	volatile unsigned long produced, consumed;
	unsigned long lost_wakeups, sleeps;
	struct completion consumer_done;
};

static irqreturn_t producer_irq(int irq, void *dev_id)
{
	struct events *e = dev_id;

	(void)irq;
	e->produced++;
	wake_up(&wq);
	return IRQ_HANDLED;
}

static int producer(void *data)
{
	(void)data;
	for (int i = 0; i < EVENTS; i++)
		irq_sim_fire(LINE);
	sleep_until_kthread_stop();
	return 0;
}

/* Sleeps until there is something new; a timeout with news waiting is a lost wake-up. */
static int consumer(void *data)
{
	struct events *e = data;

	while (e->consumed < EVENTS) {
		if (e->produced == e->consumed)
			e->sleeps++;
		if (!wait_event_timeout(wq, e->produced != e->consumed, HZ))
			e->lost_wakeups += e->produced != e->consumed ? 1 : 0;
		e->consumed = e->produced;
	}
	complete(&e->consumer_done);
	return 0;
}

static void a_hardirq_producer_loses_no_wakeup(struct kunit *test)
{
	static struct events e;
	struct task_struct *c, *p;

	e = (struct events){ 0 };
	init_completion(&e.consumer_done);
	KUNIT_ASSERT_EQ(test, request_irq(LINE, producer_irq, 0, "producer", &e), 0);
	/* On one CPU, the consumer outranking the producer: every event wakes it
	 * from a real sleep, and it preempts the producer on the way out of the
	 * interrupt. On two CPUs the consumer ran beside the producer, and how
	 * often it found nothing and slept was the host's doing: 9,188 times of
	 * 100,000 on a loaded one. Across CPUs: smp_locks.
	 * The consumer has the longest time slice and the producer the shortest
	 * (one tick): when the consumer's slice runs out, the producer fires
	 * alone, finding it awake, for one tick at most. With priorities 15 and
	 * 20 (12 and 10 ticks) that was up to ten ticks, and a host that made the
	 * ticks land on the consumer left it asleep for only 6,115 events. */
	c = kthread_create(consumer, &e, "consumer");
	KUNIT_ASSERT_FALSE(test, IS_ERR(c));
	p = kthread_create(producer, NULL, "producer");
	KUNIT_ASSERT_FALSE(test, IS_ERR(p));
	kthread_bind(c, smp_processor_id());
	kthread_bind(p, smp_processor_id());
	sched_set_prio(c, 0);
	sched_set_prio(p, MAX_PRIO - 1);
	wake_up_process(c);
	wake_up_process(p);
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&e.consumer_done, 60 * HZ), 0ul);
	kthread_stop(p);
	free_irq(LINE, &e);
	KUNIT_EXPECT_EQ(test, e.produced, (unsigned long)EVENTS);
	KUNIT_EXPECT_EQ(test, e.consumed, (unsigned long)EVENTS);
	KUNIT_EXPECT_EQ(test, e.lost_wakeups, 0ul);
	/* Most events find it awake (its slice may run out, then the producer
	 * has a turn), but tens of thousands wake it from a real sleep. */
	KUNIT_EXPECT_GT(test, e.sleeps, EVENTS / 10ul);
	kunit_info(test, "%lu events, the consumer went to sleep %lu times", e.produced, e.sleeps);
}

struct sleeper {
	long ret;
	bool cond;
	struct completion done;
};

static int sleep_interruptibly(void *data)
{
	struct sleeper *s = data;

	s->ret = wait_event_interruptible(wq, s->cond);
	complete(&s->done);
	sleep_until_kthread_stop();
	return 0;
}

static void a_signal_ends_an_interruptible_wait_with_erestartsys(struct kunit *test)
{
	struct sleeper s = { .ret = 1 };
	struct task_struct *t;

	init_completion(&s.done);
	t = kthread_run(sleep_interruptibly, &s, "sleeper");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	KUNIT_EXPECT_TRUE(test, wait_until_asleep(t, TASK_INTERRUPTIBLE)); /* on wq */
	send_sig(SIGUSR1, t, 0);
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&s.done, HZ), 0ul);
	KUNIT_EXPECT_EQ(test, s.ret, (long)-ERESTARTSYS);
	flush_signals(t);
	kthread_stop(t);
}

static void timeouts_return_zero_and_take_at_least_the_time(struct kunit *test)
{
	unsigned long start = jiffies;

	KUNIT_EXPECT_EQ(test, wait_event_timeout(wq, false, 5), 0l);
	KUNIT_EXPECT_GE(test, jiffies - start, 5ul);
	start = jiffies;
	KUNIT_EXPECT_EQ(test, wait_event_interruptible_timeout(wq, false, 3), 0l);
	KUNIT_EXPECT_GE(test, jiffies - start, 3ul);
	/* A true condition returns at once, with the time left. */
	KUNIT_EXPECT_EQ(test, wait_event_timeout(wq, true, 7), 7l);
	KUNIT_EXPECT_EQ(test, wait_event_timeout(wq, true, 0), 1l);
}

static atomic_t woken;

static int wait_exclusively(void *data)
{
	DEFINE_WAIT(w);
	bool *go = data;

	prepare_to_wait_exclusive(&wq, &w, TASK_UNINTERRUPTIBLE);
	while (!READ_ONCE(*go)) {
		schedule();
		prepare_to_wait_exclusive(&wq, &w, TASK_UNINTERRUPTIBLE);
	}
	finish_wait(&wq, &w);
	atomic_inc(&woken);
	sleep_until_kthread_stop();
	return 0;
}

static void wake_up_wakes_one_exclusive_waiter_wake_up_all_wakes_all(struct kunit *test)
{
	struct task_struct *t[3];
	bool go = true;

	atomic_set(&woken, 0);
	go = false;
	for (int i = 0; i < 3; i++)
		t[i] = kthread_run(wait_exclusively, &go, "excl-%d", i);
	for (int i = 0; i < 3; i++) /* all three queued on wq */
		KUNIT_ASSERT_TRUE(test, wait_until_asleep(t[i], TASK_UNINTERRUPTIBLE));
	go = true;
	wake_up(&wq);
	/* One went through and sleeps until kthread_stop; had wake_up woken more,
	 * they too would be through (go is true) before all three settle. */
	KUNIT_EXPECT_TRUE(test, wait_until(atomic_read(&woken) >= 1 && tasks_settled(t, 3),
					   TEST_WAIT_MS));
	KUNIT_EXPECT_EQ(test, atomic_read(&woken), 1);
	wake_up_all(&wq);
	KUNIT_EXPECT_TRUE(test, wait_until(atomic_read(&woken) == 3, TEST_WAIT_MS));
	for (int i = 0; i < 3; i++)
		kthread_stop(t[i]);
}

static int wait_for_stop(void *data)
{
	(void)data;
	/* kthread_stop wakes it; the condition is then true. */
	wait_event_interruptible(wq, kthread_should_stop());
	return 42;
}

static void kthread_stop_wakes_an_interruptible_sleeper(struct kunit *test)
{
	struct task_struct *t = kthread_run(wait_for_stop, NULL, "stopme");

	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	KUNIT_EXPECT_TRUE(test, wait_until_asleep(t, TASK_INTERRUPTIBLE)); /* on wq */
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 42);
}

static struct kunit_case waitqueue_cases[] = {
	KUNIT_CASE(a_hardirq_producer_loses_no_wakeup),
	KUNIT_CASE(a_signal_ends_an_interruptible_wait_with_erestartsys),
	KUNIT_CASE(timeouts_return_zero_and_take_at_least_the_time),
	KUNIT_CASE(wake_up_wakes_one_exclusive_waiter_wake_up_all_wakes_all),
	KUNIT_CASE(kthread_stop_wakes_an_interruptible_sleeper),
	{}
};

static struct kunit_suite waitqueue_suite = {
	.name = "waitqueue",
	.test_cases = waitqueue_cases,
	.one_cpu = true, /* the producer/consumer case counts same-CPU preemptions */
};
kunit_test_suite(waitqueue_suite);
