/*
 * The in-kernel test framework, shaped like Linux's KUnit: a suite is a list of
 * cases; each case is a function that checks behaviour with KUNIT_EXPECT_*
 * (record a failure, continue) or KUNIT_ASSERT_* (record, end the case).
 * Results are printed as KTAP version 1 on the console (kernel/selftest/kunit.c).
 */
#ifndef _KUNIT_TEST_H
#define _KUNIT_TEST_H
#include <asm/setjmp.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/string.h>

enum kunit_status { KUNIT_SUCCESS, KUNIT_FAILURE, KUNIT_SKIPPED };

struct kunit {
	const char *name;
	enum kunit_status status;
	char status_comment[128];
	jmp_buf abort; /* where a failed assertion or a skip returns to */
	void *priv;    /* for the suite's init/exit */
};

struct kunit_case {
	void (*run_case)(struct kunit *test);
	const char *name;
};

#define KUNIT_CASE(fn) { .run_case = fn, .name = #fn }

struct kunit_suite {
	const char *name;
	int (*suite_init)(struct kunit_suite *suite); /* once, before the first case */
	void (*suite_exit)(struct kunit_suite *suite); /* once, after the last case */
	int (*init)(struct kunit *test);  /* before each case */
	void (*exit)(struct kunit *test); /* after each case */
	struct kunit_case *test_cases;    /* ends with an empty entry */
	/* Runs only when selftest= names it exactly (the runner's self-check). */
	bool explicit_only;
	/* The cases, and the tasks they create, stay on the CPU the suite starts
	 * on: what they check are the rules of one runqueue (who runs first,
	 * when preemption happens), which other CPUs would blur. */
	bool one_cpu;
};

#define kunit_test_suite(suite)                                                      \
	static struct kunit_suite *const __kunit_suite_##suite __used                \
		__section(".kunit_suites") = &suite

/* The failure report: "# case: EXPECTATION FAILED at file:line" plus details. */
__printf(4, 5) void kunit_fail(struct kunit *test, const char *file, int line, const char *fmt,
			       ...);
__noreturn void kunit_abort(struct kunit *test);
__printf(2, 3) __noreturn void kunit_skip(struct kunit *test, const char *fmt, ...);
/* Writes one "    # ..." diagnostic line into the KTAP stream. */
__printf(2, 3) void kunit_info(struct kunit *test, const char *fmt, ...);

/**
 * kunit_expect_report() - Declare a kernel report the case is about to provoke.
 * @test: the running case
 * @fmt:  text the report will contain, e.g. "BUG: sleeping function called from invalid context"
 * @...:  its arguments
 *
 * Prints "    # expect: TEXT" into the KTAP stream before the case provokes the
 * report, so the host runner (and a student reading the log) can tell a
 * demonstration from a bug: a declared report must appear, an undeclared
 * BUG:/WARNING: report fails the run. One declaration covers every report
 * containing TEXT until the suite ends (TEXT may also be in the WARN message
 * printed just above a "WARNING:" line). It also lifts the rate limit of the
 * no-sleep reports, so the promised report is printed.
 *
 * Context: the test's own task; may sleep (it prints).
 */
__printf(2, 3) void kunit_expect_report(struct kunit *test, const char *fmt, ...);

int kunit_run_all(const char *globs);
void kunit_list_suites(void);

#define __KUNIT_CHECK(test, abort, ok, ...)                                          \
	do {                                                                         \
		if (unlikely(!(ok))) {                                               \
			kunit_fail(test, __FILE__, __LINE__, __VA_ARGS__);           \
			if (abort)                                                   \
				kunit_abort(test);                                   \
		}                                                                    \
	} while (0)

#define __KUNIT_INT_OP(test, abort, left, op, right)                                      \
	do {                                                                              \
		__typeof__(left) __l = (left);                                            \
		__typeof__(right) __r = (right);                                          \
		__KUNIT_CHECK(test, abort, __l op __r,                                    \
			      "Expected %s %s %s, but\n%s == %lld (%#llx)\n%s == %lld (%#llx)", \
			      #left, #op, #right, #left, (long long)__l,                  \
			      (unsigned long long)__l, #right, (long long)__r,            \
			      (unsigned long long)__r);                                   \
	} while (0)

