/*
 * KTAP suite `module`: loadable modules driven from user space, as a student
 * drives them: each case runs insmod, rmmod, lsmod, modinfo or
 * /bin/module_test (user/bin/module_test.c) with the modules the initrd
 * carries in /lib/modules, and checks what the kernel then holds: the
 * module list, reference counts, symbols, what unloading found, and that a
 * refused module leaves no page and no kmalloc block behind.
 */
#include <kunit/test.h>
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include "../../kernel/module/internal.h"
#include "user_helpers.h"

/* The state of the module called name, or -1 if none is loaded. */
static int module_state(const char *name)
{
	struct module *mod;
	int state;

	mutex_lock(&module_mutex);
	mod = find_module(name);
	state = mod ? (int)mod->state : -1;
	mutex_unlock(&module_mutex);
	return state;
}

#define EXPECT_PROGRAM(test, ...) \
	KUNIT_EXPECT_PROGRAM_PASSES(test, run_user_program(NULL, __VA_ARGS__, NULL))

/* Runs module_test CASE twice (caches that grow once are not leaks) and
 * checks that the second run left no page and no kmalloc block. */
static void run_without_leaks(struct kunit *test, const char *name)
{
	unsigned long pages, objects;

	EXPECT_PROGRAM(test, "/bin/module_test", name);
	KUNIT_ASSERT_TRUE(test, wait_until(!nr_exiting_tasks(), 2000));
	pages = nr_free_pages();
	objects = kmalloc_active_objects();
	EXPECT_PROGRAM(test, "/bin/module_test", name);
	KUNIT_ASSERT_TRUE(test, wait_until(!nr_exiting_tasks(), 2000));
	KUNIT_EXPECT_EQ(test, nr_free_pages(), pages);
	KUNIT_EXPECT_EQ(test, kmalloc_active_objects(), objects);
}

static void insmod_lsmod_modinfo_rmmod(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, module_state("hello"), -1);
	EXPECT_PROGRAM(test, "/bin/insmod", "/lib/modules/hello.ko", "who=students", "count=2");
	KUNIT_EXPECT_EQ(test, module_state("hello"), MODULE_STATE_LIVE);
	EXPECT_PROGRAM(test, "/bin/lsmod");
	EXPECT_PROGRAM(test, "/bin/modinfo", "hello");
	EXPECT_PROGRAM(test, "/bin/rmmod", "hello");
	KUNIT_EXPECT_EQ(test, module_state("hello"), -1);
}

static void insmod_and_rmmod_report_failures(struct kunit *test)
{
	int status = run_user_program(NULL, "/bin/insmod", "no_such_module", NULL);

	KUNIT_EXPECT_TRUE(test, WIFEXITED(status) && WEXITSTATUS(status) == 1);
	status = run_user_program(NULL, "/bin/rmmod", "no_such_module", NULL);
	KUNIT_EXPECT_TRUE(test, WIFEXITED(status) && WEXITSTATUS(status) == 1);
}

/* Module code is named like kernel code, with the module in brackets, and
 * its text is read-only once relocated. */
static void module_symbols_and_read_only_text(struct kunit *test)
{
	char buf[KSYM_SYMBOL_LEN];
	struct module *mod;
	unsigned long exit_fn;
	int level;
	pte_t *pte;

	EXPECT_PROGRAM(test, "/bin/insmod", "hello");
	mutex_lock(&module_mutex);
	mod = find_module("hello");
	exit_fn = mod ? (unsigned long)mod->exit : 0;
	mutex_unlock(&module_mutex);
	KUNIT_ASSERT_NE(test, exit_fn, 0ul);
	sprint_symbol(buf, exit_fn + 3);
	KUNIT_EXPECT_STREQ(test, buf, "hello_exit+0x3/0x17 [hello]");
	scnprintf(buf, sizeof(buf), "%ps", (void *)exit_fn);
	KUNIT_EXPECT_STREQ(test, buf, "hello_exit [hello]");
	pte = lookup_address(exit_fn, &level);
	KUNIT_ASSERT_NOT_NULL(test, pte);
	KUNIT_EXPECT_TRUE(test, (*pte & _PAGE_PRESENT) && !(*pte & _PAGE_RW));
	EXPECT_PROGRAM(test, "/bin/rmmod", "hello");
}

static void loads_and_unloads(struct kunit *test)
{
	run_without_leaks(test, "loads_and_unloads");
}

static void every_relocation_type(struct kunit *test)
{
	run_without_leaks(test, "relocations");
}

static void unknown_symbol_is_refused(struct kunit *test)
{
	run_without_leaks(test, "unknown_symbol");
}

static void wrong_vermagic_is_refused(struct kunit *test)
{
	run_without_leaks(test, "wrong_vermagic");
}

static void truncated_images_are_refused(struct kunit *test)
{
	run_without_leaks(test, "truncated_images");
}

static void damaged_bytes_fail_the_checksum(struct kunit *test)
{
	run_without_leaks(test, "damaged_bytes");
}

static void malformed_elf_is_refused(struct kunit *test)
{
	run_without_leaks(test, "malformed_images");
}

static void parameters_good_and_bad(struct kunit *test)
{
	run_without_leaks(test, "parameters");
}

static void system_call_errors(struct kunit *test)
{
	run_without_leaks(test, "call_errors");
}

static struct kunit_case module_cases[] = {
	KUNIT_CASE(insmod_lsmod_modinfo_rmmod),
	KUNIT_CASE(insmod_and_rmmod_report_failures),
	KUNIT_CASE(module_symbols_and_read_only_text),
	KUNIT_CASE(loads_and_unloads),
	KUNIT_CASE(every_relocation_type),
	KUNIT_CASE(unknown_symbol_is_refused),
	KUNIT_CASE(wrong_vermagic_is_refused),
	KUNIT_CASE(truncated_images_are_refused),
	KUNIT_CASE(damaged_bytes_fail_the_checksum),
	KUNIT_CASE(malformed_elf_is_refused),
	KUNIT_CASE(parameters_good_and_bad),
	KUNIT_CASE(system_call_errors),
	{}
};

static struct kunit_suite module_suite = {
	.name = "module",
	.test_cases = module_cases,
};
kunit_test_suite(module_suite);
