/* KTAP suite `jump_label`: static keys patch the code itself (kernel/jump_label.c,
 * arch/x86/jump_label.c). */
#include <kunit/test.h>
#include <linux/cpumask.h>
#include <linux/jump_label.h>
#include <linux/smp.h>
#include "helpers.h"

static DEFINE_STATIC_KEY_FALSE(test_false_key);
static DEFINE_STATIC_KEY_TRUE(test_true_key);

static noinline bool test_false_unlikely(void)
{
	return static_branch_unlikely(&test_false_key);
}

static noinline bool test_false_likely(void)
{
	return static_branch_likely(&test_false_key);
}

static noinline bool test_true_likely(void)
{
	return static_branch_likely(&test_true_key);
}

static void reset_keys(struct kunit *test)
{
	(void)test;
	static_branch_disable(&test_false_key);
	static_branch_enable(&test_true_key);
}

static int init(struct kunit *test)
{
	reset_keys(test);
	return 0;
}

static void a_false_key_is_off_and_its_sites_are_nops(struct kunit *test)
{
	unsigned int jumps, sites = jump_label_sites(&test_false_key.key, &jumps);

	KUNIT_EXPECT_FALSE(test, test_false_unlikely());
	KUNIT_EXPECT_FALSE(test, test_false_likely());
	KUNIT_EXPECT_EQ(test, sites, 2u);
	/* static_branch_unlikely is a nop; static_branch_likely of a false key a jmp. */
	KUNIT_EXPECT_EQ(test, jumps, 1u);
}

static void enabling_rewrites_every_site(struct kunit *test)
{
	unsigned int jumps;

	static_branch_enable(&test_false_key);
	KUNIT_EXPECT_TRUE(test, static_key_enabled(&test_false_key));
	KUNIT_EXPECT_TRUE(test, test_false_unlikely());
	KUNIT_EXPECT_TRUE(test, test_false_likely());
	jump_label_sites(&test_false_key.key, &jumps);
	KUNIT_EXPECT_EQ(test, jumps, 1u); /* the other one is a nop now */
	static_branch_disable(&test_false_key);
	KUNIT_EXPECT_FALSE(test, test_false_unlikely());
	KUNIT_EXPECT_FALSE(test, test_false_likely());
}

static void a_true_key_starts_on(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, test_true_likely());
	static_branch_disable(&test_true_key);
	KUNIT_EXPECT_FALSE(test, test_true_likely());
}

static void inc_and_dec_count_users(struct kunit *test)
{
	static_branch_inc(&test_false_key);
	static_branch_inc(&test_false_key);
	KUNIT_EXPECT_TRUE(test, test_false_unlikely());
	static_branch_dec(&test_false_key);
	KUNIT_EXPECT_TRUE(test, test_false_unlikely()); /* one user left */
	static_branch_dec(&test_false_key);
	KUNIT_EXPECT_FALSE(test, test_false_unlikely());
}

static void read_on(void *result)
{
	*(bool *)result = test_false_unlikely();
}

static void every_cpu_runs_the_new_code(struct kunit *test)
{
	int cpu;

	static_branch_enable(&test_false_key);
	for_each_online_cpu(cpu) {
		bool seen = false;

		KUNIT_EXPECT_EQ(test, smp_call_function_single(cpu, read_on, &seen, 1), 0);
		KUNIT_EXPECT_TRUE(test, seen);
	}
	static_branch_disable(&test_false_key);
	for_each_online_cpu(cpu) {
		bool seen = true;

		smp_call_function_single(cpu, read_on, &seen, 1);
		KUNIT_EXPECT_FALSE(test, seen);
	}
}

static struct kunit_case jump_label_cases[] = {
	KUNIT_CASE(a_false_key_is_off_and_its_sites_are_nops),
	KUNIT_CASE(enabling_rewrites_every_site),
	KUNIT_CASE(a_true_key_starts_on),
	KUNIT_CASE(inc_and_dec_count_users),
	KUNIT_CASE(every_cpu_runs_the_new_code),
	{}
};

static struct kunit_suite jump_label_suite = {
	.name = "jump_label",
	.init = init,
	.exit = reset_keys,
	.test_cases = jump_label_cases,
};
kunit_test_suite(jump_label_suite);
