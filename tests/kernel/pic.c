/* KTAP suite `pic`: the 8259A pair of arch/x86/pic.c: remapping, masking, EOI, spurious IRQs. */
#include <asm/apic.h>
#include <asm/irq.h>
#include <asm/pic.h>
#include <kunit/test.h>
#include <linux/interrupt.h>
#include <linux/irqdesc.h>
#include "helpers.h"

static void the_timer_arrives_on_its_remapped_vector(struct kunit *test)
{
	unsigned int before = kstat_irqs(0);

	/* Unremapped, IRQ 0 would arrive on vector 8 and look like a double fault. */
	KUNIT_EXPECT_TRUE(test, wait_until(kstat_irqs(0) >= before + 3, TEST_WAIT_MS));
	KUNIT_EXPECT_EQ(test, irq_to_desc(0)->irq_data.chip->name[0], 'X');
}

static void every_interrupt_gets_its_eoi(struct kunit *test)
{
	unsigned int before = kstat_irqs(0);

	KUNIT_ASSERT_TRUE(test, wait_until(kstat_irqs(0) >= before + 2, TEST_WAIT_MS));
	/* Back in task context, nothing is left in service at either chip. */
	KUNIT_EXPECT_EQ(test, pic_read_isr(), 0);
}

static unsigned int irq5_calls;

static irqreturn_t count_irq5(int irq, void *dev)
{
	(void)irq;
	(void)dev;
	irq5_calls++;
	return IRQ_HANDLED;
}

static void masking_reaches_the_hardware(struct kunit *test)
{
	int dev;

	KUNIT_EXPECT_TRUE(test, pic_read_imr() & (1u << 5)); /* unused lines stay masked */
	KUNIT_EXPECT_FALSE(test, pic_read_imr() & (1u << PIC_CASCADE_IRQ));
	KUNIT_ASSERT_EQ(test, request_irq(5, count_irq5, 0, "pic-test", &dev), 0);
	KUNIT_EXPECT_FALSE(test, pic_read_imr() & (1u << 5));
	disable_irq(5);
	KUNIT_EXPECT_TRUE(test, pic_read_imr() & (1u << 5));
	enable_irq(5);
	KUNIT_EXPECT_FALSE(test, pic_read_imr() & (1u << 5));
	free_irq(5, &dev);
	KUNIT_EXPECT_TRUE(test, pic_read_imr() & (1u << 5));
	KUNIT_EXPECT_FALSE(test, pic_read_imr() & 1u); /* the timer was never touched */
}

static void a_slave_line_unmasks_on_the_slave_chip(struct kunit *test)
{
	int dev;

	KUNIT_ASSERT_EQ(test, request_irq(11, count_irq5, 0, "pic-test", &dev), 0);
	KUNIT_EXPECT_FALSE(test, pic_read_imr() & (1u << 11));
	KUNIT_EXPECT_TRUE(test, pic_read_imr() & (1u << 10));
	free_irq(11, &dev);
	KUNIT_EXPECT_TRUE(test, pic_read_imr() & (1u << 11));
}

/* `int $0x27` is what the CPU sees when the master reports a request that vanished. */
static void spurious_irq7_is_counted_and_not_handled(struct kunit *test)
{
	unsigned int spu = this_cpu_read(irq_spurious_count);
	unsigned int desc_spu = irq_to_desc(7)->spurious;
	int dev;

	irq5_calls = 0;
	KUNIT_ASSERT_EQ(test, request_irq(7, count_irq5, 0, "pic-test", &dev), 0);
	int_thunks[IRQ_TO_VECTOR(7)]();
	int_thunks[IRQ_TO_VECTOR(7)]();
	free_irq(7, &dev);
	KUNIT_EXPECT_EQ(test, irq5_calls, 0u);
	KUNIT_EXPECT_EQ(test, this_cpu_read(irq_spurious_count), spu + 2);
	KUNIT_EXPECT_EQ(test, irq_to_desc(7)->spurious, desc_spu + 2);
	KUNIT_EXPECT_EQ(test, pic_read_isr(), 0);
}

static void spurious_irq15_is_counted(struct kunit *test)
{
	unsigned int spu = this_cpu_read(irq_spurious_count);

	int_thunks[IRQ_TO_VECTOR(15)]();
	KUNIT_EXPECT_EQ(test, this_cpu_read(irq_spurious_count), spu + 1);
	KUNIT_EXPECT_EQ(test, pic_read_isr(), 0);
	/* And the kernel is fine: the tick still comes. */
	spu = kstat_irqs(0);
	KUNIT_EXPECT_TRUE(test, wait_until(kstat_irqs(0) > spu, TEST_WAIT_MS));
}

static struct kunit_case pic_cases[] = {
	KUNIT_CASE(the_timer_arrives_on_its_remapped_vector),
	KUNIT_CASE(every_interrupt_gets_its_eoi),
	KUNIT_CASE(masking_reaches_the_hardware),
	KUNIT_CASE(a_slave_line_unmasks_on_the_slave_chip),
	KUNIT_CASE(spurious_irq7_is_counted_and_not_handled),
	KUNIT_CASE(spurious_irq15_is_counted),
	{}
};

/* With the APIC, the 8259s only sit there masked (the ioapic suite checks that). */
static int pic_mode_only(struct kunit *test)
{
	if (apic_in_use)
		kunit_skip(test, "APIC mode: the IO-APIC carries the ISA lines");
	return 0;
}

static struct kunit_suite pic_suite = {
	.name = "pic",
	.init = pic_mode_only,
	.test_cases = pic_cases,
};
kunit_test_suite(pic_suite);
