/*
 * What a test or bench boot does once the kernel is up: `selftest` (or
 * selftest=GLOB,GLOB) runs the KTAP suites, `bench` (or bench=GLOB: the
 * benchmark functions whose names match, e.g. bench=bench_yield*) the
 * benchmarks; kmain
 * then hands the result to QEMU's isa-debug-exit so the host runner gets
 * control back.
 */
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/string.h>
#include <janus/bench.h>
#include <janus/qemu.h>
#include <janus/selftest.h>

/* As long as the whole command line: a long list of suites is never cut short. */
static char selftest_globs[COMMAND_LINE_SIZE];
static bool selftest_requested, bench_requested;
static char bench_glob[64] = "*";

static int __init selftest_setup(char *val)
{
	if (val && !*val)
		return -EINVAL;
	strscpy(selftest_globs, val ? val : "*", sizeof(selftest_globs));
	selftest_requested = true;
	return 0;
}
early_param("selftest", selftest_setup);

static int __init bench_setup(char *val)
{
	if (val && (!*val || strlen(val) >= sizeof(bench_glob)))
		return -EINVAL;
	if (val)
		strscpy(bench_glob, val, sizeof(bench_glob));
	bench_requested = true;
	return 0;
}
early_param("bench", bench_setup);

/**
 * run_boot_tests() - Run the self-tests and benchmarks the command line asked for.
 *
 * Context: init, process context, at the end of boot; may sleep.
 * Return: -1 if neither was asked for (boot goes on), else the QEMU exit
 * code: QEMU_EXIT_SUCCESS, or QEMU_EXIT_FAILURE if a case failed.
 */
int run_boot_tests(void)
{
	int failures = 0;

	if (!selftest_requested && !bench_requested)
		return -1;
	if (selftest_requested && !strcmp(selftest_globs, "list"))
		kunit_list_suites();
	else if (selftest_requested)
		failures = kunit_run_all(selftest_globs);
	if (bench_requested)
		run_benchmarks(bench_glob);
	return failures ? QEMU_EXIT_FAILURE : QEMU_EXIT_SUCCESS;
}
