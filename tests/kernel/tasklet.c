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
#include <linux/smp.h>
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
	int cpu = smp_processor_id();
	unsigned int ran = kstat_softirqs_cpu(TASKLET_SOFTIRQ, cpu);

	tasklet_disable(&p.t);
	irq_sim_fire(LINE);
	/* The tasklet softirq ran twice since: it found the tasklet disabled,
	 * put it back and came round again, without running it. */
	KUNIT_EXPECT_TRUE(test, wait_until(kstat_softirqs_cpu(TASKLET_SOFTIRQ, cpu) - ran >= 2,
					   TEST_WAIT_MS));
	KUNIT_EXPECT_EQ(test, p.runs, 0u);
	KUNIT_EXPECT_TRUE(test, p.t.state & (1ul << TASKLET_STATE_SCHED));
	tasklet_enable(&p.t);
	KUNIT_EXPECT_TRUE(test, wait_until(p.runs == 1, TEST_WAIT_MS));
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
	/* On one CPU: a tasklet scheduled from its own interrupt never nests. */
	for (int i = 0; i < 50; i++)
		irq_sim_fire(LINE);
	KUNIT_EXPECT_EQ(test, p.max_depth, 1u);
	KUNIT_EXPECT_EQ(test, p.runs, 50u);
}

/* SMP: every CPU schedules the same tasklet again and again while it runs
 * slowly; its RUN bit must keep a second CPU from running it at once. */
static atomic_t running, most_at_once, smp_runs;
static u32 ran_on;

static void slow_callback(struct tasklet_struct *t)
{
	int now = atomic_inc_return(&running);

	(void)t;
	if (now > atomic_read(&most_at_once))
		atomic_set(&most_at_once, now);
	__atomic_or_fetch(&ran_on, 1u << smp_processor_id(), __ATOMIC_SEQ_CST);
	udelay(200); /* long enough for another CPU to try */
	atomic_inc(&smp_runs);
	atomic_dec(&running);
}

static int schedule_it_often(unsigned int i, void *t)
{
	(void)i;
	for (int n = 0; n < 100; n++) {
		tasklet_schedule(t);
		local_bh_disable();
		local_bh_enable(); /* runs it here and now, unless another CPU does */
		udelay(50);
	}
	return 0;
}

static void it_never_runs_on_two_cpus_at_once(struct kunit *test)
{
	struct tasklet_struct t;

	if (num_online_cpus() < 2)
		kunit_skip(test, "one CPU: no second CPU to run it at the same time");
	atomic_set(&running, 0);
	atomic_set(&most_at_once, 0);
	atomic_set(&smp_runs, 0);
	ran_on = 0;
	tasklet_setup(&t, slow_callback);
	KUNIT_EXPECT_EQ(test, run_on_cpus(num_online_cpus(), schedule_it_often, &t), 0);
	tasklet_kill(&t);
	KUNIT_EXPECT_EQ(test, atomic_read(&most_at_once), 1);
	KUNIT_EXPECT_GE(test, atomic_read(&smp_runs), 1);
	kunit_info(test, "%d runs, on CPUs %#x", atomic_read(&smp_runs), ran_on);
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
	KUNIT_CASE(it_never_runs_on_two_cpus_at_once),
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
