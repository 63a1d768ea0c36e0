/*
 * KTAP suite `pci`: the PCI core (drivers/pci/) and its example device,
 * QEMU's edu (drivers/misc/edu.c). Enumeration, configuration space, BAR
 * sizing, the /proc listing, binding drivers by id table, and the two ways a
 * device interrupts: an MSI vector of its own, or its INTx pin on a shared,
 * level-triggered line (IO-APIC, or the 8259 under noapic). The edu cases
 * skip on a machine without `-device edu`.
 */
#include <asm/apic.h>
#include <asm/io.h>
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/irqdesc.h>
#include <linux/pci.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/vmalloc.h>
#include "../../drivers/misc/edu.h"
#include "helpers.h"
#include "user_helpers.h"

#define INTEL_82441FX 0x1237 /* the i440FX host bridge, 00:00.0 on QEMU's PC */
#define INTEL_82540EM 0x100e
#define QEMU_EDU 0x11e8

static void the_host_bridge_is_found_at_00_00_0(struct kunit *test)
{
	struct pci_dev *dev = pci_get_domain_bus_and_slot(0, 0, PCI_DEVFN(0, 0));

	KUNIT_ASSERT_NOT_NULL(test, dev);
	KUNIT_EXPECT_EQ(test, dev->vendor, PCI_VENDOR_ID_INTEL);
	KUNIT_EXPECT_EQ(test, dev->device, INTEL_82441FX);
	KUNIT_EXPECT_EQ(test, dev->class >> 8, (unsigned int)PCI_CLASS_BRIDGE_HOST);
	KUNIT_EXPECT_STREQ(test, pci_name(dev), "0000:00:00.0");
	KUNIT_EXPECT_NULL(test, pci_get_domain_bus_and_slot(0, 0, PCI_DEVFN(31, 7)));
}

static void config_space_agrees_with_the_scan(struct kunit *test)
{
	struct pci_dev *dev = NULL;
	unsigned int n = 0;

	for_each_pci_dev(dev) {
		u32 id, class_rev;
		KUNIT_EXPECT_EQ(test, pci_read_config_dword(dev, PCI_VENDOR_ID, &id), 0);
		KUNIT_EXPECT_EQ(test, id, (u32)dev->device << 16 | dev->vendor);
		pci_read_config_dword(dev, PCI_CLASS_REVISION, &class_rev);
		KUNIT_EXPECT_EQ(test, class_rev >> 8, dev->class);
		n++;
	}
	/* QEMU's PC: host bridge, PIIX3 ISA and IDE, PIIX4 ACPI, VGA at least. */
	KUNIT_EXPECT_GE(test, n, 5u);
}

static void config_writes_stick_and_bad_offsets_are_refused(struct kunit *test)
{
	struct pci_dev *dev = NULL;
	u8 saved, seen;
	u16 word;

	/* The Interrupt Line register is read/write on every function with an
	 * interrupt pin (PCI 3.0, 6.2.4): software's scratch byte. (Cache Line
	 * Size may be read-only: Bochs's host bridge keeps it 0.) */
	for_each_pci_dev(dev)
		if (dev->pin)
			break;
	KUNIT_ASSERT_NOT_NULL(test, dev);
	pci_read_config_byte(dev, PCI_INTERRUPT_LINE, &saved);
	KUNIT_EXPECT_EQ(test, pci_write_config_byte(dev, PCI_INTERRUPT_LINE, saved ^ 0x5a), 0);
	pci_read_config_byte(dev, PCI_INTERRUPT_LINE, &seen);
	KUNIT_EXPECT_EQ(test, seen, saved ^ 0x5a);
	pci_write_config_byte(dev, PCI_INTERRUPT_LINE, saved);
	KUNIT_EXPECT_EQ(test, pci_read_config_word(dev, 0x03, &word), -EINVAL);  /* misaligned */
	KUNIT_EXPECT_EQ(test, pci_read_config_word(dev, 0x100, &word), -EINVAL); /* past 256 */
	KUNIT_EXPECT_EQ(test, word, 0xffff);
}

