/*
 * KTAP suite `ioapic`: arch/x86/ioapic.c. In APIC mode the ISA lines come in
 * through the IO-APIC, wired as the MADT says, with the 8259s fully masked.
 * The PIT's channel 0, which is not the tick in APIC mode, serves as a real
 * device on IRQ 0 (IO-APIC pin 2): it delivers, masking stops it, and
 * irq_set_affinity() moves it from CPU to CPU. The chip writes a pin only
 * when its masked state changes: what the pin holds must still follow
 * nested disables, affinity and the edge flow.
 */
#include <asm/acpi.h>
#include <asm/apic.h>
#include <asm/pic.h>
#include <asm/pit.h>
#include <kunit/test.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/irqdesc.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/workqueue.h>
#include <linux/string.h>
#include "helpers.h"

struct pit_dev {
	unsigned int calls[NR_CPUS];
	unsigned int masked_in_handler;
};

static struct pit_dev pit_dev;

static irqreturn_t pit_interrupt(int irq, void *data)
{
	struct pit_dev *dev = data;

	dev->calls[smp_processor_id()]++;
	if (ioapic_pin_masked(irq))
		dev->masked_in_handler++;
	return IRQ_HANDLED;
}

static unsigned int total_calls(void)
{
	unsigned int n = 0;
	int cpu;

	for_each_online_cpu(cpu)
		n += READ_ONCE(pit_dev.calls[cpu]);
	return n;
}

static int apic_mode_only(struct kunit *test)
{
	if (!apic_in_use)
		kunit_skip(test, "PIC mode (noapic, or no usable MADT)");
	return 0;
}

/* Each case that needs it gets the PIT at 1000 Hz on IRQ 0. */
static void start_pit(struct kunit *test)
{
	memset(&pit_dev, 0, sizeof(pit_dev));
	KUNIT_ASSERT_EQ(test, request_irq(0, pit_interrupt, 0, "pit-test", &pit_dev), 0);
	pit_set_periodic(1000);
}

static void stop_pit(struct kunit *test)
{
	(void)test;
	if (irq_to_desc(0)->action && irq_to_desc(0)->action->dev_id == &pit_dev) {
		pit_stop();
		irq_set_affinity(0, cpumask_of(0));
		free_irq(0, &pit_dev);
	}
}

static void the_8259s_are_fully_masked(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, pic_read_imr(), 0xffff);
}

/* Every ISA line sits on the pin the MADT names, with its trigger and polarity. */
static void isa_lines_are_wired_as_the_madt_says(struct kunit *test)
{
	for (unsigned int irq = 0; irq < NR_IRQS_LEGACY; irq++) {
		const struct acpi_override *o = acpi_isa_override(irq);
		bool level, active_low;
		int pin = ioapic_pin_of(irq, &level, &active_low);

		if (irq == 2) { /* the old cascade: its pin went to the PIT */
			KUNIT_EXPECT_EQ(test, pin, -1);
			continue;
		}
		KUNIT_EXPECT_EQ(test, pin, o ? (int)o->gsi : (int)irq);
		KUNIT_EXPECT_EQ(test, level, o && (o->flags & ACPI_TRIGGER_MASK) == ACPI_TRIGGER_LEVEL);
		KUNIT_EXPECT_EQ(test, active_low,
				o && (o->flags & ACPI_POLARITY_MASK) == ACPI_POLARITY_ACTIVE_LOW);
		KUNIT_EXPECT_STREQ(test, irq_to_desc(irq)->irq_data.chip->name, "IO-APIC");
	}
}

static void a_routed_line_delivers(struct kunit *test)
{
	unsigned int arrivals = kstat_irqs(0);

	start_pit(test);
	KUNIT_EXPECT_FALSE(test, ioapic_pin_masked(0));
	KUNIT_EXPECT_TRUE(test, wait_until(total_calls() >= 20, TEST_WAIT_MS));
	pit_stop();
	/* Every arrival ran the handler exactly once (one may still be on its way). */
	KUNIT_EXPECT_TRUE(test, wait_until(kstat_irqs(0) - arrivals == total_calls(), TEST_WAIT_MS));
	/* An edge-triggered pin stays unmasked while its handler runs: the IO-APIC
	 * would drop an edge that came meanwhile. */
	KUNIT_EXPECT_EQ(test, READ_ONCE(pit_dev.masked_in_handler), 0u);
	stop_pit(test);
	KUNIT_EXPECT_TRUE(test, ioapic_pin_masked(0)); /* no handler: masked again */
}

static void nothing(struct work_struct *w)
{
	(void)w;
}

/*
 * An arrival sent to a CPU before its line was masked or moved waits in that
 * CPU's local APIC until the CPU runs with interrupts on: once a kworker of
 * each online CPU but @except (-1: none) has run an item, each such arrival
 * has been handled. (Two arrivals on a moved line's new CPU were taken to
 * show it: a host that did not run the old CPU for that long delivered one
 * there afterwards, stress smp4.)
 */
static void cpus_ran_with_interrupts_on(int except)
{
	struct work_struct w;
	int cpu;

	for_each_online_cpu(cpu) {
		if (cpu == except)
			continue;
		INIT_WORK(&w, nothing);
		queue_work_on(cpu, system_wq, &w);
		flush_work(&w);
	}
}

