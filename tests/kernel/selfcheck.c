/*
 * KTAP suite `selfcheck`: proof that the host runner can fail. It runs only
 * with selftest=selfcheck (tests/configs: selfcheck), where the runner expects
 * exactly these failing cases and this panic and reports them as failures.
 */
#include <kunit/test.h>

static void deliberately_fails(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, 1 + 1, 3);
}

/* kunit_skip() after a failed expectation: the case stays a failure. */
static void fails_then_skips(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, 2 + 2, 5);
	kunit_skip(test, "selfcheck: a skip must not hide the failure before it");
}

static void deliberately_panics(struct kunit *test)
{
	(void)test;
	panic("selfcheck: deliberate panic");
}

static struct kunit_case selfcheck_cases[] = {
	KUNIT_CASE(deliberately_fails),
	KUNIT_CASE(fails_then_skips),
	KUNIT_CASE(deliberately_panics),
	{}
};

static struct kunit_suite selfcheck_suite = {
	.name = "selfcheck",
	.test_cases = selfcheck_cases,
	.explicit_only = true,
};
kunit_test_suite(selfcheck_suite);

/*
 * KTAP suite `selfcheck_reports`: proof that the runner checks declared
 * reports (tests/configs: reject-report). One case provokes a WARNING without
 * declaring it, one declares a report that never comes; the runner must
 * report both.
 */
static void warns_without_declaring(struct kunit *test)
{
	(void)test;
	WARN(1, "selfcheck: a deliberately undeclared warning\n");
}

static void declares_a_report_that_never_comes(struct kunit *test)
{
	kunit_expect_report(test, "selfcheck: a report that never comes");
}

static struct kunit_case selfcheck_reports_cases[] = {
	KUNIT_CASE(warns_without_declaring),
	KUNIT_CASE(declares_a_report_that_never_comes),
	{}
};

static struct kunit_suite selfcheck_reports_suite = {
	.name = "selfcheck_reports",
	.test_cases = selfcheck_reports_cases,
	.explicit_only = true,
};
kunit_test_suite(selfcheck_reports_suite);
