/*
 * The test runner inside the kernel: runs the suites that kunit_test_suite()
 * placed in the .kunit_suites section and prints KTAP version 1, the format
 * of Linux's KUnit, which tests/run.py parses on the host:
 *
 *   KTAP version 1
 *   1..2
 *       KTAP version 1
 *       # Subtest: string
 *       1..3
 *       ok 1 memcpy_copies_every_byte
 *       ...
 *   ok 1 string
 */
#include <kunit/test.h>
#include <linux/glob.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/sprintf.h>
#include <janus/nosleep.h>

extern struct kunit_suite *const __start_kunit_suites[], *const __stop_kunit_suites[];

#define for_each_suite(s) \
	for (struct kunit_suite *const *s = __start_kunit_suites; s < __stop_kunit_suites; s++)

struct kunit_totals {
	unsigned int passed, failed, skipped;
};

/* One "    # PREFIXTEXT" diagnostic line of the KTAP stream. */
static void print_diagnostic(const char *prefix, const char *fmt, va_list args)
{
	char buf[200];

	vscnprintf(buf, sizeof(buf), fmt, args);
	pr_info("    # %s%s\n", prefix, buf);
}

/**
 * kunit_info() - Write one "    # ..." diagnostic line into the KTAP stream.
 * @test: the running case
 * @fmt:  printf-style text
 * @...:  its arguments
 *
 * Context: the test's task, or any context the case runs code in; does not sleep.
 */
void kunit_info(struct kunit *test, const char *fmt, ...)
{
	va_list args;

	(void)test;
	va_start(args, fmt);
	print_diagnostic("", fmt, args);
	va_end(args);
}

void kunit_expect_report(struct kunit *test, const char *fmt, ...)
{
	va_list args;

	(void)test;
	va_start(args, fmt);
	print_diagnostic("expect: ", fmt, args);
	va_end(args);
	nosleep_ratelimit_reset(); /* a promised report is never rate-limited away */
}

/**
 * kunit_fail() - Mark the case failed and print where and why (what KUNIT_EXPECT_*() call on failure).
 * @test: the running case
 * @file: the failing check's source file
 * @line: its line
 * @fmt:  printf-style explanation; each line becomes a "    # " line
 * @...:  its arguments
 *
 * The case goes on; KUNIT_ASSERT_*() then also calls kunit_abort().
 *
 * Context: the test's task; does not sleep.
 */
void kunit_fail(struct kunit *test, const char *file, int line, const char *fmt, ...)
{
	char buf[400];
	char *rest = buf, *l;
	bool first = true;
	va_list args;

	va_start(args, fmt);
	vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);

	test->status = KUNIT_FAILURE;
	pr_info("    # %s: EXPECTATION FAILED at %s:%d\n", test->name, file, line);
	while ((l = strsep(&rest, "\n"))) {
		pr_info("    # %s%s\n", first ? "" : "    ", l);
		first = false;
	}
}

/**
 * kunit_abort() - End the running case now, back to the runner (a longjmp).
 * @test: the running case
 *
 * Context: the case's own task and stack only, never from a handler it set
 * up; never returns.
 */
void kunit_abort(struct kunit *test)
{
	longjmp(test->abort, 1);
}

/**
 * kunit_skip() - End the running case as skipped, with a reason ("# SKIP reason" in KTAP).
 * @test: the running case
 * @fmt:  printf-style reason
 * @...:  its arguments
 *
 * Context: the case's own task; never returns.
 */
void kunit_skip(struct kunit *test, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vscnprintf(test->status_comment, sizeof(test->status_comment), fmt, args);
	va_end(args);
	if (test->status == KUNIT_FAILURE) /* a skip never hides a failure */
		pr_info("    # %s: skipped (%s) after a failure: the failure stands\n", test->name,
			test->status_comment);
	else
		test->status = KUNIT_SKIPPED;
	kunit_abort(test);
}

static bool pattern_selects(const char *pattern, const struct kunit_suite *suite)
{
	return suite->explicit_only ? !strcmp(pattern, suite->name)
				    : glob_match(pattern, suite->name);
}

/* Calls fn(pattern, arg) for each comma-separated glob; stops at a true return. */
static bool for_each_glob(const char *globs, bool (*fn)(const char *pattern, void *arg), void *arg)
{
	char pattern[64];
	const char *p = globs;

	while (*p) {
		size_t n = strcspn(p, ",");
		strscpy(pattern, p, min(n + 1, sizeof(pattern)));
		if (n && fn(pattern, arg))
			return true;
		p += n + (p[n] == ',');
	}
	return false;
}

static bool selects_suite(const char *pattern, void *suite)
{
	return pattern_selects(pattern, suite);
}

static bool suite_selected(struct kunit_suite *suite, const char *globs)
{
	return for_each_glob(globs, selects_suite, suite);
}

/* Reports a glob that selects no suite: a typo or a renamed suite must not
 * pass as "0 tests, all passed". Never stops the walk. */
static bool report_unmatched(const char *pattern, void *unmatched)
{
	for_each_suite(s)
		if (pattern_selects(pattern, *s))
			return false;
	pr_err("selftest: no suite matches '%s'\n", pattern);
	++*(int *)unmatched;
	return false;
}

