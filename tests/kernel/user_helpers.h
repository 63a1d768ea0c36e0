/* Shared by the suites that run user programs: run one, expect a clean exit. */
#ifndef _TESTS_KERNEL_USER_HELPERS_H
#define _TESTS_KERNEL_USER_HELPERS_H
#include <kunit/test.h>
#include <uapi/linux/wait.h>
#include "helpers.h"

/* The program's checks all passed: it exited 0 (its diagnostics, if any,
 * are in the log as "# ..." lines, just above this case's result). */
#define KUNIT_EXPECT_PROGRAM_PASSES(test, status)                                     \
	do {                                                                          \
		int __st = (status);                                                  \
		KUNIT_ASSERT_GE(test, __st, 0);                                       \
		KUNIT_EXPECT_TRUE(test, WIFEXITED(__st));                             \
		KUNIT_EXPECT_EQ(test, WEXITSTATUS(__st), 0);                          \
	} while (0)

#endif
