/*
 * KTAP suite `lapic`: arch/x86/apic.c. Every CPU's local APIC timer ticks;
 * CPU 0's ticks are exactly the jiffies; no interrupt stays in service after
 * its EOI; the spurious vector is counted, and gets an EOI only when it was
 * really delivered as an interrupt.
 */
#include <asm/apic.h>
#include <asm/irq.h>
#include <asm/irq_vectors.h>
#include <kunit/test.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/hardirq.h>
#include <linux/jiffies.h>
#include <linux/smp.h>
#include "helpers.h"

static int apic_mode_only(struct kunit *test)
{
	if (!apic_in_use)
		kunit_skip(test, "PIC mode (noapic, or no usable MADT)");
	return 0;
}

static void the_timer_ticks_on_every_cpu(struct kunit *test)
{
	unsigned int before[NR_CPUS];
	int cpu;

	for_each_online_cpu(cpu)
		before[cpu] = kstat_vector_cpu(LOCAL_TIMER_VECTOR, cpu);
	for_each_online_cpu(cpu)
		KUNIT_EXPECT_TRUE(test, wait_until(kstat_vector_cpu(LOCAL_TIMER_VECTOR, cpu) >=
						   before[cpu] + 5, TEST_WAIT_MS));
}

/* The boot CPU's local timer is what advances jiffies: one each, and more
 * if the clock says ticks were lost (a busy host may not run a virtual CPU
 * for a while: kernel/time/tick.c). */
static void cpu0_ticks_drive_the_jiffies(struct kunit *test)
{
	unsigned long flags, j0, j1;
	unsigned int t0, t1;

	local_irq_save(flags);
	j0 = jiffies;
	t0 = kstat_vector_cpu(LOCAL_TIMER_VECTOR, 0);
	local_irq_restore(flags);
	KUNIT_EXPECT_TRUE(test, wait_until(kstat_vector_cpu(LOCAL_TIMER_VECTOR, 0) - t0 >= 5,
					   TEST_WAIT_MS));
	local_irq_save(flags);
	j1 = jiffies;
	t1 = kstat_vector_cpu(LOCAL_TIMER_VECTOR, 0);
	local_irq_restore(flags);
	KUNIT_EXPECT_GE(test, t1 - t0, 5u);
	/* Read on another CPU than 0 (the task may move), a tick may fall between
	 * the two reads of a pair. */
	KUNIT_EXPECT_GE(test, j1 - j0 + 1, (unsigned long)(t1 - t0));
	KUNIT_EXPECT_NE(test, lapic_timer_ticks_per_jiffy(), 0ul);
}

struct isr_check {
	unsigned int in_service[NR_CPUS];
	bool in_hardirq[NR_CPUS];
};

static unsigned int vectors_in_service(void)
{
	unsigned int n = 0;

	for (unsigned int v = 0; v < NR_VECTORS; v++)
		n += lapic_vector_in_service(v);
	return n;
}

static void look_at_isr(void *data)
{
	struct isr_check *c = data;

	c->in_service[smp_processor_id()] = vectors_in_service();
	c->in_hardirq[smp_processor_id()] = in_hardirq();
}

/* The function-call handler sends its EOI before it runs the function: so
 * inside it, and back in task context, nothing is in service on any CPU. */
static void every_interrupt_gets_its_eoi(struct kunit *test)
{
	struct isr_check c = { { 0 }, { 0 } };
	int cpu, me;
	unsigned int ticks = kstat_vector_cpu(LOCAL_TIMER_VECTOR, smp_processor_id());

	/* some timer ticks have come and gone */
	KUNIT_EXPECT_TRUE(test, wait_until(kstat_vector_cpu(LOCAL_TIMER_VECTOR, smp_processor_id()) >=
					   ticks + 3, TEST_WAIT_MS));
	KUNIT_EXPECT_EQ(test, vectors_in_service(), 0u);
	me = get_cpu(); /* the CPU that runs it itself; the task may move afterwards */
	on_each_cpu(look_at_isr, &c, 1);
	put_cpu();
	for_each_online_cpu(cpu) {
		KUNIT_EXPECT_EQ(test, c.in_service[cpu], 0u);
		if (cpu != me)
			KUNIT_EXPECT_TRUE(test, c.in_hardirq[cpu]);
	}
}

/* `int $0xff` is what a real spurious interrupt looks like to the CPU: the
 * vector arrives with nothing in service. Counted, and no EOI (an EOI then
 * would end some other interrupt that is in service). */
static void a_spurious_interrupt_is_counted_without_eoi(struct kunit *test)
{
	unsigned int spu = this_cpu_read(irq_spurious_count);
	unsigned long flags;

	local_irq_save(flags);
	int_thunks[SPURIOUS_APIC_VECTOR]();
	KUNIT_EXPECT_EQ(test, this_cpu_read(irq_spurious_count), spu + 1);
	KUNIT_EXPECT_EQ(test, vectors_in_service(), 0u);
	local_irq_restore(flags);
}

/* An IPI on the spurious vector is a real interrupt: it is in service while
 * it runs, so the handler must EOI it, or the APIC would block every vector
 * at or below 0xff, that is all of them. */
static void an_ipi_on_the_spurious_vector_gets_its_eoi(struct kunit *test)
{
	unsigned int spu = this_cpu_read(irq_spurious_count), ticks;
	unsigned long flags;

	local_irq_save(flags);
	apic_send_ipi(lapic_id(), SPURIOUS_APIC_VECTOR);
	local_irq_restore(flags); /* it arrives here */
	KUNIT_EXPECT_EQ(test, this_cpu_read(irq_spurious_count), spu + 1);
	KUNIT_EXPECT_EQ(test, vectors_in_service(), 0u);
	ticks = kstat_vector_cpu(LOCAL_TIMER_VECTOR, smp_processor_id());
	KUNIT_EXPECT_TRUE(test, wait_until(kstat_vector_cpu(LOCAL_TIMER_VECTOR,
							     smp_processor_id()) > ticks + 1, TEST_WAIT_MS));
}

/* The error interrupt reads and clears the error status register, counts
 * (ERR row) and says what it found. QEMU records errors in the ESR but never
 * raises this interrupt itself, so the test sends it as an IPI. */
static void the_error_interrupt_is_counted_and_eoied(struct kunit *test)
{
	unsigned int errors = this_cpu_read(apic_errors);
	unsigned long flags;

	local_irq_save(flags);
	apic_send_ipi(lapic_id(), ERROR_APIC_VECTOR);
	local_irq_restore(flags);
	KUNIT_EXPECT_EQ(test, this_cpu_read(apic_errors), errors + 1);
	KUNIT_EXPECT_EQ(test, vectors_in_service(), 0u);
}

static struct kunit_case lapic_cases[] = {
	KUNIT_CASE(the_timer_ticks_on_every_cpu),
	KUNIT_CASE(cpu0_ticks_drive_the_jiffies),
	KUNIT_CASE(every_interrupt_gets_its_eoi),
	KUNIT_CASE(a_spurious_interrupt_is_counted_without_eoi),
	KUNIT_CASE(an_ipi_on_the_spurious_vector_gets_its_eoi),
	KUNIT_CASE(the_error_interrupt_is_counted_and_eoied),
	{}
};

static struct kunit_suite lapic_suite = {
	.name = "lapic",
	.init = apic_mode_only,
	.test_cases = lapic_cases,
};
kunit_test_suite(lapic_suite);
