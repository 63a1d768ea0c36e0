/*
 * KTAP suite `acpi`: arch/x86/acpi.c. What Janus read from the firmware's
 * MADT must match what QEMU was told (fw_cfg); a hand-made MADT checks the
 * parser itself, including the tables it must refuse.
 */
#include <asm/acpi.h>
#include <asm/apic.h>
#include <kunit/test.h>
#include <linux/string.h>
#include "helpers.h"

static void the_madt_lists_as_many_cpus_as_qemu_has(struct kunit *test)
{
	unsigned int qemu = qemu_nr_cpus();

	if (!acpi_madt.valid)
		kunit_skip(test, "no valid MADT (QEMU without ACPI?)");
	if (!qemu)
		kunit_skip(test, "no fw_cfg device to ask");
	KUNIT_EXPECT_EQ(test, acpi_madt.nr_cpus + acpi_madt.cpus_ignored, qemu);
}

static void the_cpus_have_distinct_apic_ids(struct kunit *test)
{
	if (acpi_madt.nr_cpus < 2)
		kunit_skip(test, "%u CPU in the MADT: nothing to compare", acpi_madt.nr_cpus);
	for (unsigned int i = 0; i < acpi_madt.nr_cpus; i++)
		for (unsigned int j = i + 1; j < acpi_madt.nr_cpus; j++)
			KUNIT_EXPECT_NE(test, acpi_madt.apic_ids[i], acpi_madt.apic_ids[j]);
}

static void an_io_apic_is_found(struct kunit *test)
{
	if (!acpi_madt.valid)
		kunit_skip(test, "no valid MADT");
	KUNIT_EXPECT_GE(test, acpi_madt.nr_ioapics, 1u);
	KUNIT_EXPECT_EQ(test, acpi_madt.ioapics[0].addr & 0xfff, 0ul);
	KUNIT_EXPECT_NE(test, acpi_madt.ioapics[0].addr, 0ul);
	KUNIT_EXPECT_EQ(test, acpi_madt.ioapics[0].gsi_base, 0u);
	KUNIT_EXPECT_EQ(test, acpi_madt.lapic_base, 0xfee00000ul);
}

/* On QEMU's PC the PIT's IRQ 0 is wired to IO-APIC input 2. */
static void irq0_is_overridden_to_gsi2(struct kunit *test)
{
	const struct acpi_override *o = acpi_isa_override(0);
	bool level, active_low;

	if (!acpi_madt.valid)
		kunit_skip(test, "no valid MADT");
	KUNIT_ASSERT_NOT_NULL(test, o);
	KUNIT_EXPECT_EQ(test, o->gsi, 2u);
	if (!apic_in_use)
		return;
	/* ... and the IO-APIC routing follows it. */
	KUNIT_EXPECT_EQ(test, ioapic_pin_of(0, &level, &active_low), 2);
	KUNIT_EXPECT_FALSE(test, level);
	KUNIT_EXPECT_FALSE(test, active_low);
}

/* A MADT as firmware would build it: header, local APIC address, flags, entries. */
struct test_madt {
	u8 bytes[128];
	size_t len;
};

static void add_bytes(struct test_madt *t, const u8 *b, size_t n)
{
	memcpy(t->bytes + t->len, b, n);
	t->len += n;
}

static void finish(struct test_madt *t)
{
	u8 sum = 0;

	memcpy(t->bytes + 4, &(u32){ t->len }, 4);
	t->bytes[9] = 0;
	for (size_t i = 0; i < t->len; i++)
		sum += t->bytes[i];
	t->bytes[9] = -sum;
}

static void build_madt(struct test_madt *t)
{
	static const u8 header[44] = { 'A', 'P', 'I', 'C', [8] = 3, [36] = 0x00, 0x00, 0xe0, 0xfe,
				       [40] = 1 };
	static const u8 cpu0[] = { 0, 8, 0, 0, 1, 0, 0, 0 };     /* processor 0, APIC id 0 */
	static const u8 cpu1[] = { 0, 8, 1, 6, 1, 0, 0, 0 };     /* processor 1, APIC id 6 */
	static const u8 offline[] = { 0, 8, 2, 7, 0, 0, 0, 0 };  /* not enabled: not a CPU */
	static const u8 ioapic[] = { 1, 12, 9, 0, 0x00, 0x00, 0xc0, 0xfe, 0, 0, 0, 0 };
	static const u8 irq0[] = { 2, 10, 0, 0, 2, 0, 0, 0, 0, 0 };    /* IRQ 0 -> GSI 2 */
	static const u8 irq9[] = { 2, 10, 0, 9, 9, 0, 0, 0, 0x0f, 0 }; /* level, active low */

	t->len = 0;
	add_bytes(t, header, sizeof(header));
	add_bytes(t, cpu0, sizeof(cpu0));
	add_bytes(t, cpu1, sizeof(cpu1));
	add_bytes(t, offline, sizeof(offline));
	add_bytes(t, ioapic, sizeof(ioapic));
	add_bytes(t, irq0, sizeof(irq0));
	add_bytes(t, irq9, sizeof(irq9));
	finish(t);
}

