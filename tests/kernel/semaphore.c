/* KTAP suite `semaphore`: counting, trylock, timeout, signals, FIFO, up() from a hardirq. */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <linux/kthread.h>
#include <linux/semaphore.h>
#include "helpers.h"

static struct semaphore sem;

static int setup(struct kunit *test)
{
	(void)test;
	sema_init(&sem, 2);
	return 0;
}

static void it_counts_units(struct kunit *test)
{
	down(&sem);
	down(&sem);
	KUNIT_EXPECT_EQ(test, sem.count, 0u);
	KUNIT_EXPECT_EQ(test, down_trylock(&sem), 1); /* 1: not taken */
	up(&sem);
	KUNIT_EXPECT_EQ(test, down_trylock(&sem), 0); /* 0: taken */
	up(&sem);
	up(&sem);
	KUNIT_EXPECT_EQ(test, sem.count, 2u);
}

static void down_timeout_gives_up_after_the_time(struct kunit *test)
{
	unsigned long start;

	down(&sem);
	down(&sem);
	start = jiffies;
	KUNIT_EXPECT_EQ(test, down_timeout(&sem, 5), -ETIME);
	KUNIT_EXPECT_GE(test, jiffies - start, 5ul);
	up(&sem);
	KUNIT_EXPECT_EQ(test, down_timeout(&sem, 5), 0);
	up(&sem);
	up(&sem);
}

struct downer {
	int ret, id;
	struct completion done;
};

static int order[3], order_len;

static int down_and_note(void *data)
{
	struct downer *d = data;

	d->ret = down_interruptible(&sem);
	if (!d->ret) {
		order[order_len++] = d->id;
		up(&sem);
	}
	complete(&d->done);
	sleep_until_kthread_stop();
	return 0;
}

static void a_signal_interrupts_down_interruptible(struct kunit *test)
{
	struct downer d = { .ret = 1 };
	struct task_struct *t;

	init_completion(&d.done);
	down(&sem);
	down(&sem);
	t = kthread_run(down_and_note, &d, "downer");
	KUNIT_EXPECT_TRUE(test, wait_until_asleep(t, TASK_INTERRUPTIBLE)); /* queued on sem */
	send_sig(SIGUSR1, t, 0);
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&d.done, HZ), 0ul);
	KUNIT_EXPECT_EQ(test, d.ret, -EINTR);
	KUNIT_EXPECT_EQ(test, sem.count, 0u);
	up(&sem);
	up(&sem);
	flush_signals(t);
	kthread_stop(t);
}

static void waiters_are_served_in_arrival_order(struct kunit *test)
{
	struct downer d[3];
	struct task_struct *t[3];

	order_len = 0;
	sema_init(&sem, 0);
	for (int i = 0; i < 3; i++) {
		d[i] = (struct downer){ .ret = 1, .id = i + 1 };
		init_completion(&d[i].done);
		t[i] = kthread_run(down_and_note, &d[i], "sem-fifo-%d", i);
		/* each one queues before the next starts */
		KUNIT_ASSERT_TRUE(test, wait_until_asleep(t[i], TASK_INTERRUPTIBLE));
	}
	up(&sem); /* each one passes the unit on with its own up() */
	for (int i = 0; i < 3; i++)
		KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&d[i].done, HZ), 0ul);
	KUNIT_EXPECT_EQ(test, order[0], 1);
	KUNIT_EXPECT_EQ(test, order[1], 2);
	KUNIT_EXPECT_EQ(test, order[2], 3);
	for (int i = 0; i < 3; i++)
		kthread_stop(t[i]);
}

static irqreturn_t up_from_hardirq(int irq, void *dev)
{
	(void)irq;
	up(dev);
	return IRQ_HANDLED;
}

static void up_from_a_hardirq_wakes_a_sleeper(struct kunit *test)
{
	struct downer d = { .ret = 1, .id = 9 };
	struct task_struct *t;

	order_len = 0;
	sema_init(&sem, 0);
	init_completion(&d.done);
	KUNIT_ASSERT_EQ(test, request_irq(IRQ_SIM_BASE, up_from_hardirq, 0, "sem-up", &sem), 0);
	t = kthread_run(down_and_note, &d, "sem-irq");
	KUNIT_EXPECT_TRUE(test, wait_until_asleep(t, TASK_INTERRUPTIBLE)); /* queued on sem */
	irq_sim_fire(IRQ_SIM_BASE);
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&d.done, HZ), 0ul);
	KUNIT_EXPECT_EQ(test, d.ret, 0);
	free_irq(IRQ_SIM_BASE, &sem);
	kthread_stop(t);
}

static struct kunit_case semaphore_cases[] = {
	KUNIT_CASE(it_counts_units),
	KUNIT_CASE(down_timeout_gives_up_after_the_time),
	KUNIT_CASE(a_signal_interrupts_down_interruptible),
	KUNIT_CASE(waiters_are_served_in_arrival_order),
	KUNIT_CASE(up_from_a_hardirq_wakes_a_sleeper),
	{}
};

static struct kunit_suite semaphore_suite = {
	.name = "semaphore",
	.init = setup,
	.test_cases = semaphore_cases,
};
kunit_test_suite(semaphore_suite);
