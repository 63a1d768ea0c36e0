/*
 * KTAP suite `lockdep`: the lock validator (kernel/locking/lockdep.c).
 * Taking two locks in one order and later in the other is reported at the
 * first acquisition that closes the cycle, although nothing deadlocks here
 * (one task takes them one after the other), for spinlocks, rwlocks,
 * mutexes and binary semaphores, and for longer cycles too; a consistent
 * order, a trylock, or the same cycle again is not reported. Every lock a
 * task holds is listed and counted; a lock left held by an interrupt
 * handler, a softirq, an exiting kthread or a system call is named and
 * released.
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/semaphore.h>
#include <linux/spinlock.h>
#include <janus/nosleep.h>
#include "user_helpers.h"
#include "softirq_vector.h"

#define CIRCULAR "WARNING: possible circular locking dependency detected"

static void skip_without_lockdep(struct kunit *test)
{
	if (!lockdep_enabled())
		kunit_skip(test, "nolockcheck: the validator is off");
}

static DEFINE_SPINLOCK(spin_a);
static DEFINE_SPINLOCK(spin_b);

static void ab_then_ba_spinlocks_is_reported_once(struct kunit *test)
{
	unsigned long reports = lockdep_circular_reports;

	skip_without_lockdep(test);
	spin_lock(&spin_a);
	spin_lock(&spin_b); /* spin_a -> spin_b */
	spin_unlock(&spin_b);
	spin_unlock(&spin_a);
	KUNIT_EXPECT_EQ(test, lockdep_circular_reports, reports);
	kunit_expect_report(test, CIRCULAR);
	spin_lock(&spin_b);
	spin_lock(&spin_a); /* spin_b -> spin_a closes the cycle */
	KUNIT_EXPECT_EQ(test, lockdep_depth(), 2u);
	spin_unlock(&spin_a);
	spin_unlock(&spin_b);
	KUNIT_EXPECT_EQ(test, lockdep_circular_reports, reports + 1);
	spin_lock(&spin_b); /* known by now: not again */
	spin_lock(&spin_a);
	spin_unlock(&spin_a);
	spin_unlock(&spin_b);
	KUNIT_EXPECT_EQ(test, lockdep_circular_reports, reports + 1);
}

static DEFINE_MUTEX(mutex_a);
static DEFINE_SEMAPHORE(sem_b, 1);

static void a_mutex_and_a_semaphore_in_both_orders_are_reported(struct kunit *test)
{
	unsigned long reports = lockdep_circular_reports;

	skip_without_lockdep(test);
	mutex_lock(&mutex_a);
	down(&sem_b);
	up(&sem_b);
	mutex_unlock(&mutex_a);
	kunit_expect_report(test, CIRCULAR);
	down(&sem_b);
	mutex_lock(&mutex_a);
	mutex_unlock(&mutex_a);
	up(&sem_b);
	KUNIT_EXPECT_EQ(test, lockdep_circular_reports, reports + 1);
	KUNIT_EXPECT_EQ(test, lockdep_depth(), 0u);
}

static DEFINE_RWLOCK(rw_a);
static DEFINE_SPINLOCK(spin_c);

static void an_rwlock_reader_counts_too(struct kunit *test)
{
	unsigned long reports = lockdep_circular_reports;

	skip_without_lockdep(test);
	read_lock(&rw_a);
	spin_lock(&spin_c);
	spin_unlock(&spin_c);
	read_unlock(&rw_a);
	kunit_expect_report(test, CIRCULAR);
	spin_lock(&spin_c);
	write_lock(&rw_a);
	write_unlock(&rw_a);
	spin_unlock(&spin_c);
	KUNIT_EXPECT_EQ(test, lockdep_circular_reports, reports + 1);
}

static DEFINE_MUTEX(ring_1);
static DEFINE_MUTEX(ring_2);
static DEFINE_MUTEX(ring_3);

static void take_pair(struct mutex *first, struct mutex *second)
{
	mutex_lock(first);
	mutex_lock(second);
	mutex_unlock(second);
	mutex_unlock(first);
}

