/*
 * memblock: the boot-time memory ledger. It knows which physical ranges are
 * RAM and which are taken (kernel image, modules, BIOS area, early
 * allocations) and hands the rest to the page allocator (kernel/mm/memblock.c).
 */
#ifndef _LINUX_MEMBLOCK_H
#define _LINUX_MEMBLOCK_H
#include <linux/types.h>

#define MEMBLOCK_MAX_REGIONS 64

struct memblock_region {
	phys_addr_t base, size;
};

struct memblock_type {
	unsigned int cnt;
	const char *name;
	struct memblock_region regions[MEMBLOCK_MAX_REGIONS];
};

struct memblock {
	struct memblock_type memory, reserved;
	phys_addr_t limit; /* early allocations stay below this (the direct map) */
};

extern struct memblock memblock;

void memblock_add(phys_addr_t base, phys_addr_t size);
void memblock_reserve(phys_addr_t base, phys_addr_t size);
/* Zeroed memory from the direct map; panics if there is none (boot cannot go on). */
void *memblock_alloc(phys_addr_t size, phys_addr_t align);
bool memblock_is_memory(phys_addr_t base, phys_addr_t size);
bool memblock_overlaps_reserved(phys_addr_t base, phys_addr_t size);
/* Calls fn for every RAM range that is not reserved, in address order. */
void memblock_for_each_free(void (*fn)(phys_addr_t start, phys_addr_t end, void *arg), void *arg);
void memblock_dump(void);

#endif
