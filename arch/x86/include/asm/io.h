/* Port I/O and memory-mapped I/O: how drivers/ reach device registers (through
 * <linux/io.h>; the rest of the kernel does not: make layering-check). */
#ifndef _ASM_IO_H
#define _ASM_IO_H
#include <linux/types.h>

/**
 * outb() - Write the byte @v to I/O port @port.
 * @v: the value
 * @port: the port
 *
 * Context: any context; does not sleep.
 */
static inline void outb(u8 v, u16 port) { __asm__ __volatile__("outb %0, %1" : : "a"(v), "Nd"(port)); }
/**
 * outw() - Write the 16-bit @v to I/O port @port.
 * @v: the value
 * @port: the port
 *
 * Context: any context; does not sleep.
 */
static inline void outw(u16 v, u16 port) { __asm__ __volatile__("outw %0, %1" : : "a"(v), "Nd"(port)); }
/**
 * outl() - Write the 32-bit @v to I/O port @port.
 * @v: the value
 * @port: the port
 *
 * Context: any context; does not sleep.
 */
static inline void outl(u32 v, u16 port) { __asm__ __volatile__("outl %0, %1" : : "a"(v), "Nd"(port)); }

/**
 * inb() - Read a byte from I/O port @port.
 * @port: the port
 *
 * Context: any context; does not sleep.
 * Return: the byte.
 */
static inline u8 inb(u16 port)
{
	u8 v;
	__asm__ __volatile__("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

/**
 * inw() - Read 16 bits from I/O port @port.
 * @port: the port
 *
 * Context: any context; does not sleep.
 * Return: the value.
 */
static inline u16 inw(u16 port)
{
	u16 v;
	__asm__ __volatile__("inw %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

/**
 * inl() - Read 32 bits from I/O port @port.
 * @port: the port
 *
 * Context: any context; does not sleep.
 * Return: the value.
 */
static inline u32 inl(u16 port)
{
	u32 v;
	__asm__ __volatile__("inl %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

/**
 * io_delay() - Wait about 1 us on real hardware (a write to unused port 0x80), for slow chips like the 8259.
 *
 * Context: any context; does not sleep.
 */
static inline void io_delay(void) { outb(0, 0x80); }

/* Memory-mapped registers (through an uncached ioremap() mapping). */

/**
 * readb() - Read the 8-bit register at @addr.
 * @addr: its address in an ioremap() mapping
 *
 * Context: any context; does not sleep.
 * Return: the value.
 */
static inline u8 readb(const volatile void __iomem *addr) { return *(const volatile u8 *)addr; }
/**
 * readw() - Read the 16-bit register at @addr.
 * @addr: its address in an ioremap() mapping
 *
 * Context: any context; does not sleep.
 * Return: the value.
 */
static inline u16 readw(const volatile void __iomem *addr) { return *(const volatile u16 *)addr; }
/**
 * readl() - Read the 32-bit register at @addr.
 * @addr: its address in an ioremap() mapping
 *
 * Context: any context; does not sleep.
 * Return: the value.
 */
static inline u32 readl(const volatile void __iomem *addr) { return *(const volatile u32 *)addr; }
/**
 * writeb() - Write the 8-bit @v to the register at @addr.
 * @v: the value
 * @addr: its address in an ioremap() mapping
 *
 * Context: any context; does not sleep.
 */
static inline void writeb(u8 v, volatile void __iomem *addr) { *(volatile u8 *)addr = v; }
/**
 * writew() - Write the 16-bit @v to the register at @addr.
 * @v: the value
 * @addr: its address in an ioremap() mapping
 *
 * Context: any context; does not sleep.
 */
static inline void writew(u16 v, volatile void __iomem *addr) { *(volatile u16 *)addr = v; }
/**
 * writel() - Write the 32-bit @v to the register at @addr.
 * @v: the value
 * @addr: its address in an ioremap() mapping
 *
 * Context: any context; does not sleep.
 */
static inline void writel(u32 v, volatile void __iomem *addr) { *(volatile u32 *)addr = v; }

/*
 * ioread32()/iowrite32() take a cookie from pci_iomap() that stands for either
 * kind of register: an I/O port p is the cookie PIO_OFFSET + p (addresses no
 * mapping ever uses), anything else is memory. So a driver reads the same way
 * whether its BAR is ports or memory (Linux's lib/iomap.c trick).
 */
#define PIO_OFFSET 0x10000UL
#define PIO_RESERVED 0x40000UL

/**
 * iomap_is_port() - Whether the pci_iomap() cookie @addr stands for an I/O port.
 * @addr: the cookie
 *
 * Context: any context; does not sleep.
 * Return: true for a port (PIO_OFFSET + port), false for memory.
 */
static inline bool iomap_is_port(const volatile void __iomem *addr)
{
	return (unsigned long)addr >= PIO_OFFSET && (unsigned long)addr < PIO_RESERVED;
}

/**
 * ioport_map() - The ioread*()/iowrite*() cookie for the I/O ports from @port on.
 * @port: the first port
 * @nr: how many (not checked)
 *
 * Context: any context; does not sleep.
 * Return: the cookie, or NULL if @port is not an I/O port.
 */
static inline void __iomem *ioport_map(unsigned long port, unsigned int nr)
{
	(void)nr;
	return port <= 0xffff ? (void __iomem *)(port + PIO_OFFSET) : NULL;
}

#define DEFINE_IOREAD(bits, type, in, read)                                  \
	static inline type ioread##bits(const volatile void __iomem *addr)   \
	{                                                                    \
		if (iomap_is_port(addr))                                     \
			return in((unsigned long)addr - PIO_OFFSET);         \
		return read(addr);                                           \
	}
#define DEFINE_IOWRITE(bits, type, out, write)                               \
	static inline void iowrite##bits(type v, volatile void __iomem *addr) \
	{                                                                    \
		if (iomap_is_port(addr))                                     \
			out(v, (unsigned long)addr - PIO_OFFSET);            \
		else                                                         \
			write(v, addr);                                      \
	}
DEFINE_IOREAD(8, u8, inb, readb)
DEFINE_IOREAD(16, u16, inw, readw)
DEFINE_IOREAD(32, u32, inl, readl)
DEFINE_IOWRITE(8, u8, outb, writeb)
DEFINE_IOWRITE(16, u16, outw, writew)
DEFINE_IOWRITE(32, u32, outl, writel)
#undef DEFINE_IOREAD
#undef DEFINE_IOWRITE

#endif
