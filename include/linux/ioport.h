/*
 * struct resource: a range of addresses a device decodes, in I/O-port space
 * or in memory space (a PCI BAR, say). flags says which, and how.
 */
#ifndef _LINUX_IOPORT_H
#define _LINUX_IOPORT_H
#include <linux/types.h>

typedef u64 resource_size_t;

struct resource {
	resource_size_t start, end; /* inclusive; both 0 and no flags: unused */
	const char *name;
	unsigned long flags;
};

/* The low bits of flags keep the BAR's own type bits (shown by /proc/bus/pci/devices). */
#define IORESOURCE_BITS 0x000000ffUL
#define IORESOURCE_IO 0x00000100UL
#define IORESOURCE_MEM 0x00000200UL
#define IORESOURCE_PREFETCH 0x00002000UL
#define IORESOURCE_READONLY 0x00004000UL
#define IORESOURCE_MEM_64 0x00100000UL
#define IORESOURCE_UNSET 0x20000000UL /* the firmware left it unassigned */

/**
 * resource_size() - The length of a resource, in bytes (or ports).
 * @res: the resource
 *
 * Context: any context; does not sleep.
 * Return: end - start + 1.
 */
static inline resource_size_t resource_size(const struct resource *res)
{
	return res->end - res->start + 1;
}

/**
 * resource_type() - Whether a resource is I/O ports or memory.
 * @res: the resource
 *
 * Context: any context; does not sleep.
 * Return: IORESOURCE_IO, IORESOURCE_MEM, or 0.
 */
static inline unsigned long resource_type(const struct resource *res)
{
	return res->flags & (IORESOURCE_IO | IORESOURCE_MEM);
}

#endif
