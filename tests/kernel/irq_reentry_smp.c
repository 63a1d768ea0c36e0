/*
 * KTAP suite `irq_reentry_smp`: what stays serialized when several CPUs take
 * interrupts at once. A line's handler never runs on two CPUs at the same
 * time (the flow of kernel/irq/chip.c marks it in progress; an arrival
 * elsewhere is left pending and replayed by the CPU already running it), and
 * a tasklet never runs concurrently with itself (kernel/tasklet.c).
 *
 * The detector: each run stays a while in the function and watches for a
 * second run to come in. The control cases point the same detector at two
 * different lines and two different tasklets, which may overlap, and must
 * see them do so: proof that the detector can see an overlap at all.
 */
#include <kunit/test.h>
#include <linux/atomic.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <linux/smp.h>
#include "helpers.h"

#define LINE_A IRQ_SIM_BASE
#define LINE_B (IRQ_SIM_BASE + 1)
#define FIRES 300

struct overlap_detector {
	atomic_t active, overlaps, runs;
	unsigned int watch_us; /* how long each run waits for a second one */
};

static struct overlap_detector det;

/* Counts a run, and whether another run of the same code was in progress.
 * Once one overlap is seen, runs stop watching: one is enough to tell. */
static void detect(struct overlap_detector *d)
{
	bool seen = atomic_inc_return(&d->active) > 1;
	u64 end = rdtsc() + div_u64((u64)tsc_khz * d->watch_us, 1000);

	while (!seen && rdtsc() < end && !atomic_read(&d->overlaps)) {
		cpu_relax();
		seen = atomic_read(&d->active) > 1;
	}
	if (seen)
		atomic_inc(&d->overlaps);
	atomic_inc(&d->runs);
	atomic_dec(&d->active);
}

static void reset(unsigned int watch_us)
{
	atomic_set(&det.active, 0);
	atomic_set(&det.overlaps, 0);
	atomic_set(&det.runs, 0);
	det.watch_us = watch_us;
}

static irqreturn_t detecting_handler(int irq, void *dev)
{
	(void)irq;
	detect(dev);
	return IRQ_HANDLED;
}

static int more_than_one_cpu(struct kunit *test)
{
	if (num_online_cpus() < 2)
		kunit_skip(test, "one CPU: nothing runs at the same time");
	return 0;
}

static int fire_line_a(unsigned int i, void *data)
{
	(void)i;
	(void)data;
	for (int n = 0; n < FIRES; n++)
		irq_sim_fire(LINE_A);
	return 0;
}

static void one_line_never_runs_on_two_cpus_at_once(struct kunit *test)
{
	unsigned int n = num_online_cpus();

	reset(50);
	KUNIT_ASSERT_EQ(test, request_irq(LINE_A, detecting_handler, 0, "reentry", &det), 0);
	KUNIT_EXPECT_EQ(test, run_on_cpus(n, fire_line_a, NULL), 0);
	free_irq(LINE_A, &det);
	KUNIT_EXPECT_EQ(test, atomic_read(&det.overlaps), 0);
	/* Arrivals during a run coalesce into one replay: fewer runs than fires. */
	KUNIT_EXPECT_GT(test, atomic_read(&det.runs), 0);
	KUNIT_EXPECT_LE(test, atomic_read(&det.runs), (int)(n * FIRES));
	kunit_info(test, "%u CPUs fired %u times: %d handler runs", n, n * FIRES,
		   atomic_read(&det.runs));
}

static int fire_own_line(unsigned int i, void *data)
{
	(void)data;
	for (int n = 0; n < 20; n++)
		irq_sim_fire(i % 2 ? LINE_B : LINE_A);
	return 0;
}

/* Control: two lines, one handler function: these may run at once, and do. */
static void two_lines_do_run_at_once(struct kunit *test)
{
	reset(1000000);
	KUNIT_ASSERT_EQ(test, request_irq(LINE_A, detecting_handler, 0, "reentry-a", &det), 0);
	KUNIT_ASSERT_EQ(test, request_irq(LINE_B, detecting_handler, 0, "reentry-b", &det), 0);
	KUNIT_EXPECT_EQ(test, run_on_cpus(2, fire_own_line, NULL), 0);
	free_irq(LINE_A, &det);
	free_irq(LINE_B, &det);
	KUNIT_EXPECT_GT(test, atomic_read(&det.overlaps), 0);
}

static void detecting_tasklet(struct tasklet_struct *t)
{
	(void)t;
	detect(&det);
}

static DECLARE_TASKLET(tasklet_a, detecting_tasklet);
static DECLARE_TASKLET(tasklet_b, detecting_tasklet);

static int schedule_tasklet_a(unsigned int i, void *data)
{
	(void)i;
	(void)data;
	for (int n = 0; n < FIRES; n++) {
		tasklet_schedule(&tasklet_a);
		local_bh_disable();
		local_bh_enable(); /* runs it now, here, unless it runs elsewhere */
	}
	return 0;
}

static void a_tasklet_never_runs_concurrently_with_itself(struct kunit *test)
{
	reset(50);
	KUNIT_EXPECT_EQ(test, run_on_cpus(num_online_cpus(), schedule_tasklet_a, NULL), 0);
	tasklet_kill(&tasklet_a);
	KUNIT_EXPECT_EQ(test, atomic_read(&det.overlaps), 0);
	KUNIT_EXPECT_GT(test, atomic_read(&det.runs), 0);
	kunit_info(test, "%d tasklet runs", atomic_read(&det.runs));
}

static int schedule_own_tasklet(unsigned int i, void *data)
{
	(void)data;
	for (int n = 0; n < 20; n++) {
		tasklet_schedule(i % 2 ? &tasklet_b : &tasklet_a);
		local_bh_disable();
		local_bh_enable();
	}
	return 0;
}

/* Control: two tasklets, one function: they may run at once, and do. */
static void two_tasklets_do_run_at_once(struct kunit *test)
{
	reset(1000000);
	KUNIT_EXPECT_EQ(test, run_on_cpus(2, schedule_own_tasklet, NULL), 0);
	tasklet_kill(&tasklet_a);
	tasklet_kill(&tasklet_b);
	KUNIT_EXPECT_GT(test, atomic_read(&det.overlaps), 0);
}

static struct kunit_case irq_reentry_smp_cases[] = {
	KUNIT_CASE(one_line_never_runs_on_two_cpus_at_once),
	KUNIT_CASE(two_lines_do_run_at_once),
	KUNIT_CASE(a_tasklet_never_runs_concurrently_with_itself),
	KUNIT_CASE(two_tasklets_do_run_at_once),
	{}
};

static struct kunit_suite irq_reentry_smp_suite = {
	.name = "irq_reentry_smp",
	.init = more_than_one_cpu,
	.test_cases = irq_reentry_smp_cases,
};
kunit_test_suite(irq_reentry_smp_suite);
