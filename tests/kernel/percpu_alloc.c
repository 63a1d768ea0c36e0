/* KTAP suite `percpu_alloc`: alloc_percpu() and free_percpu() (kernel/mm/percpu.c). */
#include <kunit/test.h>
#include <linux/cpumask.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/smp.h>

struct three {
	u32 a, b, c;
};

static void each_cpu_gets_its_own_zeroed_copy(struct kunit *test)
{
	struct three __percpu *p = alloc_percpu(struct three);
	int cpu;

	KUNIT_ASSERT_NOT_NULL(test, p);
	for_each_online_cpu(cpu) {
		struct three *mine = per_cpu_ptr(p, cpu);

		KUNIT_EXPECT_EQ(test, mine->a + mine->b + mine->c, 0u);
		mine->b = 100 + cpu;
	}
	preempt_disable();
	this_cpu_inc(p->b); /* one instruction through %fs: this CPU's copy */
	cpu = smp_processor_id();
	KUNIT_EXPECT_EQ(test, this_cpu_ptr(p)->b, 101u + cpu);
	preempt_enable();
	for_each_online_cpu(cpu) {
		if (cpu != smp_processor_id())
			KUNIT_EXPECT_EQ(test, per_cpu_ptr(p, cpu)->b, 100u + cpu);
	}
	free_percpu(p);
}

static void freed_memory_is_reused_zeroed(struct kunit *test)
{
	u32 __percpu *first = alloc_percpu(u32), *again;

	KUNIT_ASSERT_NOT_NULL(test, first);
	*per_cpu_ptr(first, 0) = 7;
	free_percpu(first);
	again = alloc_percpu(u32);
	KUNIT_EXPECT_PTR_EQ(test, again, first);
	KUNIT_EXPECT_EQ(test, *per_cpu_ptr(again, 0), 0u);
	free_percpu(again);
	free_percpu(NULL);
}

static void too_much_is_refused_and_nothing_is_lost(struct kunit *test)
{
	void *big, *small;

	KUNIT_EXPECT_NULL(test, __alloc_percpu(8192, 4));
	big = __alloc_percpu(2048, 64);
	KUNIT_ASSERT_NOT_NULL(test, big);
	KUNIT_EXPECT_EQ(test, (unsigned long)big % 64, 0ul);
	small = __alloc_percpu(4, 4);
	KUNIT_EXPECT_NOT_NULL(test, small);
	free_percpu(big);
	free_percpu(small);
	big = __alloc_percpu(2048, 64); /* all of it free again */
	KUNIT_EXPECT_NOT_NULL(test, big);
	free_percpu(big);
}

static struct kunit_case percpu_alloc_cases[] = {
	KUNIT_CASE(each_cpu_gets_its_own_zeroed_copy),
	KUNIT_CASE(freed_memory_is_reused_zeroed),
	KUNIT_CASE(too_much_is_refused_and_nothing_is_lost),
	{}
};

static struct kunit_suite percpu_alloc_suite = {
	.name = "percpu_alloc",
	.test_cases = percpu_alloc_cases,
};
kunit_test_suite(percpu_alloc_suite);
