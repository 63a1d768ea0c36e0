/* KTAP suite `spinlock`: what each variant does to preempt_count and the interrupt flag. */
#include <kunit/test.h>
#include <linux/smp.h>
#include <linux/atomic.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include "softirq_vector.h"

static DEFINE_SPINLOCK(lock);
static DEFINE_RWLOCK(rw);

static void irqsave_restores_the_previous_state(struct kunit *test)
{
	unsigned long flags;

	spin_lock_irqsave(&lock, flags);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	spin_unlock_irqrestore(&lock, flags);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());

	local_irq_disable();
	spin_lock_irqsave(&lock, flags);
	spin_unlock_irqrestore(&lock, flags);
	KUNIT_EXPECT_TRUE(test, irqs_disabled()); /* was off, stays off */
	local_irq_enable();
}

static void each_variant_moves_the_count_as_specified(struct kunit *test)
{
	spin_lock(&lock);
	KUNIT_EXPECT_EQ(test, preempt_count(), 1);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
	spin_unlock(&lock);

	spin_lock_irq(&lock);
	KUNIT_EXPECT_EQ(test, preempt_count(), 1);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	spin_unlock_irq(&lock);

	spin_lock_bh(&lock);
	KUNIT_EXPECT_EQ(test, preempt_count(), (int)SOFTIRQ_DISABLE_OFFSET + 1);
	KUNIT_EXPECT_TRUE(test, in_softirq());
	spin_unlock_bh(&lock);

	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
}

static void trylock_fails_while_held(struct kunit *test)
{
	unsigned long flags;

	spin_lock(&lock);
	KUNIT_EXPECT_TRUE(test, spin_is_locked(&lock));
	KUNIT_EXPECT_EQ(test, lock.owner_cpu, smp_processor_id());
	spin_unlock(&lock);
	KUNIT_EXPECT_EQ(test, spin_trylock(&lock), 1);
	KUNIT_EXPECT_EQ(test, preempt_count(), 1);
	spin_unlock(&lock);
	KUNIT_EXPECT_EQ(test, spin_trylock_irqsave(&lock, flags), 1);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	spin_unlock_irqrestore(&lock, flags);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&lock));
}

static unsigned int bh_runs;

static void count_bh(struct softirq_action *a)
{
	(void)a;
	bh_runs++;
}

static void spin_lock_bh_holds_softirqs_back(struct kunit *test)
{
	bh_runs = 0;
	open_softirq(SELFTEST_SOFTIRQ, count_bh);
	spin_lock_bh(&lock);
	raise_softirq(SELFTEST_SOFTIRQ);
	KUNIT_EXPECT_EQ(test, bh_runs, 0u);
	spin_unlock_bh(&lock);
	KUNIT_EXPECT_EQ(test, bh_runs, 1u);
}

static void rwlock_admits_readers_together_and_writers_alone(struct kunit *test)
{
	read_lock(&rw);
	KUNIT_EXPECT_EQ(test, read_trylock(&rw), 1); /* a second reader */
	KUNIT_EXPECT_EQ(test, write_trylock(&rw), 0);
	read_unlock(&rw);
	read_unlock(&rw);
	write_lock(&rw);
	KUNIT_EXPECT_EQ(test, read_trylock(&rw), 0);
	KUNIT_EXPECT_EQ(test, write_trylock(&rw), 0);
	write_unlock(&rw);
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
}

static void atomic_operations(struct kunit *test)
{
	atomic_t a = ATOMIC_INIT(5);

	atomic_inc(&a);
	KUNIT_EXPECT_EQ(test, atomic_read(&a), 6);
	KUNIT_EXPECT_EQ(test, atomic_add_return(4, &a), 10);
	KUNIT_EXPECT_EQ(test, atomic_cmpxchg(&a, 10, 1), 10);
	KUNIT_EXPECT_EQ(test, atomic_cmpxchg(&a, 10, 2), 1); /* no change: it was not 10 */
	KUNIT_EXPECT_TRUE(test, atomic_dec_and_test(&a));
	KUNIT_EXPECT_EQ(test, atomic_xchg(&a, 7), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&a), 7);
}

static struct kunit_case spinlock_cases[] = {
	KUNIT_CASE(irqsave_restores_the_previous_state),
	KUNIT_CASE(each_variant_moves_the_count_as_specified),
	KUNIT_CASE(trylock_fails_while_held),
	KUNIT_CASE(spin_lock_bh_holds_softirqs_back),
	KUNIT_CASE(rwlock_admits_readers_together_and_writers_alone),
	KUNIT_CASE(atomic_operations),
	{}
};

static struct kunit_suite spinlock_suite = {
	.name = "spinlock",
	.test_cases = spinlock_cases,
};
kunit_test_suite(spinlock_suite);