static void a_three_lock_cycle_is_reported_on_its_last_edge(struct kunit *test)
{
	unsigned long reports = lockdep_circular_reports;

	skip_without_lockdep(test);
	take_pair(&ring_1, &ring_2);
	take_pair(&ring_2, &ring_3);
	KUNIT_EXPECT_EQ(test, lockdep_circular_reports, reports);
	kunit_expect_report(test, CIRCULAR);
	take_pair(&ring_3, &ring_1); /* 3 -> 1, and 1 -> 2 -> 3 is known */
	KUNIT_EXPECT_EQ(test, lockdep_circular_reports, reports + 1);
}

static DEFINE_SPINLOCK(order_x);
static DEFINE_SPINLOCK(order_y);

static void a_consistent_order_and_a_trylock_are_fine(struct kunit *test)
{
	unsigned long reports = lockdep_circular_reports + lockdep_recursive_reports;

	skip_without_lockdep(test);
	for (int i = 0; i < 3; i++) {
		spin_lock(&order_x);
		spin_lock(&order_y);
		spin_unlock(&order_y);
		spin_unlock(&order_x);
	}
	/* A trylock never waits, so it cannot deadlock: no order recorded. */
	spin_lock(&order_y);
	KUNIT_EXPECT_TRUE(test, spin_trylock(&order_x));
	spin_unlock(&order_x);
	spin_unlock(&order_y);
	KUNIT_EXPECT_EQ(test, lockdep_circular_reports + lockdep_recursive_reports, reports);
}

static void two_locks_of_one_class_nested_is_recursive(struct kunit *test)
{
	unsigned long reports = lockdep_recursive_reports;
	spinlock_t locks[2];

	skip_without_lockdep(test);
	for (int i = 0; i < 2; i++)
		spin_lock_init(&locks[i]); /* one call site: one class */
	kunit_expect_report(test, "WARNING: possible recursive locking detected");
	spin_lock(&locks[0]);
	spin_lock(&locks[1]);
	spin_unlock(&locks[1]);
	spin_unlock(&locks[0]);
	KUNIT_EXPECT_EQ(test, lockdep_recursive_reports, reports + 1);
}

/* Leaks: a handler, a softirq, an exiting kthread, a system call. */
#define LINE (IRQ_SIM_BASE + 2)
static DEFINE_SPINLOCK(leaky_lock);

static irqreturn_t leaky_handler(int irq, void *dev)
{
	(void)irq;
	(void)dev;
	spin_lock(&leaky_lock); /* and never unlocked */
	return IRQ_HANDLED;
}

static void a_spinlock_leaked_by_a_handler_is_named_and_released(struct kunit *test)
{
	unsigned long reports = lockdep_leak_reports, leaks = nosleep_stats.preempt_leaks;

	skip_without_lockdep(test);
	KUNIT_ASSERT_EQ(test, request_irq(LINE, leaky_handler, 0, "leaky", &leaky_lock), 0);
	kunit_expect_report(test, "BUG: irq %d handler leaky leaked lock leaky_lock", LINE);
	irq_sim_fire(LINE);
	free_irq(LINE, &leaky_lock);
	KUNIT_EXPECT_EQ(test, lockdep_leak_reports, reports + 1);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&leaky_lock)); /* released */
	KUNIT_EXPECT_EQ(test, nosleep_stats.preempt_leaks, leaks); /* and its count with it */
	KUNIT_EXPECT_EQ(test, lockdep_depth(), 0u);
}

static DEFINE_SPINLOCK(leaky_bh_lock); /* leaky_lock is taken in hardirqs only */

static void leaky_softirq(struct softirq_action *a)
{
	(void)a;
	spin_lock(&leaky_bh_lock);
}

static void a_spinlock_leaked_by_a_softirq_is_named_and_released(struct kunit *test)
{
	unsigned long reports = lockdep_leak_reports;

	skip_without_lockdep(test);
	open_softirq(SELFTEST_SOFTIRQ, leaky_softirq);
	kunit_expect_report(test, "BUG: softirq SELFTEST leaked lock leaky_bh_lock");
	local_bh_disable();
	raise_softirq(SELFTEST_SOFTIRQ);
	local_bh_enable(); /* runs it here */
	KUNIT_EXPECT_EQ(test, lockdep_leak_reports, reports + 1);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&leaky_bh_lock));
}

