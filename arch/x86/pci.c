/*
 * PCI on a PC: configuration space through mechanism #1 (write the address
 * of a register to port 0xCF8, then move its data through port 0xCFC), and
 * the routing of a device's INTx pin to an interrupt line.
 *
 * Routing, and the assumption behind it: Janus has no ACPI AML interpreter,
 * so it cannot evaluate the _PRT tables that say which IO-APIC input each
 * pin is wired to. It trusts the Interrupt Line register instead, which the
 * firmware fills in. On QEMU's i440FX machine, SeaBIOS routes the PIIX3's
 * four PCI interrupt links (PIRQA-D: slot + pin - 1, mod 4) to ISA IRQs 10,
 * 10, 11, 11 and writes that IRQ into every function's Interrupt Line; the
 * PIIX3 delivers the same IRQ to the 8259 and to the IO-APIC input of that
 * number, and the MADT's interrupt source overrides declare those inputs
 * level-triggered (active high, as QEMU's PIIX3 drives them). A PCI line
 * without an override gets PCI's own electrical defaults, level-triggered
 * and active low. Under noapic the 8259 carries the line, switched to level
 * mode in its ELCR. Either way the line may be shared by several devices.
 */
#include <asm/apic.h>
#include <asm/io.h>
#include <asm/pci.h>
#include <asm/pic.h>
#include <asm/irq_vectors.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/pci.h>
#include <linux/spinlock.h>

#define PCI_CONF1_ADDRESS 0xcf8
#define PCI_CONF1_DATA 0xcfc
#define PCI_CONF1_ENABLE 0x80000000u

/* Any context: the MSI chip masks vectors from the interrupt flow. */
static DEFINE_SPINLOCK(pci_config_lock);

static u32 conf1_address(unsigned int bus, unsigned int devfn, int reg)
{
	return PCI_CONF1_ENABLE | bus << 16 | devfn << 8 | (reg & 0xfc);
}

static bool valid_access(unsigned int bus, unsigned int devfn, int reg, int len)
{
	return bus <= 255 && devfn <= 255 && reg >= 0 && reg + len <= PCI_CFG_SPACE_SIZE &&
	       (len == 1 || len == 2 || len == 4) && !(reg & (len - 1));
}

/**
 * raw_pci_read() - Read a register of a function's configuration space.
 * @bus:   bus number
 * @devfn: device (slot) and function, PCI_DEVFN(slot, func)
 * @reg:   byte offset, aligned to @len
 * @len:   1, 2 or 4 bytes
 * @val:   where the value goes (all ones if no function answers)
 *
 * Context: any context; takes a spinlock with interrupts off.
 * Return: 0, or -EINVAL for an address or size mechanism #1 cannot express.
 */
int raw_pci_read(unsigned int bus, unsigned int devfn, int reg, int len, u32 *val)
{
	unsigned long flags;
	u16 port = PCI_CONF1_DATA + (reg & 3);

	if (!valid_access(bus, devfn, reg, len)) {
		*val = ~0u;
		return -EINVAL;
	}
	spin_lock_irqsave(&pci_config_lock, flags);
	outl(conf1_address(bus, devfn, reg), PCI_CONF1_ADDRESS);
	*val = len == 1 ? inb(port) : len == 2 ? inw(port) : inl(port);
	spin_unlock_irqrestore(&pci_config_lock, flags);
	return 0;
}

/**
 * raw_pci_write() - Write a register of a function's configuration space.
 * @bus:   bus number
 * @devfn: device (slot) and function
 * @reg:   byte offset, aligned to @len
 * @len:   1, 2 or 4 bytes
 * @val:   the value
 *
 * Context: any context; takes a spinlock with interrupts off.
 * Return: 0, or -EINVAL for an address or size mechanism #1 cannot express.
 */
int raw_pci_write(unsigned int bus, unsigned int devfn, int reg, int len, u32 val)
{
	unsigned long flags;
	u16 port = PCI_CONF1_DATA + (reg & 3);

	if (!valid_access(bus, devfn, reg, len))
		return -EINVAL;
	spin_lock_irqsave(&pci_config_lock, flags);
	outl(conf1_address(bus, devfn, reg), PCI_CONF1_ADDRESS);
	if (len == 1)
		outb(val, port);
	else if (len == 2)
		outw(val, port);
	else
		outl(val, port);
	spin_unlock_irqrestore(&pci_config_lock, flags);
	return 0;
}

/**
 * pci_arch_init() - Find out whether configuration mechanism #1 works.
 *
 * The address port of mechanism #1 keeps what is written to it; on a machine
 * without it the write goes nowhere.
 *
 * Context: process context, once at boot, before any other PCI access.
 * Return: true if PCI configuration space can be reached.
 */
bool pci_arch_init(void)
{
	unsigned long flags;
	u32 saved, seen;

	spin_lock_irqsave(&pci_config_lock, flags);
	saved = inl(PCI_CONF1_ADDRESS);
	outl(PCI_CONF1_ENABLE, PCI_CONF1_ADDRESS);
	seen = inl(PCI_CONF1_ADDRESS);
	outl(saved, PCI_CONF1_ADDRESS);
	spin_unlock_irqrestore(&pci_config_lock, flags);
	return seen == PCI_CONF1_ENABLE;
}

/**
 * pcibios_enable_irq() - Route a device's INTx pin and set dev->irq.
 * @dev: the device (pci_enable_device() calls this)
 *
 * Takes the IRQ from the Interrupt Line register (see the top of this file
 * for why that is enough on a PC) and sets that line up as PCI wants it:
 * level-triggered at the IO-APIC, or in the 8259's ELCR under noapic.
 * A device without an interrupt pin gets dev->irq 0.
 *
 * Context: process context.
 * Return: 0, or -ENODEV if the firmware left the pin unrouted.
 */
int pcibios_enable_irq(struct pci_dev *dev)
{
	u8 line;

	dev->irq = 0;
	if (!dev->pin)
		return 0;
	pci_read_config_byte(dev, PCI_INTERRUPT_LINE, &line);
	if (line == 0 || line >= NR_IRQS_LEGACY) {
		dev_warn(&dev->dev, "INT%c not routed by the firmware (line %#x)\n",
			 'A' + dev->pin - 1, line);
		return -ENODEV;
	}
	if (apic_in_use ? ioapic_route_pci_irq(line) : pic_set_level_triggered(line))
		return -ENODEV;
	dev->irq = line;
	return 0;
}
