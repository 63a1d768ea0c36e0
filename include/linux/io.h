/*
 * Device registers for drivers: readl()/writel() on an ioremap()ped range,
 * inb()/outb() on I/O ports, and ioread32()/iowrite32() on a pci_iomap()
 * cookie of either kind (arch/x86/include/asm/io.h).
 */
#ifndef _LINUX_IO_H
#define _LINUX_IO_H
#include <asm/io.h>
#include <linux/vmalloc.h>

#endif
