/* Port I/O and memory-mapped I/O: how kernel/ and drivers/ reach device registers. */
#ifndef _ASM_IO_H
#define _ASM_IO_H
#include <linux/types.h>

static inline void outb(u8 v, u16 port) { __asm__ __volatile__("outb %0, %1" : : "a"(v), "Nd"(port)); }
static inline void outw(u16 v, u16 port) { __asm__ __volatile__("outw %0, %1" : : "a"(v), "Nd"(port)); }
static inline void outl(u32 v, u16 port) { __asm__ __volatile__("outl %0, %1" : : "a"(v), "Nd"(port)); }

static inline u8 inb(u16 port)
{
	u8 v;
	__asm__ __volatile__("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline u16 inw(u16 port)
{
	u16 v;
	__asm__ __volatile__("inw %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline u32 inl(u16 port)
{
	u32 v;
	__asm__ __volatile__("inl %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

/* A write to an unused port: about 1 us on real hardware, for slow chips like the 8259. */
static inline void io_delay(void) { outb(0, 0x80); }

/* Memory-mapped registers (through an uncached ioremap() mapping). */
static inline u8 readb(const volatile void __iomem *addr) { return *(const volatile u8 *)addr; }
static inline u16 readw(const volatile void __iomem *addr) { return *(const volatile u16 *)addr; }
static inline u32 readl(const volatile void __iomem *addr) { return *(const volatile u32 *)addr; }
static inline void writeb(u8 v, volatile void __iomem *addr) { *(volatile u8 *)addr = v; }
static inline void writew(u16 v, volatile void __iomem *addr) { *(volatile u16 *)addr = v; }
static inline void writel(u32 v, volatile void __iomem *addr) { *(volatile u32 *)addr = v; }

/*
 * ioread32()/iowrite32() take a cookie from pci_iomap() that stands for either
 * kind of register: an I/O port p is the cookie PIO_OFFSET + p (addresses no
 * mapping ever uses), anything else is memory. So a driver reads the same way
 * whether its BAR is ports or memory (Linux's lib/iomap.c trick).
 */
#define PIO_OFFSET 0x10000UL
#define PIO_RESERVED 0x40000UL

static inline bool iomap_is_port(const volatile void __iomem *addr)
{
	return (unsigned long)addr >= PIO_OFFSET && (unsigned long)addr < PIO_RESERVED;
}

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
