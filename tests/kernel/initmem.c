/*
 * KTAP suites `initmem` and `initmem_call`: the kernel's __init code and
 * data are freed at the end of the boot (free_initmem(), arch/x86/init.c).
 *   initmem       their pages are the page allocator's now, and the window
 *                 they were linked at is unmapped;
 *   initmem_call  (the initmem-call configuration, which expects the oops)
 *                 a kthread that calls an __init function after boot
 *                 faults, the oops says the address is freed __init memory,
 *                 and only that kthread dies.
 */
#include <asm/pgtable.h>
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/kallsyms.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include "helpers.h"

extern char __init_begin[], __init_end[], __init_phys[];

static void the_init_pages_belong_to_the_allocator(struct kunit *test)
{
	unsigned long pfn = PFN_DOWN((unsigned long)__init_phys);
	unsigned long pages = (__init_end - __init_begin) >> PAGE_SHIFT;

	KUNIT_ASSERT_GT(test, pages, 0ul);
	for (unsigned long i = 0; i < pages; i++)
		KUNIT_EXPECT_FALSE(test, pfn_to_page(pfn + i)->flags & PG_reserved);
	for (char *addr = __init_begin; addr < __init_end; addr += PAGE_SIZE) {
		int level;
		pte_t *pte = lookup_address((unsigned long)addr, &level);

		KUNIT_EXPECT_TRUE(test, pte && level == 1 && !(*pte & _PAGE_PRESENT));
	}
	KUNIT_EXPECT_TRUE(test, in_freed_initmem((unsigned long)__init_begin));
	KUNIT_EXPECT_TRUE(test, in_freed_initmem(kallsyms_lookup_name("hung_task_timeout_setup")));
	KUNIT_EXPECT_FALSE(test, in_freed_initmem((unsigned long)__init_end));
	KUNIT_EXPECT_FALSE(test, in_freed_initmem((unsigned long)free_initmem));
}

static struct kunit_case initmem_cases[] = {
	KUNIT_CASE(the_init_pages_belong_to_the_allocator),
	{}
};

static struct kunit_suite initmem_suite = {
	.name = "initmem",
	.test_cases = initmem_cases,
};
kunit_test_suite(initmem_suite);

/* What a driver's late code calling its boot-time setup would do. */
static int call_an_init_function(void *fn)
{
	return ((int (*)(char *))fn)(NULL);
}

static void a_call_into_init_code_after_boot_faults(struct kunit *test)
{
	unsigned long fn = kallsyms_lookup_name("hung_task_timeout_setup"); /* an early_param's */
	unsigned int threads = nr_threads_settled();
	struct task_struct *t;

	KUNIT_ASSERT_TRUE(test, in_freed_initmem(fn));
	t = kthread_create(call_an_init_function, (void *)fn, "late_caller");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	get_task_struct(t); /* it dies on its own: keep it to read its end */
	kunit_expect_report(test, "BUG: unable to handle page fault for address");
	wake_up_process(t);
	KUNIT_ASSERT_TRUE(test, wait_until(t->flags & PF_EXITING, TEST_WAIT_MS));
	KUNIT_EXPECT_EQ(test, kthread_stop(t), SIGSEGV);
	put_task_struct(t);
	KUNIT_EXPECT_TRUE(test, wait_until(nr_threads() == threads, TEST_WAIT_MS));
}

static struct kunit_case initmem_call_cases[] = {
	KUNIT_CASE(a_call_into_init_code_after_boot_faults),
	{}
};

static struct kunit_suite initmem_call_suite = {
	.name = "initmem_call",
	.test_cases = initmem_call_cases,
	.explicit_only = true,
};
kunit_test_suite(initmem_call_suite);
