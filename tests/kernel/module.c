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
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <janus/exec.h>
#include <janus/nosleep.h>
#include <janus/vfs.h>
#include "../../kernel/module/internal.h"
#include "helpers.h"
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

/* The references held on the module called name (try_module_get), or -1. */
static int module_refcount_of(const char *name)
{
	struct module *mod;
	int refs;

	mutex_lock(&module_mutex);
	mod = find_module(name);
	refs = mod ? module_refcount(mod) : -1;
	mutex_unlock(&module_mutex);
	return refs;
}

/* A symbol of a loaded module, as a pointer. */
static void *module_symbol(const char *name)
{
	return (void *)module_kallsyms_lookup_name(name);
}

#define EXPECT_PROGRAM(test, ...) \
	KUNIT_EXPECT_PROGRAM_PASSES(test, run_user_program(NULL, __VA_ARGS__, NULL))

/* Sleeps until kthread_stop(), which the helper never misses (helpers.h). */
static int idle_thread(void *data)
{
	(void)data;
	sleep_until_kthread_stop();
	return 0;
}

/* kernel/fork.c keeps the last 8 exited kthreads (a quarantine against stale
 * pointers): fill it, so that a module's exiting worker threads displace
 * these instead of adding to the count. */
static void fill_kthread_quarantine(struct kunit *test)
{
	for (int i = 0; i < 8; i++) {
		struct task_struct *k = kthread_run(idle_thread, NULL, "quarantine/%d", i);

		KUNIT_ASSERT_FALSE(test, IS_ERR(k));
		kthread_stop(k);
	}
}

/* Runs module_test CASE twice (caches that grow once are not leaks) and
 * checks that the second run left no page and no kmalloc block. */