static void bar_sizes_are_learned_by_writing_ones(struct kunit *test)
{
	struct pci_dev *nic = pci_get_device(PCI_VENDOR_ID_INTEL, INTEL_82540EM, NULL);
	struct pci_dev *edu = pci_get_device(PCI_VENDOR_ID_QEMU, QEMU_EDU, NULL);
	u32 bar0;

	if (!nic && !edu)
		kunit_skip(test, "no e1000 or edu device");
	if (nic) { /* 128 KiB of registers, and 64 I/O ports (IOADDR/IODATA) */
		KUNIT_EXPECT_EQ(test, pci_resource_len(nic, 0), 128 * 1024ull);
		KUNIT_EXPECT_TRUE(test, pci_resource_flags(nic, 0) & IORESOURCE_MEM);
		KUNIT_EXPECT_EQ(test, pci_resource_len(nic, 1), 64ull);
		KUNIT_EXPECT_TRUE(test, pci_resource_flags(nic, 1) & IORESOURCE_IO);
		/* Sizing put the firmware's address back. */
		pci_read_config_dword(nic, PCI_BASE_ADDRESS_0, &bar0);
		KUNIT_EXPECT_EQ(test, bar0 & PCI_BASE_ADDRESS_MEM_MASK, (u32)pci_resource_start(nic, 0));
	}
	if (edu) {
		KUNIT_EXPECT_EQ(test, pci_resource_len(edu, 0), 1024 * 1024ull);
		KUNIT_EXPECT_EQ(test, pci_resource_len(edu, 1), 0ull);
		KUNIT_EXPECT_NE(test, edu->msi_cap, 0);
	}
}

static void proc_bus_pci_devices_has_a_line_per_function(struct kunit *test)
{
	struct seq_file m = { .size = 8192 };
	struct pci_dev *dev = NULL;
	unsigned int devices = 0, lines = 0;
	char want[16];

	m.buf = kzalloc(m.size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m.buf);
	pci_devices_show(&m, NULL);
	for (size_t i = 0; i < m.count; i++)
		lines += m.buf[i] == '\n';
	for_each_pci_dev(dev)
		devices++;
	KUNIT_EXPECT_EQ(test, lines, devices);
	/* The host bridge's line: bus and devfn, vendor and device, IRQ 0. */
	KUNIT_EXPECT_EQ(test, strncmp(m.buf, "0000\t80861237\t0\t", 16), 0);
	/* 7 start columns and 7 size columns, then the driver. */
	dev = pci_get_device(PCI_VENDOR_ID_QEMU, QEMU_EDU, NULL);
	if (dev) {
		snprintf(want, sizeof(want), "\n%02x%02x\t123411e8", dev->bus->number, dev->devfn);
		KUNIT_EXPECT_NOT_NULL(test, strstr(m.buf, want));
		KUNIT_EXPECT_NOT_NULL(test, strstr(m.buf, " 100000\t")); /* its 1 MiB BAR */
		KUNIT_EXPECT_NOT_NULL(test, strstr(m.buf, "\tedu\n"));
	}
	kfree(m.buf);
}

/* A driver for the host bridge, which no other driver claims. */
static struct {
	unsigned int probes, removes;
	int probe_ret;
	bool enable_and_fail;
	struct pci_dev *dev;
} probe_log;

static int test_probe(struct pci_dev *dev, const struct pci_device_id *id)
{
	probe_log.probes++;
	probe_log.dev = dev;
	if (id->driver_data != 42)
		return -EINVAL;
	if (probe_log.enable_and_fail) {
		pci_enable_device(dev);
		return -EIO; /* forgets pci_disable_device() */
	}
	return probe_log.probe_ret;
}

static void test_remove(struct pci_dev *dev)
{
	probe_log.removes++;
	probe_log.dev = dev;
}

static const struct pci_device_id test_ids[] = {
	{ PCI_DEVICE(0xffff, 0x0001) }, /* no such device */
	{ PCI_DEVICE_CLASS(PCI_CLASS_BRIDGE_HOST << 8, 0xffff00), .driver_data = 42 },
	{ }
};

static struct pci_driver test_driver = {
	.name = "pci-test",
	.id_table = test_ids,
	.probe = test_probe,
	.remove = test_remove,
};

static void a_driver_is_probed_per_matching_device_and_removed(struct kunit *test)
{
	struct pci_dev *bridge = pci_get_domain_bus_and_slot(0, 0, 0);

	probe_log = (__typeof__(probe_log)){ 0 };
	KUNIT_ASSERT_EQ(test, pci_register_driver(&test_driver), 0);
	KUNIT_EXPECT_EQ(test, probe_log.probes, 1u);
	KUNIT_EXPECT_PTR_EQ(test, probe_log.dev, bridge);
	KUNIT_EXPECT_PTR_EQ(test, bridge->driver, &test_driver);
	KUNIT_EXPECT_STREQ(test, dev_driver_string(&bridge->dev), "pci-test");
	pci_unregister_driver(&test_driver);
	KUNIT_EXPECT_EQ(test, probe_log.removes, 1u);
	KUNIT_EXPECT_NULL(test, bridge->driver);
	KUNIT_EXPECT_EQ(test, pci_register_driver(&(struct pci_driver){ .name = "x" }), -EINVAL);
}

