/*
 * KTAP suite `printk_context`: printk from a hardirq that interrupts a printk
 * halfway through its console output, and from an exception handler running
 * inside a console driver. Neither waits for the other; every message ends up
 * complete in the log and on the console (kernel/printk/printk.c). And a
 * console is written with preemption off, so a task woken meanwhile that
 * wants the console lock (a terminal's echo) waits for the print to end
 * instead of spinning for ever in front of the preempted printer.
 */
#include <asm/extable.h>
#include <kunit/test.h>
#include <linux/console.h>
#include <linux/interrupt.h>
#include <linux/completion.h>
#include <linux/irq_sim.h>
#include <linux/kthread.h>
#include <linux/smp.h>
#include <janus/log.h>
#include "helpers.h"

#define LINE IRQ_SIM_BASE

static char captured[2048];
static unsigned int captured_len;
static enum { QUIET, FIRE_IRQ, FAULT, WAKE_WRITER } console_trick;
static bool written_preemptible;
static struct task_struct *writer;
static DECLARE_COMPLETION(writer_done);

static irqreturn_t printing_handler(int irq, void *dev)
{
	(void)dev;
	pr_info("printk-context: hello from the handler of irq %d\n", irq);
	return IRQ_HANDLED;
}

/* A console that plays a trick on the first line it prints. */
static void trick_console_write(struct console *con, const char *s, unsigned int n)
{
	(void)con;
	written_preemptible |= !preempt_count() && !irqs_disabled();
	if (captured_len + n < sizeof(captured)) {
		memcpy(captured + captured_len, s, n);
		captured_len += n;
	}
	if (console_trick == FIRE_IRQ) {
		console_trick = QUIET;
		irq_sim_fire(LINE); /* as if the device interrupted the console driver */
	} else if (console_trick == FAULT) {
		console_trick = QUIET;
		__asm__ __volatile__("1:\tud2\n2:\n" _ASM_EXTABLE_TYPE(1b, 2b, EX_TYPE_REPORT)
				     : : : "eax", "edx");
	} else if (console_trick == WAKE_WRITER) {
		console_trick = QUIET;
		wake_up_process(writer); /* more important than us, on our CPU */
	}
}

static struct console trick_console = { .name = "trick", .write = trick_console_write };

static int setup(struct kunit *test)
{
	(void)test;
	captured_len = 0;
	console_trick = QUIET;
	written_preemptible = false;
	register_console(&trick_console);
	captured_len = 0; /* forget the replay of the log */
	return request_irq(LINE, printing_handler, 0, "printk-test", captured);
}

static void teardown(struct kunit *test)
{
	(void)test;
	free_irq(LINE, captured);
	unregister_console(&trick_console);
}

static void a_hardirq_during_printk_prints_too(struct kunit *test)
{
	u64 seq = log_next_sequence();

	console_trick = FIRE_IRQ;
	pr_info("printk-context: the interrupted message, all of it\n");
	KUNIT_EXPECT_TRUE(test, log_contains(seq, "printk-context: the interrupted message, all of it"));
	KUNIT_EXPECT_TRUE(test, log_contains(seq, "printk-context: hello from the handler of irq 32"));
	captured[captured_len] = '\0';
	KUNIT_EXPECT_NOT_NULL(test, strstr(captured, "the interrupted message, all of it\n"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(captured, "hello from the handler of irq 32\n"));
	/* The outer printk printed its own line first, then the handler's. */
	KUNIT_EXPECT_LT(test, (unsigned long)strstr(captured, "interrupted"),
			(unsigned long)strstr(captured, "hello from"));
}

static void an_exception_handler_prints_inside_a_console_driver(struct kunit *test)
{
	u64 seq = log_next_sequence();

	console_trick = FAULT;
	pr_info("printk-context: a message whose output faults\n");
	KUNIT_EXPECT_TRUE(test, log_contains(seq, "printk-context: a message whose output faults"));
	KUNIT_EXPECT_TRUE(test, log_contains(seq, "exception table: invalid opcode at trick_console_write"));
	KUNIT_EXPECT_TRUE(test, log_contains(seq, "EIP: trick_console_write+0x"));
	captured[captured_len] = '\0';
	KUNIT_EXPECT_NOT_NULL(test, strstr(captured, "EIP: trick_console_write+0x"));
}

static void printk_works_with_interrupts_off(struct kunit *test)
{
	unsigned long flags;
	u64 seq = log_next_sequence();

	local_irq_save(flags);
	pr_info("printk-context: with interrupts off\n");
	local_irq_restore(flags);
	KUNIT_EXPECT_TRUE(test, log_contains(seq, "printk-context: with interrupts off"));
	captured[captured_len] = '\0';
	KUNIT_EXPECT_NOT_NULL(test, strstr(captured, "with interrupts off"));
}

static void printk_writes_the_consoles_with_preemption_off(struct kunit *test)
{
	pr_info("printk-context: from a task that may be preempted\n");
	captured[captured_len] = '\0';
	KUNIT_EXPECT_NOT_NULL(test, strstr(captured, "from a task that may be preempted"));
	KUNIT_EXPECT_FALSE(test, written_preemptible);
}

static int direct_writer(void *arg)
{
	(void)arg;
	console_write_direct(&trick_console, "printk-context: the woken writer\n", 33);
	complete(&writer_done);
	sleep_until_kthread_stop();
	return 0;
}

/* The silent hang of a one-CPU boot: echo on tty1 (console_write_direct)
 * woke in the middle of a printk, preempted it and spun for the console
 * lock with preemption off; the printer never ran again. */
static void a_writer_woken_during_a_print_waits_for_its_end(struct kunit *test)
{
	writer = kthread_create(direct_writer, NULL, "console-writer");
	KUNIT_ASSERT_FALSE(test, IS_ERR(writer));
	kthread_bind(writer, smp_processor_id());
	sched_set_prio(writer, 0);
	reinit_completion(&writer_done);
	console_trick = WAKE_WRITER;
	pr_info("printk-context: the message printed when the writer wakes\n");
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&writer_done, 10 * HZ), 0ul);
	kthread_stop(writer);
	captured[captured_len] = '\0';
	KUNIT_ASSERT_NOT_NULL(test, strstr(captured, "the woken writer\n"));
	KUNIT_EXPECT_LT(test, (unsigned long)strstr(captured, "printed when the writer wakes\n"),
			(unsigned long)strstr(captured, "the woken writer\n"));
}

static struct kunit_case printk_context_cases[] = {
	KUNIT_CASE(a_hardirq_during_printk_prints_too),
	KUNIT_CASE(an_exception_handler_prints_inside_a_console_driver),
	KUNIT_CASE(printk_works_with_interrupts_off),
	KUNIT_CASE(printk_writes_the_consoles_with_preemption_off),
	KUNIT_CASE(a_writer_woken_during_a_print_waits_for_its_end),
	{}
};

static struct kunit_suite printk_context_suite = {
	.name = "printk_context",
	.init = setup,
	.exit = teardown,
	.test_cases = printk_context_cases,
};
kunit_test_suite(printk_context_suite);
