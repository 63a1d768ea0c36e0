/*
 * KTAP suite `seed003_driver`: seed 003's example driver (drivers/seed003.c),
 * running as the tutorial says. A user process (/bin/seed003) reads
 * /dev/my_proc_context_dev: the read sleeps about one second, counted in
 * jiffies, in that process's context (current is the reader, in_task() is
 * true, preempt_count() 0), and the process gets the data. The shared handler
 * on IRQ 1 runs in interrupt context (in_task() false) when the keyboard
 * controller raises the line: the suite makes it do that.
 */
#include <asm/io.h>
#include <kunit/test.h>
#include <linux/interrupt.h>
#include <linux/irqdesc.h>
#include <linux/jiffies.h>
#include <linux/sprintf.h>
#include <janus/log.h>
#include <janus/vfs.h>
#include "../../drivers/seed003.h"
#include "user_helpers.h"

#define I8042_DATA 0x60
#define I8042_STATUS 0x64
#define I8042_CMD 0x64
#define I8042_INPUT_FULL 0x02
#define I8042_OUTPUT_FULL 0x01
#define I8042_WRITE_KBD_OUTPUT 0xd2 /* the next data byte is "received from the keyboard" */

static void the_driver_registered_its_device_and_its_irq(struct kunit *test)
{
	struct irq_desc *desc = irq_to_desc(SEED003_IRQ);

	KUNIT_EXPECT_GE(test, seed003_seen.major, CHRDEV_MAJOR_DYN_END);
	KUNIT_EXPECT_NOT_NULL(test, devtmpfs_lookup("my_proc_context_dev"));
	KUNIT_ASSERT_NOT_NULL(test, desc->action);
	KUNIT_EXPECT_STREQ(test, desc->action->name, "my_irq_handler");
	KUNIT_EXPECT_TRUE(test, desc->action->flags & IRQF_SHARED);
}

static void a_reader_sleeps_a_second_in_its_own_context(struct kunit *test)
{
	pid_t pid = 0;

	seed003_seen.reader_pid = 0;
	KUNIT_EXPECT_PROGRAM_PASSES(test, run_user_program(&pid, "/bin/seed003", NULL));
	KUNIT_EXPECT_EQ(test, seed003_seen.reader_pid, pid);
	KUNIT_EXPECT_TRUE(test, seed003_seen.read_in_task);
	KUNIT_EXPECT_EQ(test, seed003_seen.read_preempt_count, 0);
	KUNIT_EXPECT_GE(test, seed003_seen.slept_jiffies, (unsigned long)HZ);
	/* Woken by its timer after HZ jiffies, it runs again when its CPU does:
	 * a loaded host may hold that virtual CPU back for seconds while the
	 * tick goes on elsewhere. The bound catches a wrong unit (ms as
	 * jiffies would be 10 s), not the host's scheduling. */
	KUNIT_EXPECT_LE(test, seed003_seen.slept_jiffies, (unsigned long)5 * HZ);
	kunit_info(test, "my_read slept %lu jiffies (HZ=%d)", seed003_seen.slept_jiffies, HZ);
}

static void i8042_write(u8 port, u8 value)
{
	while (inb(I8042_STATUS) & I8042_INPUT_FULL)
		cpu_relax();
	outb(value, port);
}

/* The keyboard controller puts a byte in its output buffer, as if typed,
 * and raises IRQ 1: the seed's handler runs. */
static void the_handler_runs_in_interrupt_context(struct kunit *test)
{
	unsigned int calls = seed003_seen.irq_calls;
	u64 seq = log_next_sequence();

	seed003_seen.irq_in_task = true;
	i8042_write(I8042_CMD, I8042_WRITE_KBD_OUTPUT);
	i8042_write(I8042_DATA, 0x1e);
	KUNIT_EXPECT_TRUE(test, wait_until(seed003_seen.irq_calls > calls, TEST_WAIT_MS));
	if (inb(I8042_STATUS) & I8042_OUTPUT_FULL)
		inb(I8042_DATA); /* the seed's handler does not read it: empty it here */
	KUNIT_EXPECT_FALSE(test, seed003_seen.irq_in_task);
	KUNIT_EXPECT_TRUE(test, log_contains(seq, "Running in interrupt context!"));
}

static struct kunit_case seed003_driver_cases[] = {
	KUNIT_CASE(the_driver_registered_its_device_and_its_irq),
	KUNIT_CASE(a_reader_sleeps_a_second_in_its_own_context),
	KUNIT_CASE(the_handler_runs_in_interrupt_context),
	{}
};

static struct kunit_suite seed003_driver_suite = {
	.name = "seed003_driver",
	.test_cases = seed003_driver_cases,
};
kunit_test_suite(seed003_driver_suite);
