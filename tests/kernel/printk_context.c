/*
 * KTAP suite `printk_context`: printk from a hardirq that interrupts a printk
 * halfway through its console output, and from an exception handler running
 * inside a console driver. Neither waits for the other; every message ends up
 * complete in the log and on the console (kernel/printk/printk.c).
 */
#include <asm/extable.h>
#include <kunit/test.h>
#include <linux/console.h>
#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <janus/log.h>

#define LINE IRQ_SIM_BASE

static char captured[2048];
static unsigned int captured_len;
static enum { QUIET, FIRE_IRQ, FAULT } console_trick;

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
	}
}

static struct console trick_console = { .name = "trick", .write = trick_console_write };

static int setup(struct kunit *test)
{
	(void)test;
	captured_len = 0;
	console_trick = QUIET;
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

static struct kunit_case printk_context_cases[] = {
	KUNIT_CASE(a_hardirq_during_printk_prints_too),
	KUNIT_CASE(an_exception_handler_prints_inside_a_console_driver),
	KUNIT_CASE(printk_works_with_interrupts_off),
	{}
};

static struct kunit_suite printk_context_suite = {
	.name = "printk_context",
	.init = setup,
	.exit = teardown,
	.test_cases = printk_context_cases,
};
kunit_test_suite(printk_context_suite);