/* A case must leave the CPU as it found it: same preempt_count, same irq state. */
static void check_context_restored(struct kunit *test, int pc, bool irqs_off)
{
	if (preempt_count() != pc) {
		KUNIT_FAIL(test, "case left preempt_count at %#x (was %#x); repaired",
			   preempt_count(), pc);
		preempt_count_set(pc);
	}
	if (irqs_disabled() != irqs_off) {
		KUNIT_FAIL(test, "case left interrupts %s; repaired",
			   irqs_disabled() ? "disabled" : "enabled");
		if (irqs_off)
			local_irq_disable();
		else
			local_irq_enable();
	}
}

static enum kunit_status run_case(struct kunit_suite *suite, struct kunit_case *c)
{
	struct kunit test = { .name = c->name, .status = KUNIT_SUCCESS };
	int pc = preempt_count();
	bool irqs_off = irqs_disabled();

	if (!setjmp(test.abort)) {
		if (suite->init && suite->init(&test))
			KUNIT_FAIL(&test, "suite init failed");
		else
			c->run_case(&test);
	}
	if (suite->exit)
		suite->exit(&test);
	check_context_restored(&test, pc, irqs_off);

	if (test.status == KUNIT_SKIPPED)
		pr_info("    ok %d %s # SKIP %s\n", (int)(c - suite->test_cases) + 1, c->name,
			test.status_comment);
	else
		pr_info("    %s %d %s\n", test.status == KUNIT_SUCCESS ? "ok" : "not ok",
			(int)(c - suite->test_cases) + 1, c->name);
	return test.status;
}

static void run_suite(struct kunit_suite *suite, int index, struct kunit_totals *totals)
{
	struct kunit_totals t = { 0 };
	struct kunit_case *c;
	int n = 0, init_err = 0;

	for (c = suite->test_cases; c->run_case; c++)
		n++;
	pr_info("    KTAP version 1\n");
	pr_info("    # Subtest: %s\n", suite->name);
	pr_info("    1..%d\n", n);
	if (suite->one_cpu)
		set_cpus_allowed(current, CPU_BIT(smp_processor_id()));
	if (suite->suite_init)
		init_err = suite->suite_init(suite);
	for (c = suite->test_cases; c->run_case; c++) {
		if (init_err) { /* every case fails, visibly, rather than vanishing */
			pr_info("    # %s: suite_init failed (%d)\n", c->name, init_err);
			pr_info("    not ok %d %s\n", (int)(c - suite->test_cases) + 1, c->name);
			t.failed++;
			continue;
		}
		switch (run_case(suite, c)) {
		case KUNIT_SUCCESS: t.passed++; break;
		case KUNIT_FAILURE: t.failed++; break;
		case KUNIT_SKIPPED: t.skipped++; break;
		}
	}
	if (suite->suite_exit && !init_err)
		suite->suite_exit(suite);
	if (suite->one_cpu)
		set_cpus_allowed(current, CPU_BITS_ALL);
	pr_info("    # %s: pass:%u fail:%u skip:%u total:%d\n", suite->name, t.passed, t.failed,
		t.skipped, n);
	if (t.failed)
		pr_info("not ok %d %s\n", index, suite->name);
	else if (t.skipped == (unsigned int)n && n)
		pr_info("ok %d %s # SKIP\n", index, suite->name);
	else
		pr_info("ok %d %s\n", index, suite->name);
	totals->passed += t.passed;
	totals->failed += t.failed;
	totals->skipped += t.skipped;
}

/**
 * kunit_list_suites() - Print every suite with its number of cases.
 *
 * One line per suite, "selftest: suite NAME CASES", and "(explicit)" for a
 * suite that runs only when selftest= names it exactly (selftest=list).
 *
 * Context: process context; may sleep (it prints).
 */
void kunit_list_suites(void)
{
	for_each_suite(s) {
		int n = 0;

		for (struct kunit_case *c = (*s)->test_cases; c->run_case; c++)
			n++;
		pr_info("selftest: suite %s %d%s\n", (*s)->name, n,
			(*s)->explicit_only ? " (explicit)" : "");
	}
}

/**
 * kunit_run_all() - Run every suite selected by a list of globs, printing KTAP.
 * @globs: comma-separated globs ("*" for all); an explicit_only suite runs
 *         only when named exactly
 *
 * A glob that selects no suite is reported ("selftest: no suite matches
 * 'X'") and counts as a failure, as does an empty selection.
 *
 * Context: process context; may sleep (the cases do).
 * Return: the number of failed cases plus the number of globs matching nothing.
 */
int kunit_run_all(const char *globs)
{
	struct kunit_totals totals = { 0 };
	int n = 0, index = 0, unmatched = 0;

	for_each_glob(globs, report_unmatched, &unmatched);
	for_each_suite(s)
		n += suite_selected(*s, globs);
	pr_info("KTAP version 1\n");
	pr_info("1..%d\n", n);
	for_each_suite(s)
		if (suite_selected(*s, globs))
			run_suite(*s, ++index, &totals);
	pr_info("# Totals: pass:%u fail:%u skip:%u total:%u\n", totals.passed, totals.failed,
		totals.skipped, totals.passed + totals.failed + totals.skipped);
	if (!n && !unmatched)
		pr_err("selftest: no suite selected by '%s'\n", globs);
	return totals.failed + unmatched + !n;
}
