/*
 * The self-tests' own softirq vector, "SELFTEST": the suites that need a raw
 * softirq (to see where softirqs run, what they may do, how ksoftirqd takes
 * over) open it with their handler, so they never borrow one of the kernel's
 * vectors and the kernel's fixed list (include/linux/interrupt.h) holds no
 * test. It is one of the extra vectors of softirq_alloc(), taken at boot.
 */
#include <linux/bug.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include "softirq_vector.h"

int selftest_softirq = -1;

/* Until a suite opens the vector with its own handler. */
static void unopened(struct softirq_action *unused)
{
	(void)unused;
}

/**
 * selftest_softirq_init() - Take the self-tests' softirq vector.
 *
 * Context: boot (an initcall, before the self-tests); does not sleep.
 * Return: 0; panics if no extra vector is free.
 */
static int __init selftest_softirq_init(void)
{
	selftest_softirq = softirq_alloc("SELFTEST", unopened);
	BUG_ON(selftest_softirq < 0);
	return 0;
}
core_initcall(selftest_softirq_init);