static DEFINE_MUTEX(kept_mutex);
static DECLARE_COMPLETION(got_it);

static int exit_holding_mutex(void *unused)
{
	(void)unused;
	mutex_lock(&kept_mutex);
	return 0; /* the bug: never unlocked */
}

static int wait_for_mutex(void *unused)
{
	(void)unused;
	mutex_lock(&kept_mutex);
	complete(&got_it);
	mutex_unlock(&kept_mutex);
	return 0;
}

static void a_task_exiting_with_a_mutex_is_reported_and_it_is_released(struct kunit *test)
{
	unsigned long reports = lockdep_leak_reports;
	struct task_struct *t;

	skip_without_lockdep(test);
	reinit_completion(&got_it);
	kunit_expect_report(test, "WARNING: mutex-leaker/");
	t = kthread_run(exit_holding_mutex, NULL, "mutex-leaker");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(lockdep_leak_reports) == reports + 1, 5000));
	/* Another task gets the mutex: it was handed on, not lost. */
	t = kthread_run(wait_for_mutex, NULL, "mutex-waiter");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&got_it, 5 * HZ), 0ul);
}

static void a_syscall_returning_with_locks_held_is_reported_and_repaired(struct kunit *test)
{
	unsigned long reports = lockdep_leak_reports;

	skip_without_lockdep(test);
	kunit_expect_report(test, "WARNING: lock held when returning to user space!");
	KUNIT_EXPECT_PROGRAM_PASSES(test, run_user_program(NULL, "/bin/syscall_exit_test",
							   "leak-spinlock", NULL));
	kunit_expect_report(test, "WARNING: lock held when returning to user space!");
	KUNIT_EXPECT_PROGRAM_PASSES(test, run_user_program(NULL, "/bin/syscall_exit_test",
							   "leak-mutex", NULL));
	KUNIT_EXPECT_EQ(test, lockdep_leak_reports, reports + 2);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&selftest_leak_spinlock));
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&selftest_leak_mutex));
}

/* On or off is one static branch per lock primitive: with `nolockcheck`
 * every site is a jmp past the checker, nothing else is run or loaded. */
static void the_checker_is_a_static_branch_nolockcheck_turns_off(struct kunit *test)
{
	unsigned int jumps, sites = jump_label_sites(&lockdep_key.key, &jumps);

	KUNIT_EXPECT_GE(test, sites, 8u); /* spinlocks, rwlocks, mutexes, semaphores... */
	KUNIT_EXPECT_EQ(test, jumps, static_key_enabled(&lockdep_key) ? 0u : sites);
	KUNIT_EXPECT_EQ(test, static_key_enabled(&lockdep_key), READ_ONCE(lockdep_on));
	if (!static_key_enabled(&lockdep_key)) {
		unsigned int depth = lockdep_depth();

		spin_lock(&spin_a);
		KUNIT_EXPECT_EQ(test, lockdep_depth(), depth); /* not tracked */
		spin_unlock(&spin_a);
	}
}

static struct kunit_case lockdep_cases[] = {
	KUNIT_CASE(the_checker_is_a_static_branch_nolockcheck_turns_off),
	KUNIT_CASE(ab_then_ba_spinlocks_is_reported_once),
	KUNIT_CASE(a_mutex_and_a_semaphore_in_both_orders_are_reported),
	KUNIT_CASE(an_rwlock_reader_counts_too),
	KUNIT_CASE(a_three_lock_cycle_is_reported_on_its_last_edge),
	KUNIT_CASE(a_consistent_order_and_a_trylock_are_fine),
	KUNIT_CASE(two_locks_of_one_class_nested_is_recursive),
	KUNIT_CASE(a_spinlock_leaked_by_a_handler_is_named_and_released),
	KUNIT_CASE(a_spinlock_leaked_by_a_softirq_is_named_and_released),
	KUNIT_CASE(a_task_exiting_with_a_mutex_is_reported_and_it_is_released),
	KUNIT_CASE(a_syscall_returning_with_locks_held_is_reported_and_repaired),
	{}
};

static struct kunit_suite lockdep_suite = {
	.name = "lockdep",
	.test_cases = lockdep_cases,
};
kunit_test_suite(lockdep_suite);
