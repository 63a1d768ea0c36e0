/*
 * KTAP suite `threaded_irq`: the hard handler in hardirq context wakes the
 * thread; thread_fn runs in process context in "irq/N-NAME" and may sleep; a
 * ONESHOT line stays masked meanwhile; free_irq stops the thread (kernel/irq/thread.c).
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <janus/nosleep.h>
#include "helpers.h"

#define LINE IRQ_SIM_BASE

struct probe {
	bool hard_in_hardirq, thread_in_task, masked_in_thread;
	bool hold; /* the thread waits until the test has looked */
	unsigned int hard_runs, thread_runs;
	char comm[TASK_COMM_LEN];
	struct task_struct *thread;
	pid_t pid;
};

static struct probe p;
static DECLARE_WAIT_QUEUE_HEAD(release);

static irqreturn_t hard(int irq, void *dev)
{
	(void)irq;
	(void)dev;
	p.hard_runs++;
	p.hard_in_hardirq = in_hardirq();
	return IRQ_WAKE_THREAD;
}

static irqreturn_t thread_fn(int irq, void *dev)
{
	(void)dev;
	p.thread_in_task = in_task();
	strscpy(p.comm, current->comm, sizeof(p.comm));
	p.thread = current;
	p.pid = current->pid;
	msleep(5); /* allowed: process context */
	wait_event(release, !READ_ONCE(p.hold));
	/* Looked at last: on another CPU the thread may start before the hard
	 * handler's CPU has finished the flow and unmasked the line. */
	p.masked_in_thread = irq_sim_masked(irq);
	p.thread_runs++;
	return IRQ_HANDLED;
}

static int setup(struct kunit *test)
{
	(void)test;
	p = (struct probe){ 0 };
	return 0;
}

static void the_handler_wakes_a_thread_that_runs_in_process_context(struct kunit *test)
{
	unsigned long reports = nosleep_reports();

	KUNIT_ASSERT_EQ(test, request_threaded_irq(LINE, hard, thread_fn, IRQF_ONESHOT, "tirq", &p), 0);
	irq_sim_fire(LINE);
	KUNIT_EXPECT_TRUE(test, wait_until(p.thread_runs == 1, TEST_WAIT_MS));
	KUNIT_EXPECT_EQ(test, p.hard_runs, 1u);
	KUNIT_EXPECT_TRUE(test, p.hard_in_hardirq);
	KUNIT_EXPECT_TRUE(test, p.thread_in_task);
	KUNIT_EXPECT_STREQ(test, p.comm, "irq/32-tirq");
	KUNIT_EXPECT_EQ(test, nosleep_reports(), reports); /* the thread's msleep was fine */
	free_irq(LINE, &p);
}

static void a_oneshot_line_stays_masked_until_the_thread_is_done(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, request_threaded_irq(LINE, hard, thread_fn, IRQF_ONESHOT, "tirq", &p), 0);
	/* The thread holds until the test has looked. Its msleep(5) was taken to
	 * keep it busy that long: a host that did not run the test's CPU for 5 ms
	 * let it finish first. */
	WRITE_ONCE(p.hold, true);
	irq_sim_fire(LINE);
	KUNIT_EXPECT_TRUE(test, irq_sim_masked(LINE)); /* thread not done yet */
	WRITE_ONCE(p.hold, false);
	wake_up(&release);
	KUNIT_EXPECT_TRUE(test, wait_until(p.thread_runs == 1, TEST_WAIT_MS));
	KUNIT_EXPECT_TRUE(test, p.masked_in_thread);
	KUNIT_EXPECT_TRUE(test, wait_until(!irq_sim_masked(LINE), TEST_WAIT_MS));
	free_irq(LINE, &p);
}

static void without_oneshot_the_line_is_unmasked_at_once(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, request_threaded_irq(LINE, hard, thread_fn, 0, "tirq", &p), 0);
	irq_sim_fire(LINE);
	KUNIT_EXPECT_FALSE(test, irq_sim_masked(LINE));
	KUNIT_EXPECT_TRUE(test, wait_until(p.thread_runs == 1, TEST_WAIT_MS));
	KUNIT_EXPECT_FALSE(test, p.masked_in_thread);
	free_irq(LINE, &p);
}

static void a_null_handler_needs_oneshot(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, request_threaded_irq(LINE, NULL, thread_fn, 0, "tirq", &p), -EINVAL);
	KUNIT_EXPECT_EQ(test, request_threaded_irq(LINE, NULL, NULL, IRQF_ONESHOT, "tirq", &p), -EINVAL);
	KUNIT_ASSERT_EQ(test, request_threaded_irq(LINE, NULL, thread_fn, IRQF_ONESHOT, "tirq", &p), 0);
	irq_sim_fire(LINE); /* the default hard handler just wakes the thread */
	KUNIT_EXPECT_TRUE(test, wait_until(p.thread_runs == 1, TEST_WAIT_MS));
	free_irq(LINE, &p);
}

/* A task by pid, as the task list has it (pids are not reused). */
struct lookup {
	pid_t pid;
	bool found;
	long state;
	int exit_state;
	unsigned int flags;
};

static void look_at(struct task_struct *t, void *arg)
{
	struct lookup *l = arg;

	if (t->pid != l->pid)
		return;
	l->found = true;
	l->state = t->state;
	l->exit_state = t->exit_state;
	l->flags = t->flags;
}

static bool listed(struct lookup *l)
{
	l->found = false;
	for_each_task(look_at, l);
	return l->found;
}

/* The thread itself must go: counting all the threads is not enough, since the
 * last case's thread may still be on its way out when this one counts
 * (kthread_stop() returns once it has exited, before its CPU has switched
 * away from it for the last time: the count then falls by two), and other
 * threads come and go. */
static void free_irq_stops_the_thread(struct kunit *test)
{
	struct lookup l;

	KUNIT_ASSERT_EQ(test, request_threaded_irq(LINE, hard, thread_fn, IRQF_ONESHOT, "tirq", &p), 0);
	irq_sim_fire(LINE);
	free_irq(LINE, &p); /* waits for the thread's work, then stops it */
	KUNIT_ASSERT_EQ(test, p.thread_runs, 1u);
	l = (struct lookup){ .pid = p.pid };
	KUNIT_ASSERT_TRUE(test, p.pid > 0);
	if (!wait_until(!listed(&l), TEST_WAIT_MS))
		KUNIT_FAIL(test, "irq thread %d still listed: state %ld exit_state %d flags %#x",
			   l.pid, l.state, l.exit_state, l.flags);
}

static struct kunit_case threaded_irq_cases[] = {
	KUNIT_CASE(the_handler_wakes_a_thread_that_runs_in_process_context),
	KUNIT_CASE(a_oneshot_line_stays_masked_until_the_thread_is_done),
	KUNIT_CASE(without_oneshot_the_line_is_unmasked_at_once),
	KUNIT_CASE(a_null_handler_needs_oneshot),
	KUNIT_CASE(free_irq_stops_the_thread),
	{}
};

static struct kunit_suite threaded_irq_suite = {
	.name = "threaded_irq",
	.init = setup,
	.test_cases = threaded_irq_cases,
};
kunit_test_suite(threaded_irq_suite);
