/*
 * The 8259A PIC pair: the legacy interrupt controller. Master IRQs 0-7,
 * slave IRQs 8-15 cascaded into master IRQ 2, remapped to vectors 0x20-0x2F
 * (the BIOS leaves them on top of the CPU exceptions). Its irq_chip ("XT-PIC")
 * masks a line, acknowledges it with a specific EOI (to both chips for a
 * slave line), and recognises the spurious IRQ 7 and 15 the chips produce
 * when a request vanishes before the CPU takes it.
 */
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/irq_vectors.h>
#include <asm/pic.h>
#include <linux/errno.h>
#include <linux/irq.h>
#include <linux/spinlock.h>

#define PIC1_CMD 0x20
#define PIC1_DATA 0x21
#define PIC2_CMD 0xa0
#define PIC2_DATA 0xa1
#define ICW1_INIT_ICW4 0x11 /* edge triggered, cascade, ICW4 follows */
#define ICW4_8086 0x01
#define OCW2_SPECIFIC_EOI 0x60
#define OCW3_READ_IRR 0x0a
#define OCW3_READ_ISR 0x0b
#define PIC_ELCR1 0x4d0 /* edge/level control, IRQ 0-7 (the PIIX3's) */
#define PIC_ELCR2 0x4d1 /* IRQ 8-15 */
#define ELCR_EDGE_ONLY 0x2107 /* IRQ 0, 1, 2, 8 and 13 cannot be level-triggered */

static u16 cached_mask = 0xffff;
static DEFINE_SPINLOCK(i8259A_lock);

static void write_mask(unsigned int irq)
{
	if (irq < 8)
		outb(cached_mask & 0xff, PIC1_DATA);
	else
		outb(cached_mask >> 8, PIC2_DATA);
}

static void pic_mask(struct irq_data *d)
{
	unsigned long flags;

	spin_lock_irqsave(&i8259A_lock, flags);
	cached_mask |= 1u << d->irq;
	write_mask(d->irq);
	spin_unlock_irqrestore(&i8259A_lock, flags);
}

static void pic_unmask(struct irq_data *d)
{
	unsigned long flags;

	spin_lock_irqsave(&i8259A_lock, flags);
	cached_mask &= ~(1u << d->irq);
	write_mask(d->irq);
	spin_unlock_irqrestore(&i8259A_lock, flags);
}

static void send_eoi(unsigned int irq)
{
	if (irq >= 8) {
		outb(OCW2_SPECIFIC_EOI | (irq & 7), PIC2_CMD);
		irq = PIC_CASCADE_IRQ;
	}
	outb(OCW2_SPECIFIC_EOI | irq, PIC1_CMD);
}

static void pic_mask_ack(struct irq_data *d)
{
	pic_mask(d);
	send_eoi(d->irq);
}

static u16 read_register(u8 ocw3)
{
	outb(ocw3, PIC1_CMD);
	outb(ocw3, PIC2_CMD);
	return inb(PIC1_CMD) | (inb(PIC2_CMD) << 8);
}

/**
 * pic_read_isr() - Read both 8259s' in-service registers.
 *
 * Context: any context, interrupts off (the read takes two port writes);
 * does not sleep.
 * Return: bit N set if IRQ N is being serviced.
 */
u16 pic_read_isr(void)
{
	return read_register(OCW3_READ_ISR);
}

/**
 * pic_read_imr() - Read both 8259s' interrupt mask registers.
 *
 * Context: any context; does not sleep.
 * Return: bit N set if IRQ N is masked.
 */
u16 pic_read_imr(void)
{
	return inb(PIC1_DATA) | (inb(PIC2_DATA) << 8);
}

/*
 * IRQ 7 (or 15) without its in-service bit is spurious: the chip had a request,
 * lost it, and reported its lowest-priority line. It must not get an EOI, or
 * the EOI would end some other interrupt; a spurious 15 still came through the
 * master's cascade input, so the master needs one.
 */
static bool pic_is_spurious(struct irq_data *d)
{
	if ((d->irq & 7) != 7 || (pic_read_isr() & (1u << d->irq)))
		return false;
	if (d->irq == 15)
		send_eoi(PIC_CASCADE_IRQ);
	this_cpu_inc(irq_spurious_count);
	return true;
}

/**
 * pic_set_level_triggered() - Switch an 8259 input to level mode.
 * @irq: IRQ line 0-15
 *
 * The PIIX3's Edge/Level Control Registers choose per line; PCI's INTx
 * lines need level mode, where the input stays requested as long as a
 * device holds it asserted (arch/x86/pci.c).
 *
 * Context: any context.
 * Return: 0, or -EINVAL for a line that must stay edge-triggered.
 */
int pic_set_level_triggered(unsigned int irq)
{
	unsigned long flags;
	u16 port = irq < 8 ? PIC_ELCR1 : PIC_ELCR2;

	if (irq >= NR_IRQS_LEGACY || (ELCR_EDGE_ONLY & (1u << irq)))
		return -EINVAL;
	spin_lock_irqsave(&i8259A_lock, flags);
	outb(inb(port) | 1u << (irq & 7), port);
	spin_unlock_irqrestore(&i8259A_lock, flags);
	return 0;
}

static struct irq_chip i8259A_chip = {
	.name = "XT-PIC",
	.irq_mask = pic_mask,
	.irq_unmask = pic_unmask,
	.irq_mask_ack = pic_mask_ack,
	.irq_is_spurious = pic_is_spurious,
};

/**
 * pic_init() - Remap the 8259s to vectors 0x20-0x2F and mask every line.
 *
 * Always done, in APIC mode too: a stray 8259 interrupt must land on its
 * own vectors, not on the CPU exceptions'.
 *
 * Context: boot, interrupts off.
 */
void pic_init(void)
{
	outb(0xff, PIC1_DATA);
	outb(0xff, PIC2_DATA);
	outb(ICW1_INIT_ICW4, PIC1_CMD);
	io_delay();
	outb(ICW1_INIT_ICW4, PIC2_CMD);
	io_delay();
	outb(IRQ_TO_VECTOR(0), PIC1_DATA); /* ICW2: vector offsets */
	io_delay();
	outb(IRQ_TO_VECTOR(8), PIC2_DATA);
	io_delay();
	outb(1u << PIC_CASCADE_IRQ, PIC1_DATA); /* ICW3: slave on IRQ 2 */
	io_delay();
	outb(PIC_CASCADE_IRQ, PIC2_DATA); /* ICW3: slave identity */
	io_delay();
	outb(ICW4_8086, PIC1_DATA);
	io_delay();
	outb(ICW4_8086, PIC2_DATA);
	io_delay();

	cached_mask = 0xffff; /* everything masked until pic_setup_irqs */
	outb(0xff, PIC1_DATA);
	outb(0xff, PIC2_DATA);
}

/**
 * pic_setup_irqs() - PIC mode: the 8259s carry IRQ 0-15; unmask the cascade and give each line the chip.
 *
 * Context: boot, interrupts off.
 */
void pic_setup_irqs(void)
{
	cached_mask &= ~(1u << PIC_CASCADE_IRQ);
	outb(cached_mask & 0xff, PIC1_DATA);
	for (unsigned int irq = 0; irq < NR_IRQS_LEGACY; irq++)
		if (irq != PIC_CASCADE_IRQ)
			irq_set_chip(irq, &i8259A_chip, NULL);
}