static void a_failed_probe_leaves_the_device_unbound_and_clean(struct kunit *test)
{
	struct pci_dev *bridge = pci_get_domain_bus_and_slot(0, 0, 0);

	probe_log = (__typeof__(probe_log)){ .probe_ret = -ENODEV };
	KUNIT_ASSERT_EQ(test, pci_register_driver(&test_driver), 0);
	KUNIT_EXPECT_EQ(test, probe_log.probes, 1u);
	KUNIT_EXPECT_NULL(test, bridge->driver);
	pci_unregister_driver(&test_driver);
	KUNIT_EXPECT_EQ(test, probe_log.removes, 0u);

	/* A probe that fails but forgets to disable: the core notices and cleans up. */
	probe_log = (__typeof__(probe_log)){ .enable_and_fail = true };
	kunit_expect_report(test, "pci-test 0000:00:00.0: failed probe() left the device enabled");
	KUNIT_ASSERT_EQ(test, pci_register_driver(&test_driver), 0);
	KUNIT_EXPECT_EQ(test, bridge->enable_cnt, 0u);
	KUNIT_EXPECT_NULL(test, bridge->driver);
	pci_unregister_driver(&test_driver);
}

static struct edu_device *need_edu(struct kunit *test)
{
	struct edu_device *edu = edu_find(0);

	if (!edu)
		kunit_skip(test, "no edu device (QEMU -device edu)");
	return edu;
}

static void enabling_turns_on_decoding_and_routes_intx(struct kunit *test)
{
	struct pci_dev *dev = edu_pci_dev(need_edu(test));
	u16 cmd;
	u8 line;

	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	KUNIT_EXPECT_TRUE(test, cmd & PCI_COMMAND_MEMORY);
	KUNIT_EXPECT_TRUE(test, cmd & PCI_COMMAND_MASTER);
	KUNIT_EXPECT_EQ(test, dev->enable_cnt, 1u);
	KUNIT_EXPECT_EQ(test, dev->pin, 1); /* INTA# */
	pci_read_config_byte(dev, PCI_INTERRUPT_LINE, &line);
	KUNIT_EXPECT_EQ(test, dev->irq, (unsigned int)line);
	KUNIT_EXPECT_GT(test, dev->irq, 0u);
	KUNIT_EXPECT_LT(test, dev->irq, (unsigned int)NR_IRQS_LEGACY);
}

/* Raises an edu interrupt and waits for the driver's handler to claim it. */
static bool edu_interrupts(struct edu_device *edu)
{
	unsigned int before = edu_irq_count(edu);

	edu_raise_irq(edu, 0x10000);
	return wait_until(edu_irq_count(edu) != before, 1000);
}

static void edu_has_an_msi_vector_of_its_own(struct kunit *test)
{
	struct edu_device *edu = need_edu(test);
	int irq = edu_irq(edu);
	unsigned int before = kstat_irqs(irq);

	if (!apic_in_use) { /* no local APIC takes the message: INTx it is */
		KUNIT_EXPECT_FALSE(test, edu_uses_msi(edu));
		return;
	}
	KUNIT_ASSERT_TRUE(test, edu_uses_msi(edu));
	KUNIT_EXPECT_GE(test, irq, IRQ_DYNAMIC_BASE);
	KUNIT_EXPECT_TRUE(test, edu_interrupts(edu));
	KUNIT_EXPECT_EQ(test, kstat_irqs(irq), before + 1);
	KUNIT_EXPECT_STREQ(test, irq_to_desc(irq)->irq_data.chip->name, "PCI-MSI");
	KUNIT_EXPECT_STREQ(test, irq_to_desc(irq)->action->name, "edu");
}

static void an_msi_vector_follows_its_affinity(struct kunit *test)
{
	struct edu_device *edu = need_edu(test);
	int irq = edu_irq(edu);
	unsigned int before;

	if (!edu_uses_msi(edu) || num_online_cpus() < 2)
		kunit_skip(test, "needs MSI and a second CPU");
	before = irq_to_desc(irq)->kstat_irqs[1];
	KUNIT_ASSERT_EQ(test, irq_set_affinity(irq, cpumask_of(1)), 0);
	KUNIT_EXPECT_TRUE(test, edu_interrupts(edu));
	KUNIT_EXPECT_EQ(test, irq_to_desc(irq)->kstat_irqs[1], before + 1);
	KUNIT_EXPECT_EQ(test, irq_set_affinity(irq, cpumask_of(0)), 0);
}

struct other_device {
	unsigned int calls;
};

static irqreturn_t other_device_handler(int irq, void *dev_id)
{
	struct other_device *o = dev_id;

	(void)irq;
	o->calls++;
	return IRQ_NONE; /* not its device */
}