static void run_without_leaks(struct kunit *test, const char *name)
{
	unsigned long pages, objects;

	fill_kthread_quarantine(test);
	EXPECT_PROGRAM(test, "/bin/module_test", name);
	KUNIT_ASSERT_TRUE(test, wait_until(!nr_exiting_tasks(), TEST_WAIT_MS));
	task_quarantine_drain(); /* no kthread's memory is freed in the middle of the count */
	pages = nr_free_pages();
	objects = kmalloc_active_objects();
	EXPECT_PROGRAM(test, "/bin/module_test", name);
	KUNIT_ASSERT_TRUE(test, wait_until(!nr_exiting_tasks(), TEST_WAIT_MS));
	task_quarantine_drain();
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

/* Module code is named like kernel code, with the module in brackets; its
 * text is read-only once relocated; its init memory is freed after init. */
static void module_symbols_read_only_text_and_freed_init(struct kunit *test)
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
	/* __init code and data are gone once init succeeded; the rest stays. */
	KUNIT_EXPECT_TRUE(test, mod && !mod->mem[MOD_INIT_TEXT].base && mod->mem[MOD_TEXT].base);
	mutex_unlock(&module_mutex);
	KUNIT_ASSERT_NE(test, exit_fn, 0ul);
	KUNIT_EXPECT_EQ(test, module_kallsyms_lookup_name("hello:hello_init"), 0ul);
	KUNIT_EXPECT_EQ(test, module_kallsyms_lookup_name("hello:hello_exit"), exit_fn);
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

/* The values insmod gave are in the module's variables when its init runs. */
static void parameters_reach_the_module(struct kunit *test)
{
	int *count, *lucky;
	unsigned int *nr_lucky;
	char **who;

	EXPECT_PROGRAM(test, "/bin/insmod", "hello", "who=students", "count=2", "lucky=3,7");
	count = module_symbol("hello:count");
	who = module_symbol("hello:who");
	lucky = module_symbol("hello:lucky");
	nr_lucky = module_symbol("hello:nr_lucky");
	KUNIT_ASSERT_TRUE(test, count && who && lucky && nr_lucky);
	KUNIT_EXPECT_EQ(test, *count, 2);
	KUNIT_EXPECT_STREQ(test, *who, "students");
	KUNIT_EXPECT_EQ(test, *nr_lucky, 2u);
	KUNIT_EXPECT_EQ(test, lucky[0], 3);
	KUNIT_EXPECT_EQ(test, lucky[1], 7);
	EXPECT_PROGRAM(test, "/bin/rmmod", "hello");
}

static void system_call_errors(struct kunit *test)
{
	run_without_leaks(test, "call_errors");
}

static void gpl_only_symbol_is_refused(struct kunit *test)
{
	run_without_leaks(test, "gpl_only_symbol");
}

/* The exit status of a program that must fail (insmod or rmmod saying no). */
static void expect_program_fails(struct kunit *test, int status)
{
	KUNIT_EXPECT_TRUE(test, status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 1);
}

/* Each broken rule of interrupt context, from a module's handler, is
 * reported (and counted); the module loads and unloads as usual. The
 * reports are printed inside the handler, which makes it slow: the slow-
 * handler watchdog (irq_warn_us) is set out of the way for those, and set
 * to 1 ms for bug_slow_irq, whose 5 ms of busy work it must report. */
static void interrupt_context_bugs_are_reported(struct kunit *test)
{
	static const char *const bugs[][2] = {
		{ "bug_sleep_in_irq", "BUG: sleeping function called from invalid context" },
		{ "bug_mutex_in_irq", "BUG: sleeping function called from invalid context" },
		{ "bug_user_memory_in_irq", "BUG: user memory accessed from interrupt context" },
	};
	unsigned long slow = nosleep_stats.slow_irq_handlers;
	unsigned int saved_warn_us = irq_warn_us;

	irq_warn_us = 60 * 1000 * 1000;
	for (unsigned int i = 0; i < ARRAY_SIZE(bugs); i++) {
		unsigned long reports = nosleep_reports();

		kunit_expect_report(test, "%s", bugs[i][1]);
		EXPECT_PROGRAM(test, "/bin/insmod", bugs[i][0]);
		KUNIT_EXPECT_GT(test, nosleep_reports(), reports);
		EXPECT_PROGRAM(test, "/bin/rmmod", bugs[i][0]);
	}
	irq_warn_us = 1000;
	kunit_expect_report(test, "irq 38 handler bug_slow_irq took");
	EXPECT_PROGRAM(test, "/bin/insmod", "bug_slow_irq");
	irq_warn_us = saved_warn_us;
	KUNIT_EXPECT_GT(test, nosleep_stats.slow_irq_handlers, slow);
	EXPECT_PROGRAM(test, "/bin/rmmod", "bug_slow_irq");
}


/* The module stays (Unloading) with the handler it forgot; once the handler
 * is gone, rmmod checks again and frees it. */
static void a_forgotten_free_irq_keeps_the_module(struct kunit *test)
{
	void *dev_id;

	EXPECT_PROGRAM(test, "/bin/insmod", "bug_forgot_free_irq");
	dev_id = module_symbol("bug_forgot_free_irq:bug_handled");
	KUNIT_ASSERT_NOT_NULL(test, dev_id);
	kunit_expect_report(test, "BUG: module bug_forgot_free_irq unloaded with irq 38 handler "
			    "forgotten_handler still registered (request_irq at bug_forgot_free_irq.c:");
	expect_program_fails(test, run_user_program(NULL, "/bin/rmmod", "bug_forgot_free_irq", NULL));
	KUNIT_EXPECT_EQ(test, module_state("bug_forgot_free_irq"), MODULE_STATE_GOING);
	free_irq(38, dev_id); /* what its exit forgot */
	EXPECT_PROGRAM(test, "/bin/rmmod", "bug_forgot_free_irq");
	KUNIT_EXPECT_EQ(test, module_state("bug_forgot_free_irq"), -1);
}

/* Every registry names what the module left in it. */
static void every_kind_of_leftover_is_named(struct kunit *test)
{
	static const char *const reports[] = {
		"irq 37 handler leftover_handler still registered (request_irq at bug_leftovers.c:",
		"timer leftover_timer (function leftover_timer_fn) still pending (mod_timer at bug_leftovers.c:",
		"tasklet leftover_tasklet (function leftover_tasklet_fn) still scheduled, disabled",
		"kthread", "workqueue bug_leftovers still allocated (alloc_workqueue at bug_leftovers.c:",
		"char device major",
		"proc entry /proc/bug_leftovers still present (proc_create_single at bug_leftovers.c:",
	};
	void (*cleanup)(bool);

	EXPECT_PROGRAM(test, "/bin/insmod", "bug_leftovers",
		       "leave=irq,timer,tasklet,kthread,workqueue,chrdev,proc");
	cleanup = module_symbol("bug_leftovers:bug_leftovers_cleanup");
	KUNIT_ASSERT_NOT_NULL(test, cleanup);
	for (unsigned int i = 0; i < ARRAY_SIZE(reports); i++)
		kunit_expect_report(test, "BUG: module bug_leftovers unloaded with %s", reports[i]);
	expect_program_fails(test, run_user_program(NULL, "/bin/rmmod", "bug_leftovers", NULL));
	KUNIT_EXPECT_EQ(test, module_state("bug_leftovers"), MODULE_STATE_GOING);
	cleanup(true); /* what a correct exit would have done */
	EXPECT_PROGRAM(test, "/bin/rmmod", "bug_leftovers");
	KUNIT_EXPECT_EQ(test, module_state("bug_leftovers"), -1);
	/* The control: nothing left, nothing said. */
	EXPECT_PROGRAM(test, "/bin/insmod", "bug_leftovers");
	EXPECT_PROGRAM(test, "/bin/rmmod", "bug_leftovers");
}

/* Starts module_test irqwait_read and waits until it sleeps in read(). */
static pid_t start_irqwait_reader(struct kunit *test)
{
	struct program_args *args = kzalloc(sizeof(*args), GFP_KERNEL);
	struct task_struct *p;
	bool asleep;
	long pid;

	KUNIT_ASSERT_NOT_NULL(test, args);
	args->argc = 2;
	args->argv[0] = "/bin/module_test";
	args->argv[1] = "irqwait_read";
	pid = do_spawn(args->argv[0], args);
	kfree(args);
	KUNIT_ASSERT_GT(test, pid, 0l);
	p = find_get_task_by_pid(pid);
	KUNIT_ASSERT_NOT_NULL(test, p);
	/* Asleep and switched out, as the kernel's check of leftover sleepers
	 * wants: a reader whose state was set, on a CPU the host then did not
	 * run for the length of an rmmod, would not have been found yet. */
	asleep = wait_until(task_asleep(p, TASK_INTERRUPTIBLE) && !task_curr(p), 5000);
	put_task_struct(p);
	KUNIT_EXPECT_TRUE(test, asleep);
	return pid;
}

/* An open file of the module's device holds it: rmmod says who. */
static void a_busy_module_names_its_holder(struct kunit *test)
{
	int status = -1;
	pid_t pid;

	EXPECT_PROGRAM(test, "/bin/insmod", "irqwait", "irq=39");
	pid = start_irqwait_reader(test);
	KUNIT_EXPECT_EQ(test, module_refcount_of("irqwait"), 1);
	expect_program_fails(test, run_user_program(NULL, "/bin/rmmod", "irqwait", NULL));
	KUNIT_EXPECT_EQ(test, module_state("irqwait"), MODULE_STATE_LIVE);
	irq_sim_fire(39); /* the reader wakes with its line */
	KUNIT_EXPECT_EQ(test, kernel_wait(pid, &status, 0), (long)pid);
	KUNIT_EXPECT_PROGRAM_PASSES(test, status);
	KUNIT_EXPECT_EQ(test, module_refcount_of("irqwait"), 0);
	EXPECT_PROGRAM(test, "/bin/rmmod", "irqwait");
}

/* Without .owner nothing holds the module: its exit runs under the reader,
 * which Janus finds asleep in the module's code, and keeps the module. */
static void unloading_under_a_sleeping_reader(struct kunit *test)
{
	struct task_struct *p;
	int status;
	pid_t pid;

	EXPECT_PROGRAM(test, "/bin/insmod", "irqwait", "irq=39", "owner=0");
	pid = start_irqwait_reader(test);
	kunit_expect_report(test, "BUG: module irqwait unloaded with task %d (module_test) still sleeping in irqwait_read", pid);
	expect_program_fails(test, run_user_program(NULL, "/bin/rmmod", "irqwait", NULL));
	KUNIT_EXPECT_EQ(test, module_state("irqwait"), MODULE_STATE_GOING);
	p = find_get_task_by_pid(pid);
	KUNIT_ASSERT_NOT_NULL(test, p);
	send_sig(SIGKILL, p, 1); /* it leaves the module's read */
	put_task_struct(p);
	KUNIT_EXPECT_EQ(test, kernel_wait(pid, &status, 0), (long)pid);
	EXPECT_PROGRAM(test, "/bin/rmmod", "irqwait");
	KUNIT_EXPECT_EQ(test, module_state("irqwait"), -1);
}

/* Whether /proc/path exists. */
static bool proc_present(const char *path)
{
	struct inode *inode = proc_lookup(path);

	if (inode)
		proc_put(inode);
	return inode != NULL;
}

/* A module's /proc file (proc_create_single, seq_file) and its handler's
 * /proc/irq/N/NAME directory come and go with it. */
static void proc_files_and_irq_directories(struct kunit *test)
{
	EXPECT_PROGRAM(test, "/bin/insmod", "irqwait", "irq=39");
	KUNIT_EXPECT_TRUE(test, proc_present("irq/39/irqwait"));
	KUNIT_EXPECT_TRUE(test, proc_present("irqwait"));
	EXPECT_PROGRAM(test, "/bin/cat", "/proc/irqwait");
	EXPECT_PROGRAM(test, "/bin/rmmod", "irqwait");
	KUNIT_EXPECT_FALSE(test, proc_present("irq/39/irqwait"));
	KUNIT_EXPECT_FALSE(test, proc_present("irqwait"));
	KUNIT_EXPECT_TRUE(test, proc_present("irq/1/my_irq_handler")); /* the built-in seed 003 driver's */
}

/* Seed 003's driver, loaded as a module: its device reads as in the seed. */
static void seed003_as_a_module(struct kunit *test)
{
	EXPECT_PROGRAM(test, "/bin/insmod", "seed003");
	EXPECT_PROGRAM(test, "/bin/cat", "/dev/seed003_dev");
	EXPECT_PROGRAM(test, "/bin/rmmod", "seed003");
}

static struct kunit_case module_cases[] = {
	KUNIT_CASE(insmod_lsmod_modinfo_rmmod),
	KUNIT_CASE(insmod_and_rmmod_report_failures),
	KUNIT_CASE(module_symbols_read_only_text_and_freed_init),
	KUNIT_CASE(loads_and_unloads),
	KUNIT_CASE(every_relocation_type),
	KUNIT_CASE(unknown_symbol_is_refused),
	KUNIT_CASE(wrong_vermagic_is_refused),
	KUNIT_CASE(truncated_images_are_refused),
	KUNIT_CASE(damaged_bytes_fail_the_checksum),
	KUNIT_CASE(malformed_elf_is_refused),
	KUNIT_CASE(parameters_good_and_bad),
	KUNIT_CASE(parameters_reach_the_module),
	KUNIT_CASE(system_call_errors),
	KUNIT_CASE(gpl_only_symbol_is_refused),
	KUNIT_CASE(interrupt_context_bugs_are_reported),
	KUNIT_CASE(a_forgotten_free_irq_keeps_the_module),
	KUNIT_CASE(every_kind_of_leftover_is_named),
	KUNIT_CASE(a_busy_module_names_its_holder),
	KUNIT_CASE(unloading_under_a_sleeping_reader),
	KUNIT_CASE(proc_files_and_irq_directories),
	KUNIT_CASE(seed003_as_a_module),
	{}
};

static struct kunit_suite module_suite = {
	.name = "module",
	.test_cases = module_cases,
};
kunit_test_suite(module_suite);