static void a_madt_is_parsed_entry_by_entry(struct kunit *test)
{
	struct test_madt t;
	struct acpi_madt_info info;

	build_madt(&t);
	KUNIT_ASSERT_TRUE(test, acpi_parse_madt(t.bytes, &info));
	KUNIT_EXPECT_TRUE(test, info.valid);
	KUNIT_EXPECT_EQ(test, info.lapic_base, 0xfee00000ul);
	KUNIT_EXPECT_TRUE(test, info.pcat_compat);
	KUNIT_EXPECT_EQ(test, info.nr_cpus, 2u); /* the disabled one is not counted */
	KUNIT_EXPECT_EQ(test, info.apic_ids[1], 6);
	KUNIT_EXPECT_EQ(test, info.nr_ioapics, 1u);
	KUNIT_EXPECT_EQ(test, info.ioapics[0].id, 9);
	KUNIT_EXPECT_EQ(test, info.ioapics[0].addr, 0xfec00000ul);
	KUNIT_EXPECT_EQ(test, info.nr_overrides, 2u);
	KUNIT_EXPECT_EQ(test, info.overrides[0].gsi, 2u);
	KUNIT_EXPECT_EQ(test, info.overrides[1].source_irq, 9);
	KUNIT_EXPECT_EQ(test, info.overrides[1].flags & ACPI_TRIGGER_MASK, ACPI_TRIGGER_LEVEL);
	KUNIT_EXPECT_EQ(test, info.overrides[1].flags & ACPI_POLARITY_MASK,
			ACPI_POLARITY_ACTIVE_LOW);
}

static void a_bad_checksum_is_refused(struct kunit *test)
{
	struct test_madt t;
	struct acpi_madt_info info;

	build_madt(&t);
	t.bytes[50]++; /* one byte of an entry changed */
	KUNIT_EXPECT_FALSE(test, acpi_parse_madt(t.bytes, &info));
	KUNIT_EXPECT_FALSE(test, info.valid);
}

static void another_table_is_not_a_madt(struct kunit *test)
{
	struct test_madt t;
	struct acpi_madt_info info;

	build_madt(&t);
	memcpy(t.bytes, "FACP", 4);
	finish(&t);
	KUNIT_EXPECT_FALSE(test, acpi_parse_madt(t.bytes, &info));
}

/* An entry whose length runs past the table ends the walk: nothing is read
 * from beyond it, and what came before still counts. */
static void a_truncated_entry_stops_the_walk(struct kunit *test)
{
	struct test_madt t;
	struct acpi_madt_info info;

	build_madt(&t);
	t.len -= 3; /* the last override now sticks out of the table */
	finish(&t);
	KUNIT_ASSERT_TRUE(test, acpi_parse_madt(t.bytes, &info));
	KUNIT_EXPECT_EQ(test, info.nr_cpus, 2u);
	KUNIT_EXPECT_EQ(test, info.nr_overrides, 1u);
}

static void a_madt_without_ioapic_is_not_usable(struct kunit *test)
{
	struct test_madt t;
	struct acpi_madt_info info;

	build_madt(&t);
	t.bytes[44 + 3 * 8] = 0x7f; /* the IO-APIC entry becomes an unknown type */
	finish(&t);
	KUNIT_ASSERT_TRUE(test, acpi_parse_madt(t.bytes, &info));
	KUNIT_EXPECT_EQ(test, info.nr_ioapics, 0u);
	KUNIT_EXPECT_FALSE(test, info.valid); /* Janus would stay on the 8259 */
}

static struct kunit_case acpi_cases[] = {
	KUNIT_CASE(the_madt_lists_as_many_cpus_as_qemu_has),
	KUNIT_CASE(the_cpus_have_distinct_apic_ids),
	KUNIT_CASE(an_io_apic_is_found),
	KUNIT_CASE(irq0_is_overridden_to_gsi2),
	KUNIT_CASE(a_madt_is_parsed_entry_by_entry),
	KUNIT_CASE(a_bad_checksum_is_refused),
	KUNIT_CASE(another_table_is_not_a_madt),
	KUNIT_CASE(a_truncated_entry_stops_the_walk),
	KUNIT_CASE(a_madt_without_ioapic_is_not_usable),
	{}
};

static struct kunit_suite acpi_suite = {
	.name = "acpi",
	.test_cases = acpi_cases,
};
kunit_test_suite(acpi_suite);