static bool line_is_level_triggered(unsigned int irq)
{
	bool level, active_low;

	if (apic_in_use)
		return ioapic_pin_of(irq, &level, &active_low) >= 0 && level;
	return inb(irq < 8 ? 0x4d0 : 0x4d1) & (1u << (irq & 7)); /* the 8259's ELCR */
}

static void edu_intx_is_a_shared_level_triggered_line(struct kunit *test)
{
	struct edu_device *edu = need_edu(test);
	struct other_device other = { 0 };
	struct irq_desc *desc;
	unsigned int unhandled;
	int irq;

	KUNIT_ASSERT_EQ(test, edu_set_irq_mode(edu, PCI_IRQ_LEGACY), 0);
	irq = edu_irq(edu);
	KUNIT_EXPECT_EQ(test, irq, (int)edu_pci_dev(edu)->irq);
	KUNIT_EXPECT_TRUE(test, line_is_level_triggered(irq));
	desc = irq_to_desc(irq);
	unhandled = desc->irqs_unhandled;
	KUNIT_ASSERT_EQ(test, request_irq(irq, other_device_handler, IRQF_SHARED, "other", &other), 0);
	/* The device holds the line asserted until edu's handler acknowledges it;
	 * both handlers of the shared line run, the other one finds nothing. */
	KUNIT_EXPECT_TRUE(test, edu_interrupts(edu));
	KUNIT_EXPECT_GE(test, other.calls, 1u);
	KUNIT_EXPECT_EQ(test, desc->irqs_unhandled, unhandled);
	free_irq(irq, &other);
	KUNIT_EXPECT_EQ(test, edu_set_irq_mode(edu, PCI_IRQ_MSI | PCI_IRQ_LEGACY), 0);
	KUNIT_EXPECT_TRUE(test, edu_interrupts(edu));
}

static void edu_computes_a_factorial_and_interrupts(struct kunit *test)
{
	struct edu_device *edu = need_edu(test);
	unsigned int before = edu_irq_count(edu);
	u32 result = 0;

	KUNIT_ASSERT_EQ(test, edu_factorial(edu, 10, &result), 0);
	KUNIT_EXPECT_EQ(test, result, 3628800u);
	KUNIT_EXPECT_GT(test, edu_irq_count(edu), before);
}

static void edu_dma_round_trip_keeps_every_byte(struct kunit *test)
{
	struct edu_device *edu = need_edu(test);
	u8 *out = kmalloc(EDU_DMA_SIZE, GFP_KERNEL), *in = kzalloc(EDU_DMA_SIZE, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, out);
	KUNIT_ASSERT_NOT_NULL(test, in);
	for (int i = 0; i < EDU_DMA_SIZE; i++)
		out[i] = i * 7 + (i >> 8);
	KUNIT_EXPECT_EQ(test, edu_dma_to_device(edu, out, EDU_DMA_SIZE), 0);
	KUNIT_EXPECT_EQ(test, edu_dma_from_device(edu, in, EDU_DMA_SIZE), 0);
	KUNIT_EXPECT_EQ(test, memcmp(in, out, EDU_DMA_SIZE), 0);
	KUNIT_EXPECT_EQ(test, edu_dma_to_device(edu, out, EDU_DMA_SIZE + 1), -EINVAL);
	kfree(out);
	kfree(in);
}

static void lspci_runs_in_user_mode(struct kunit *test)
{
	KUNIT_EXPECT_PROGRAM_PASSES(test, run_user_program(NULL, "/bin/lspci", "-v", NULL));
}

static struct kunit_case pci_cases[] = {
	KUNIT_CASE(the_host_bridge_is_found_at_00_00_0),
	KUNIT_CASE(config_space_agrees_with_the_scan),
	KUNIT_CASE(config_writes_stick_and_bad_offsets_are_refused),
	KUNIT_CASE(bar_sizes_are_learned_by_writing_ones),
	KUNIT_CASE(proc_bus_pci_devices_has_a_line_per_function),
	KUNIT_CASE(a_driver_is_probed_per_matching_device_and_removed),
	KUNIT_CASE(a_failed_probe_leaves_the_device_unbound_and_clean),
	KUNIT_CASE(enabling_turns_on_decoding_and_routes_intx),
	KUNIT_CASE(edu_has_an_msi_vector_of_its_own),
	KUNIT_CASE(an_msi_vector_follows_its_affinity),
	KUNIT_CASE(edu_intx_is_a_shared_level_triggered_line),
	KUNIT_CASE(edu_computes_a_factorial_and_interrupts),
	KUNIT_CASE(edu_dma_round_trip_keeps_every_byte),
	KUNIT_CASE(lspci_runs_in_user_mode),
	{}
};

static struct kunit_suite pci_suite = {
	.name = "pci",
	.test_cases = pci_cases,
};
kunit_test_suite(pci_suite);
