/*
 * KTAP suite `selfcheck`: proof that the host runner can fail. It runs only
 * with selftest=selfcheck (tests/configs: selfcheck), where the runner expects
 * exactly this failing case and this panic and reports them as failures.
 */
#include <kunit/test.h>

static void deliberately_fails(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, 1 + 1, 3);
}

static void deliberately_panics(struct kunit *test)
{
	(void)test;
	panic("selfcheck: deliberate panic");
}

static struct kunit_case selfcheck_cases[] = {
	KUNIT_CASE(deliberately_fails),
	KUNIT_CASE(deliberately_panics),
	{}
};

static struct kunit_suite selfcheck_suite = {
	.name = "selfcheck",
	.test_cases = selfcheck_cases,
	.explicit_only = true,
};
kunit_test_suite(selfcheck_suite);
