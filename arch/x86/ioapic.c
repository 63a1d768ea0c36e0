/*
 * The IO-APIC: where device interrupt lines come in when the APIC is used.
 * Each input pin has a redirection entry: the vector to send, to which CPU
 * (physical APIC id), the pin's polarity and trigger mode, and a mask bit.
 * The ISA IRQs are wired to the pins as the MADT's overrides say (on QEMU,
 * IRQ 0 to pin 2), with ISA's edge/active-high unless an override says
 * otherwise. IRQ n keeps vector 0x20 + n, as with the 8259.
 */
#include <asm/acpi.h>
#include <asm/apic.h>
#include <asm/io.h>
#include <asm/irq_vectors.h>
#include <asm/page.h>
#include <linux/init.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <linux/spinlock.h>
#include <linux/vmalloc.h>

#define IOREGSEL 0
#define IOWIN 4 /* in u32 units: offset 0x10 */
#define IOAPIC_VER 1
#define IOAPIC_RTE(pin) (0x10 + 2 * (pin))
#define RTE_ACTIVE_LOW (1u << 13)
#define RTE_LEVEL (1u << 15)
#define RTE_MASKED (1u << 16)

struct ioapic_route {
	int pin; /* -1: not wired */
	bool level, active_low, masked;
	u8 dest; /* APIC id */
};

static volatile u32 __iomem *ioapic;
static unsigned int nr_pins;
static struct ioapic_route routes[NR_IRQS_LEGACY];
static DEFINE_SPINLOCK(ioapic_lock);

static u32 ioapic_read(u8 reg)
{
	writel(reg, ioapic + IOREGSEL);
	return readl(ioapic + IOWIN);
}

static void ioapic_write(u8 reg, u32 v)
{
	writel(reg, ioapic + IOREGSEL);
	writel(v, ioapic + IOWIN);
}

/* The low dword of a route: vector, polarity, trigger and the mask bit. */
static u32 route_low(unsigned int irq)
{
	const struct ioapic_route *r = &routes[irq];

	return IRQ_TO_VECTOR(irq) | (r->level ? RTE_LEVEL : 0) |
	       (r->active_low ? RTE_ACTIVE_LOW : 0) | (r->masked ? RTE_MASKED : 0);
}

/* The whole route: the destination (high dword), then the low dword with the mask bit. */
static void write_route(unsigned int irq)
{
	ioapic_write(IOAPIC_RTE(routes[irq].pin) + 1, (u32)routes[irq].dest << 24);
	ioapic_write(IOAPIC_RTE(routes[irq].pin), route_low(irq));
}

/*
 * The flow unmasks every line after its handlers, also an edge-triggered pin
 * that ioapic_mask_ack() left unmasked: a mask or unmask that changes nothing
 * costs no MMIO (each access is a trip into the emulator, or across the bus).
 * desc->lock, held by every caller, keeps routes[].masked from changing under
 * us. A change rewrites only the low dword: the redirection entry is two
 * 32-bit registers, and the destination in the high one stays as it is.
 */
static void set_masked(struct irq_data *d, bool masked)
{
	unsigned long flags;

	if (routes[d->irq].masked == masked)
		return;
	spin_lock_irqsave(&ioapic_lock, flags);
	routes[d->irq].masked = masked;
	ioapic_write(IOAPIC_RTE(routes[d->irq].pin), route_low(d->irq));
	spin_unlock_irqrestore(&ioapic_lock, flags);
}

static void ioapic_mask(struct irq_data *d) { set_masked(d, true); }
static void ioapic_unmask(struct irq_data *d) { set_masked(d, false); }

/* The flow masks the line first, then EOIs: a level-triggered line that is
 * still asserted cannot fire again before its handler has quieted the device. */
static void ioapic_eoi(struct irq_data *d)
{
	(void)d;
	apic_eoi();
}

/* An edge-triggered pin stays unmasked while its handlers run: the IO-APIC
 * drops an edge that arrives on a masked pin, so a device that raises its
 * line again meanwhile (a UART that received another byte) would never
 * interrupt again. The edge is delivered after the handlers return, and the
 * flow's IRQS_INPROGRESS keeps them from running twice at once (Linux's
 * handle_edge_irq does the same). A level-triggered pin is masked. */
static void ioapic_mask_ack(struct irq_data *d)
{
	if (routes[d->irq].level)
		set_masked(d, true);
	apic_eoi();
}

/* Physical destination mode: one CPU, the first online one of dest. */
static int ioapic_set_affinity(struct irq_data *d, const struct cpumask *dest)
{
	int cpu = cpumask_first_online(dest);
	unsigned long flags;

	if (cpu < 0)
		return -EINVAL;
	spin_lock_irqsave(&ioapic_lock, flags);
	routes[d->irq].dest = cpu_to_apic_id[cpu];
	write_route(d->irq);
	spin_unlock_irqrestore(&ioapic_lock, flags);
	return 0;
}

/* As Linux shows it: "IO-APIC   2-edge". */
static void ioapic_print_chip(struct irq_data *d, struct seq_file *m)
{
	seq_printf(m, " %8s %3d-%-5s ", "IO-APIC", routes[d->irq].pin,
		   routes[d->irq].level ? "level" : "edge");
}