#define __KUNIT_PTR_OP(test, abort, left, op, right)                                      \
	do {                                                                              \
		const void *__l = (left), *__r = (right);                                 \
		__KUNIT_CHECK(test, abort, __l op __r,                                    \
			      "Expected %s %s %s, but\n%s == %p\n%s == %p", #left, #op,   \
			      #right, #left, __l, #right, __r);                           \
	} while (0)

#define __KUNIT_STR_OP(test, abort, left, op, right)                                      \
	do {                                                                              \
		const char *__l = (left), *__r = (right);                                 \
		__KUNIT_CHECK(test, abort, strcmp(__l, __r) op 0,                         \
			      "Expected %s %s %s, but\n%s == \"%s\"\n%s == \"%s\"", #left, \
			      #op, #right, #left, __l, #right, __r);                      \
	} while (0)

#define __KUNIT_BOOL(test, abort, cond, want)                                             \
	__KUNIT_CHECK(test, abort, (bool)(cond) == (want), "Expected %s to be %s, but is %s", \
		      #cond, (want) ? "true" : "false", (want) ? "false" : "true")

#define KUNIT_EXPECT_EQ(t, l, r) __KUNIT_INT_OP(t, false, l, ==, r)
#define KUNIT_EXPECT_NE(t, l, r) __KUNIT_INT_OP(t, false, l, !=, r)
#define KUNIT_EXPECT_LT(t, l, r) __KUNIT_INT_OP(t, false, l, <, r)
#define KUNIT_EXPECT_LE(t, l, r) __KUNIT_INT_OP(t, false, l, <=, r)
#define KUNIT_EXPECT_GT(t, l, r) __KUNIT_INT_OP(t, false, l, >, r)
#define KUNIT_EXPECT_GE(t, l, r) __KUNIT_INT_OP(t, false, l, >=, r)
#define KUNIT_EXPECT_TRUE(t, c) __KUNIT_BOOL(t, false, c, true)
#define KUNIT_EXPECT_FALSE(t, c) __KUNIT_BOOL(t, false, c, false)
#define KUNIT_EXPECT_PTR_EQ(t, l, r) __KUNIT_PTR_OP(t, false, l, ==, r)
#define KUNIT_EXPECT_PTR_NE(t, l, r) __KUNIT_PTR_OP(t, false, l, !=, r)
#define KUNIT_EXPECT_NULL(t, p) __KUNIT_PTR_OP(t, false, p, ==, NULL)
#define KUNIT_EXPECT_NOT_NULL(t, p) __KUNIT_PTR_OP(t, false, p, !=, NULL)
#define KUNIT_EXPECT_STREQ(t, l, r) __KUNIT_STR_OP(t, false, l, ==, r)
#define KUNIT_EXPECT_STRNEQ(t, l, r) __KUNIT_STR_OP(t, false, l, !=, r)

#define KUNIT_ASSERT_EQ(t, l, r) __KUNIT_INT_OP(t, true, l, ==, r)
#define KUNIT_ASSERT_NE(t, l, r) __KUNIT_INT_OP(t, true, l, !=, r)
#define KUNIT_ASSERT_LT(t, l, r) __KUNIT_INT_OP(t, true, l, <, r)
#define KUNIT_ASSERT_LE(t, l, r) __KUNIT_INT_OP(t, true, l, <=, r)
#define KUNIT_ASSERT_GT(t, l, r) __KUNIT_INT_OP(t, true, l, >, r)
#define KUNIT_ASSERT_GE(t, l, r) __KUNIT_INT_OP(t, true, l, >=, r)
#define KUNIT_ASSERT_TRUE(t, c) __KUNIT_BOOL(t, true, c, true)
#define KUNIT_ASSERT_FALSE(t, c) __KUNIT_BOOL(t, true, c, false)
#define KUNIT_ASSERT_PTR_EQ(t, l, r) __KUNIT_PTR_OP(t, true, l, ==, r)
#define KUNIT_ASSERT_NOT_NULL(t, p) __KUNIT_PTR_OP(t, true, p, !=, NULL)
#define KUNIT_ASSERT_STREQ(t, l, r) __KUNIT_STR_OP(t, true, l, ==, r)

#define KUNIT_FAIL(t, fmt, ...) kunit_fail(t, __FILE__, __LINE__, fmt, ##__VA_ARGS__)

#endif
