/*
 * KTAP suite `tasklet`: softirq context, current is the interrupted task,
 * scheduled twice runs once, disabled waits for enable, hi before normal,
 * never concurrent with itself, sleeping in one is reported (kernel/tasklet.c).
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <linux/sched.h>
#include <janus/nosleep.h>
#include "helpers.h"

#define LINE IRQ_SIM_BASE

struct probe {
	struct tasklet_struct t;
	unsigned int runs, depth, max_depth;
	bool serving, in_task;
	struct task_struct *current_seen;
	char order[8];
	int order_len;
	bool sleep;
};

static struct probe p, hi;

static void probe_callback(struct tasklet_struct *t)
{
	struct probe *pr = from_tasklet(pr, t, t);

	pr->max_depth = max(pr->max_depth, ++pr->depth);
	pr->runs++;
	pr->serving = in_serving_softirq();
	pr->in_task = in_task();
	pr->current_seen = current;
	if (p.order_len < (int)sizeof(p.order)) /* 50 runs would write past it */
		p.order[p.order_len++] = pr == &hi ? 'H' : 'N';
	if (pr->sleep)
		msleep(1);
	pr->depth--;
}

static int schedule_twice_then;
static irqreturn_t scheduling_handler(int irq, void *dev)
{
	(void)irq;
	(void)dev;
	for (int i = 0; i < schedule_twice_then; i++)
		tasklet_schedule(&p.t);
	return IRQ_HANDLED;
}

static int setup(struct kunit *test)
{
	(void)test;
	p = (struct probe){ 0 };
	hi = (struct probe){ 0 };
	tasklet_setup(&p.t, probe_callback);
	tasklet_setup(&hi.t, probe_callback);
	schedule_twice_then = 1;
	return request_irq(LINE, scheduling_handler, 0, "tasklet-test", &p);
}

static void teardown(struct kunit *test)
{
	(void)test;
	free_irq(LINE, &p);
	tasklet_kill(&p.t);
}

static void it_runs_in_softirq_context_for_the_interrupted_task(struct kunit *test)
{
	irq_sim_fire(LINE);
	KUNIT_EXPECT_EQ(test, p.runs, 1u);
	KUNIT_EXPECT_TRUE(test, p.serving);
	KUNIT_EXPECT_FALSE(test, p.in_task);
	KUNIT_EXPECT_PTR_EQ(test, p.current_seen, current);
}

static void scheduled_twice_before_running_it_runs_once(struct kunit *test)
{
	schedule_twice_then = 2;
	irq_sim_fire(LINE);
	KUNIT_EXPECT_EQ(test, p.runs, 1u);
	irq_sim_fire(LINE); /* after it ran, scheduling it again runs it again */
	KUNIT_EXPECT_EQ(test, p.runs, 2u);
}

static void a_disabled_tasklet_waits_for_enable(struct kunit *test)
{
	tasklet_disable(&p.t);
	irq_sim_fire(LINE);
	msleep(30);
	KUNIT_EXPECT_EQ(test, p.runs, 0u);
	KUNIT_EXPECT_TRUE(test, p.t.state & (1ul << TASKLET_STATE_SCHED));
	tasklet_enable(&p.t);
	KUNIT_EXPECT_TRUE(test, wait_until(p.runs == 1, 2000));
}

static void hi_tasklets_run_before_normal_ones(struct kunit *test)
{
	local_bh_disable();
	tasklet_schedule(&p.t);
	tasklet_hi_schedule(&hi.t);
	local_bh_enable(); /* both pending: HI_SOFTIRQ is vector 0, TASKLET 2 */
	KUNIT_EXPECT_EQ(test, p.order_len, 2);
	KUNIT_EXPECT_EQ(test, p.order[0], 'H');
	KUNIT_EXPECT_EQ(test, p.order[1], 'N');
}

static void it_never_runs_concurrently_with_itself(struct kunit *test)
{
	/* One CPU: a tasklet cannot nest into itself either; with more CPUs the
	 * RUN bit sends a second CPU away (the SMP configurations run this too). */
	for (int i = 0; i < 50; i++)
		irq_sim_fire(LINE);
	KUNIT_EXPECT_EQ(test, p.max_depth, 1u);
	KUNIT_EXPECT_EQ(test, p.runs, 50u);
}

static void sleeping_in_a_tasklet_is_reported(struct kunit *test)
{
	unsigned long before = nosleep_stats.sleep_in_atomic;

	p.sleep = true;
	kunit_expect_report(test, "BUG: sleeping function called from invalid context");
	irq_sim_fire(LINE);
	KUNIT_EXPECT_EQ(test, p.runs, 1u);
	KUNIT_EXPECT_EQ(test, nosleep_stats.sleep_in_atomic, before + 1);
}

static void tasklet_kill_waits_until_it_has_run(struct kunit *test)
{
	tasklet_schedule(&p.t); /* from a task: ksoftirqd runs it */
	tasklet_kill(&p.t);
	KUNIT_EXPECT_EQ(test, p.runs, 1u);
	KUNIT_EXPECT_FALSE(test, p.t.state & (1ul << TASKLET_STATE_SCHED));
}

static struct kunit_case tasklet_cases[] = {
	KUNIT_CASE(it_runs_in_softirq_context_for_the_interrupted_task),
	KUNIT_CASE(scheduled_twice_before_running_it_runs_once),
	KUNIT_CASE(a_disabled_tasklet_waits_for_enable),
	KUNIT_CASE(hi_tasklets_run_before_normal_ones),
	KUNIT_CASE(it_never_runs_concurrently_with_itself),
	KUNIT_CASE(sleeping_in_a_tasklet_is_reported),
	KUNIT_CASE(tasklet_kill_waits_until_it_has_run),
	{}
};

static struct kunit_suite tasklet_suite = {
	.name = "tasklet",
	.init = setup,
	.exit = teardown,
	.test_cases = tasklet_cases,
};
kunit_test_suite(tasklet_suite);