static void masking_stops_delivery(struct kunit *test)
{
	unsigned int frozen;

	start_pit(test);
	KUNIT_ASSERT_TRUE(test, wait_until(total_calls() >= 5, TEST_WAIT_MS));
	disable_irq(0);
	KUNIT_EXPECT_TRUE(test, ioapic_pin_masked(0));
	cpus_ran_with_interrupts_on(-1);
	frozen = total_calls();
	/* Not a synchronisation but the span watched: 50 PIT periods in which
	 * the masked line must deliver nothing. A loaded host can only shorten
	 * it in PIT periods (a weaker check), never make the case fail. */
	msleep(50);
	KUNIT_EXPECT_EQ(test, total_calls(), frozen);
	enable_irq(0);
	KUNIT_EXPECT_FALSE(test, ioapic_pin_masked(0));
	KUNIT_EXPECT_TRUE(test, wait_until(total_calls() >= frozen + 10, TEST_WAIT_MS));
	stop_pit(test);
}

/* Only the last of nested enables unmasks the pin; moving a masked line keeps
 * it masked, and the unmask that follows keeps the new destination. */
static void the_pin_follows_nested_disables_and_affinity(struct kunit *test)
{
	int cpu, last = 0;
	unsigned int before;

	for_each_online_cpu(cpu)
		last = cpu;
	start_pit(test);
	KUNIT_EXPECT_FALSE(test, ioapic_pin_masked(0));
	disable_irq(0);
	disable_irq(0);
	KUNIT_EXPECT_TRUE(test, ioapic_pin_masked(0));
	enable_irq(0);
	KUNIT_EXPECT_TRUE(test, ioapic_pin_masked(0));
	KUNIT_ASSERT_EQ(test, irq_set_affinity(0, cpumask_of(last)), 0);
	KUNIT_EXPECT_TRUE(test, ioapic_pin_masked(0));
	before = READ_ONCE(pit_dev.calls[last]);
	enable_irq(0);
	KUNIT_EXPECT_FALSE(test, ioapic_pin_masked(0));
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(pit_dev.calls[last]) >= before + 10,
					   TEST_WAIT_MS));
	stop_pit(test);
	KUNIT_EXPECT_TRUE(test, ioapic_pin_masked(0));
}

/* The interrupt listing's row for IRQ 0, as text. */
static void listing_row(char *row, size_t size)
{
	struct seq_file m = { .size = 4096 };
	char *line, *end;

	row[0] = '\0';
	m.buf = kzalloc(m.size, GFP_KERNEL);
	if (!m.buf)
		return;
	show_interrupts(&m);
	line = strstr(m.buf, "  0:");
	if (line) {
		end = strchr(line, '\n');
		strscpy(row, line, end ? min(size, (size_t)(end - line) + 1) : size);
	}
	kfree(m.buf);
}

static void affinity_moves_delivery_from_cpu_to_cpu(struct kunit *test)
{
	static char row[80 + 11 * NR_CPUS]; /* "   0: " + a column per CPU + the names */
	int cpu, other;

	start_pit(test);
	for_each_online_cpu(cpu) {
		unsigned int before[NR_CPUS], kstat_before;

		unsigned int first = READ_ONCE(pit_dev.calls[cpu]);

		KUNIT_ASSERT_EQ(test, irq_set_affinity(0, cpumask_of(cpu)), 0);
		cpus_ran_with_interrupts_on(cpu);
		KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(pit_dev.calls[cpu]) >= first + 2,
						   TEST_WAIT_MS));
		for_each_online_cpu(other)
			before[other] = READ_ONCE(pit_dev.calls[other]);
		kstat_before = irq_to_desc(0)->kstat_irqs[cpu];
		KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(pit_dev.calls[cpu]) >= before[cpu] + 10 &&
						   irq_to_desc(0)->kstat_irqs[cpu] >= kstat_before + 10,
						   TEST_WAIT_MS));
		for_each_online_cpu(other) {
			unsigned int delta = READ_ONCE(pit_dev.calls[other]) - before[other];
			if (other == cpu)
				KUNIT_EXPECT_GE(test, delta, 10u);
			else
				KUNIT_EXPECT_EQ(test, delta, 0u);
		}
		/* The listing counts the same arrivals, in the column of that CPU. */
		KUNIT_EXPECT_GE(test, irq_to_desc(0)->kstat_irqs[cpu] - kstat_before, 10u);
	}
	listing_row(row, sizeof(row));
	kunit_info(test, "%s", row);
	KUNIT_EXPECT_NOT_NULL(test, strstr(row, "IO-APIC"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(row, "pit-test"));
	KUNIT_EXPECT_EQ(test, irq_set_affinity(0, &(struct cpumask){ 0 }), -EINVAL);
	stop_pit(test);
}

static struct kunit_case ioapic_cases[] = {
	KUNIT_CASE(the_8259s_are_fully_masked),
	KUNIT_CASE(isa_lines_are_wired_as_the_madt_says),
	KUNIT_CASE(a_routed_line_delivers),
	KUNIT_CASE(masking_stops_delivery),
	KUNIT_CASE(the_pin_follows_nested_disables_and_affinity),
	KUNIT_CASE(affinity_moves_delivery_from_cpu_to_cpu),
	{}
};

static struct kunit_suite ioapic_suite = {
	.name = "ioapic",
	.init = apic_mode_only,
	.exit = stop_pit,
	.test_cases = ioapic_cases,
};
kunit_test_suite(ioapic_suite);
