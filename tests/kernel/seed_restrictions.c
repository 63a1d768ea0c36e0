/*
 * KTAP suite `seed_restrictions`: the six restrictions on interrupt context
 * that seed 001 lists, one case each: the kernel's check fired, or the
 * guarantee held (docs/no-sleep-rules.md).
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <linux/irqdesc.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>
#include <janus/nosleep.h>
#include "helpers.h"

#define LINE IRQ_SIM_BASE
#define OTHER (IRQ_SIM_BASE + 1)

static enum { SLEEP, MUTEX, LONG_WORK, USER_MEMORY, REFIRE, NEST } what;
static DEFINE_MUTEX(seed_mutex);
static unsigned long copy_left, depth, max_depth, runs, other_depth_seen, sleep_switches;

static irqreturn_t other_handler(int irq, void *dev)
{
	(void)irq;
	(void)dev;
	other_depth_seen = hardirq_count() >> HARDIRQ_SHIFT;
	return IRQ_HANDLED;
}

static irqreturn_t restricted_handler(int irq, void *dev)
{
	u64 end;

	(void)dev;
	runs++;
	max_depth = max(max_depth, ++depth);
	switch (what) {
	case SLEEP:
		sleep_switches = current->nvcsw;
		msleep(10);
		sleep_switches = current->nvcsw - sleep_switches;
		break;
	case MUTEX:
		mutex_lock(&seed_mutex);
		mutex_unlock(&seed_mutex);
		break;
	case LONG_WORK: /* 3 ms of "work": three times irq_warn_us */
		end = rdtsc() + (u64)tsc_khz * 3;
		while (rdtsc() < end)
			cpu_relax();
		break;
	case USER_MEMORY:
		copy_left = copy_to_user((void __user *)TEST_USER_ADDR, "from an interrupt", 17);
		break;
	case REFIRE:
	case NEST:
		if (runs == 1) {
			local_irq_enable(); /* let other interrupts in, as seed 001's rule 6 allows */
			irq_sim_fire(what == REFIRE ? irq : OTHER);
			local_irq_disable();
		}
		break;
	}
	depth--;
	return IRQ_HANDLED;
}

static unsigned int saved_irq_warn_us;

static int setup(struct kunit *test)
{
	(void)test;
	/* Reports printed from the handler make it slow: only rule 3 looks at that. */
	saved_irq_warn_us = irq_warn_us;
	irq_warn_us = 1000000;
	runs = depth = max_depth = other_depth_seen = 0;
	return request_irq(LINE, restricted_handler, 0, "seed001", &what) ||
	       request_irq(OTHER, other_handler, 0, "seed001-other", &runs);
}

static void teardown(struct kunit *test)
{
	(void)test;
	free_irq(LINE, &what);
	free_irq(OTHER, &runs);
	irq_warn_us = saved_irq_warn_us;
}

/* 1. "Go to sleep or give up CPU actively" */
static void rule1_sleeping_in_a_handler_is_reported(struct kunit *test)
{
	unsigned long before = nosleep_stats.sleep_in_atomic;
	unsigned long slow = nosleep_stats.slow_irq_handlers;

	what = SLEEP;
	sleep_switches = ~0ul;
	kunit_expect_report(test, "BUG: sleeping function called from invalid context");
	irq_sim_fire(LINE);
	KUNIT_EXPECT_EQ(test, nosleep_stats.sleep_in_atomic, before + 1);
	/* msleep returned without sleeping. (irq_sim_fire itself may wait for
	 * ksoftirqd before it fires: only the handler's own switches count.) */
	KUNIT_EXPECT_EQ(test, sleep_switches, 0ul);
	/* Printing the report took milliseconds; the handler itself did not. */
	KUNIT_EXPECT_EQ(test, nosleep_stats.slow_irq_handlers, slow);
}

/* 2. "Occupy the mutex" */
static void rule2_a_mutex_in_a_handler_is_reported(struct kunit *test)
{
	unsigned long before = nosleep_stats.sleep_in_atomic;

	what = MUTEX;
	kunit_expect_report(test, "BUG: sleeping function called from invalid context");
	irq_sim_fire(LINE);
	KUNIT_EXPECT_EQ(test, nosleep_stats.sleep_in_atomic, before + 1);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&seed_mutex));
}

/* 3. "Perform time-consuming tasks" */
static void rule3_long_work_in_a_handler_is_reported(struct kunit *test)
{
	unsigned long before = nosleep_stats.slow_irq_handlers;

	what = LONG_WORK;
	irq_warn_us = 1000; /* the default: 3 ms of work is three times too long */
	kunit_expect_report(test, "handler seed001 took");
	irq_sim_fire(LINE);
	KUNIT_EXPECT_EQ(test, nosleep_stats.slow_irq_handlers, before + 1);
	KUNIT_EXPECT_GE(test, irq_to_desc(LINE)->max_ns, 3000000ull);
}

/* 4. "Access user space virtual memory" */
static void rule4_user_memory_from_a_handler_is_refused(struct kunit *test)
{
	unsigned long before = nosleep_stats.uaccess_in_interrupt;
	char *page = map_test_user_page();

	KUNIT_ASSERT_NOT_NULL(test, page);
	/* From process context the same copy works... */
	KUNIT_EXPECT_EQ(test, copy_to_user((void __user *)TEST_USER_ADDR, "task", 5), 0ul);
	KUNIT_EXPECT_STREQ(test, page, "task");
	/* ... from a handler it is reported and refused, memory untouched. */
	kunit_expect_report(test, "BUG: user memory accessed from interrupt context");
	what = USER_MEMORY;
	irq_sim_fire(LINE);
	KUNIT_EXPECT_EQ(test, nosleep_stats.uaccess_in_interrupt, before + 1);
	KUNIT_EXPECT_EQ(test, copy_left, 17ul);
	KUNIT_EXPECT_STREQ(test, page, "task");
	unmap_test_user_page(page);
}

/* 5. "Interrupt handling routines should not be set to reentrant" */
static void rule5_a_handler_never_runs_reentrantly(struct kunit *test)
{
	what = REFIRE;
	irq_sim_fire(LINE);
	KUNIT_EXPECT_EQ(test, runs, 2ul);     /* the second arrival was not lost ... */
	KUNIT_EXPECT_EQ(test, max_depth, 1ul); /* ... and waited for the first to finish */
}

/* 6. "The interrupt processing routine can be interrupted by a higher level IRQ" */
static void rule6_another_line_may_interrupt_a_handler(struct kunit *test)
{
	what = NEST;
	irq_sim_fire(LINE);
	KUNIT_EXPECT_EQ(test, other_depth_seen, 2ul);
}

static struct kunit_case seed_restrictions_cases[] = {
	KUNIT_CASE(rule1_sleeping_in_a_handler_is_reported),
	KUNIT_CASE(rule2_a_mutex_in_a_handler_is_reported),
	KUNIT_CASE(rule3_long_work_in_a_handler_is_reported),
	KUNIT_CASE(rule4_user_memory_from_a_handler_is_refused),
	KUNIT_CASE(rule5_a_handler_never_runs_reentrantly),
	KUNIT_CASE(rule6_another_line_may_interrupt_a_handler),
	{}
};

static struct kunit_suite seed_restrictions_suite = {
	.name = "seed_restrictions",
	.init = setup,
	.exit = teardown,
	.test_cases = seed_restrictions_cases,
};
kunit_test_suite(seed_restrictions_suite);
