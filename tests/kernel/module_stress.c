/*
 * KTAP suites `module_loop` and `module_corruption`: the long runs of the
 * module loader, each in a configuration of its own (tests/configs), driven
 * from user space by /bin/module_test (user/bin/module_test.c):
 *
 *   module_loop        every well-behaved module of modules/ loaded and
 *                      unloaded 100 times; the pages and kmalloc blocks in use
 *                      must come back to where they were
 *   module_corruption  1,000 randomly damaged copies of hello.ko: every one
 *                      refused with an error, no crash, nothing kept
 *   module_oops        an out-of-tree module's oops names it
 *
 * The deliberately buggy modules (modules/bug_*.c) report on every load, on
 * purpose: the `module` suite loads each of them, and bug_leftovers (clean
 * unless told to leave things) is in the loop.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <uapi/asm/signal.h>
#include "user_helpers.h"

#define LOOP_MODULES "hello", "relocs", "seed003", "irqwait", "bug_leftovers"

struct usage {
	unsigned long pages, objects;
};

static void measure(struct kunit *test, struct usage *u)
{
	KUNIT_ASSERT_TRUE(test, wait_until(!nr_exiting_tasks(), 2000));
	u->pages = nr_free_pages();
	u->objects = kmalloc_active_objects();
}

static void load_and_unload_every_module_100_times(struct kunit *test)
{
	struct usage before, after;

	/* A few rounds first: what grows once and then stays is not a leak (a
	 * /dev node, slabs, and kernel/fork.c's quarantine of the last 8 exited
	 * kthreads: each round ends 3). */
	KUNIT_EXPECT_PROGRAM_PASSES(test, run_user_program(NULL, "/bin/module_test", "loop", "5",
							   LOOP_MODULES, NULL));
	measure(test, &before);
	KUNIT_EXPECT_PROGRAM_PASSES(test, run_user_program(NULL, "/bin/module_test", "loop", "100",
							   LOOP_MODULES, NULL));
	measure(test, &after);
	kunit_info(test, "after 100 rounds: %ld pages, %ld kmalloc blocks more than before",
		   (long)(before.pages - after.pages), (long)(after.objects - before.objects));
	KUNIT_EXPECT_EQ(test, after.pages, before.pages);
	KUNIT_EXPECT_EQ(test, after.objects, before.objects);
}

static void a_thousand_damaged_modules_are_refused(struct kunit *test)
{
	struct usage before, after;

	KUNIT_EXPECT_PROGRAM_PASSES(test, run_user_program(NULL, "/bin/module_test", "corrupt", "10",
							   NULL));
	measure(test, &before);
	KUNIT_EXPECT_PROGRAM_PASSES(test, run_user_program(NULL, "/bin/module_test", "corrupt",
							   "1000", NULL));
	measure(test, &after);
	KUNIT_EXPECT_EQ(test, after.pages, before.pages);
	KUNIT_EXPECT_EQ(test, after.objects, before.objects);
}

/* An out-of-tree module oopses in its init (tests/oot/oopsmod.c): the oops
 * names it (the configuration checks the lines), insmod dies of SIGSEGV,
 * and the kernel goes on. */
static void an_out_of_tree_module_oopses(struct kunit *test)
{
	int status;

	kunit_expect_report(test, "BUG: kernel NULL pointer dereference");
	status = run_user_program(NULL, "/bin/insmod", "oopsmod", NULL);
	KUNIT_EXPECT_TRUE(test, status >= 0 && WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
	KUNIT_EXPECT_PROGRAM_PASSES(test, run_user_program(NULL, "/bin/lsmod", NULL));
}

static struct kunit_case oops_cases[] = {
	KUNIT_CASE(an_out_of_tree_module_oopses),
	{}
};

static struct kunit_suite oops_suite = {
	.name = "module_oops",
	.test_cases = oops_cases,
	.explicit_only = true,
};
kunit_test_suite(oops_suite);

static struct kunit_case loop_cases[] = {
	KUNIT_CASE(load_and_unload_every_module_100_times),
	{}
};

static struct kunit_suite loop_suite = {
	.name = "module_loop",
	.test_cases = loop_cases,
	.explicit_only = true,
};
kunit_test_suite(loop_suite);

static struct kunit_case corruption_cases[] = {
	KUNIT_CASE(a_thousand_damaged_modules_are_refused),
	{}
};

static struct kunit_suite corruption_suite = {
	.name = "module_corruption",
	.test_cases = corruption_cases,
	.explicit_only = true,
};
kunit_test_suite(corruption_suite);