static struct irq_chip ioapic_chip = {
	.name = "IO-APIC",
	.irq_mask = ioapic_mask,
	.irq_unmask = ioapic_unmask,
	.irq_mask_ack = ioapic_mask_ack,
	.irq_eoi = ioapic_eoi,
	.irq_set_affinity = ioapic_set_affinity,
	.irq_print_chip = ioapic_print_chip,
};

/**
 * ioapic_pin_of() - The IO-APIC pin an ISA IRQ is wired to, and how it triggers.
 * @irq:        the ISA IRQ (0-15)
 * @level:      set to true if it is level-triggered
 * @active_low: set to true if it is active low
 *
 * Context: any context; does not sleep.
 * Return: the pin, or -1 if @irq is not routed.
 */
int ioapic_pin_of(unsigned int irq, bool *level, bool *active_low)
{
	if (irq >= NR_IRQS_LEGACY || routes[irq].pin < 0)
		return -1;
	*level = routes[irq].level;
	*active_low = routes[irq].active_low;
	return routes[irq].pin;
}

/**
 * ioapic_route_pci_irq() - Make ISA IRQ line @irq fit for PCI interrupts.
 * @irq: the IRQ a PCI function's Interrupt Line register names
 *
 * PCI INTx is level-triggered. The MADT's override for @irq, if any, says
 * how the board wires it and is kept; without one the line gets PCI's own
 * defaults, level-triggered and active low (arch/x86/pci.c explains).
 *
 * Context: process context.
 * Return: 0, or -ENODEV if @irq reaches no IO-APIC pin.
 */
int ioapic_route_pci_irq(unsigned int irq)
{
	unsigned long flags;

	if (irq >= NR_IRQS_LEGACY || routes[irq].pin < 0)
		return -ENODEV;
	spin_lock_irqsave(&ioapic_lock, flags);
	if (!acpi_isa_override(irq)) {
		routes[irq].level = true;
		routes[irq].active_low = true;
		write_route(irq);
	}
	spin_unlock_irqrestore(&ioapic_lock, flags);
	return 0;
}

bool ioapic_pin_masked(unsigned int irq)
{
	unsigned long flags;
	u32 low;

	/* Under the lock: another CPU's write must not move IOREGSEL between ours and the read. */
	spin_lock_irqsave(&ioapic_lock, flags);
	low = ioapic_read(IOAPIC_RTE(routes[irq].pin));
	spin_unlock_irqrestore(&ioapic_lock, flags);
	return low & RTE_MASKED;
}

/* How ISA IRQ irq is wired: its override, or pin irq with ISA defaults. */
static void __init route_isa_irq(unsigned int irq, u32 gsi_base, u32 *claimed)
{
	const struct acpi_override *o = acpi_isa_override(irq);
	struct ioapic_route *r = &routes[irq];
	u32 gsi = o ? o->gsi : irq;

	if (gsi < gsi_base || gsi - gsi_base >= nr_pins || (*claimed & (1u << (gsi - gsi_base))))
		return;
	r->pin = gsi - gsi_base;
	*claimed |= 1u << r->pin;
	r->level = o && (o->flags & ACPI_TRIGGER_MASK) == ACPI_TRIGGER_LEVEL;
	r->active_low = o && (o->flags & ACPI_POLARITY_MASK) == ACPI_POLARITY_ACTIVE_LOW;
	r->masked = true;
	r->dest = cpu_to_apic_id[0];
	write_route(irq);
	irq_set_chip(irq, &ioapic_chip, r);
}

/**
 * ioapic_init() - Map the IO-APIC, mask every pin, and route the ISA IRQs through it.
 *
 * The MADT's overrides come first (IRQ 0 usually on pin 2); ISA IRQ 2, the
 * old cascade, is left out. Each routed line gets the IO-APIC chip.
 *
 * Context: boot, on the boot CPU, interrupts off; panics if it cannot be mapped.
 */
void __init ioapic_init(void)
{
	u32 gsi_base = acpi_madt.ioapics[0].gsi_base, claimed = 0;

	ioapic = ioremap(acpi_madt.ioapics[0].addr, PAGE_SIZE);
	if (!ioapic)
		panic("cannot map the IO-APIC");
	nr_pins = ((ioapic_read(IOAPIC_VER) >> 16) & 0xff) + 1;
	for (unsigned int pin = 0; pin < nr_pins; pin++) /* nothing comes in unasked */
		ioapic_write(IOAPIC_RTE(pin), RTE_MASKED);
	for (unsigned int irq = 0; irq < NR_IRQS_LEGACY; irq++)
		routes[irq].pin = -1;
	/* Overridden IRQs first: they may take the pin of an identity-mapped one
	 * (IRQ 0 takes pin 2, which is why ISA IRQ 2, the old cascade, is left out). */
	for (unsigned int irq = 0; irq < NR_IRQS_LEGACY; irq++)
		if (acpi_isa_override(irq))
			route_isa_irq(irq, gsi_base, &claimed);
	for (unsigned int irq = 0; irq < NR_IRQS_LEGACY; irq++)
		if (!acpi_isa_override(irq) && irq != 2)
			route_isa_irq(irq, gsi_base, &claimed);
	pr_info("IO-APIC: %u pins at %#lx; IRQ 0 on pin %d\n", nr_pins, acpi_madt.ioapics[0].addr,
		routes[0].pin);
}
