/*
 * memblock: two sorted lists of physical ranges, "memory" (RAM the loader
 * reported) and "reserved" (taken). Early allocations carve from the gaps;
 * mem_init() then gives every gap to the page allocator.
 */
#include <asm/page.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/string.h>

struct memblock memblock = {
	.memory.name = "memory",
	.reserved.name = "reserved",
};

/* Inserts [base, base+size) keeping the list sorted, merging overlaps and neighbours. */
static void memblock_insert(struct memblock_type *type, phys_addr_t base, phys_addr_t size)
{
	struct memblock_region *r = type->regions;
	phys_addr_t end = base + size;
	unsigned int i, j;

	if (!size)
		return;
	for (i = 0; i < type->cnt && r[i].base + r[i].size < base; i++)
		;
	/* Absorb every region that overlaps or touches the new one. */
	for (j = i; j < type->cnt && r[j].base <= end; j++) {
		base = min(base, r[j].base);
		end = max(end, r[j].base + r[j].size);
	}
	if (j == i) {
		if (type->cnt == MEMBLOCK_MAX_REGIONS)
			panic("memblock: too many %s regions", type->name);
		memmove(&r[i + 1], &r[i], (type->cnt - i) * sizeof(*r));
		type->cnt++;
	} else {
		memmove(&r[i + 1], &r[j], (type->cnt - j) * sizeof(*r));
		type->cnt -= j - i - 1;
	}
	r[i].base = base;
	r[i].size = end - base;
}

/**
 * memblock_add() - Record a range of RAM reported by the boot loader.
 * @base: physical start
 * @size: bytes
 *
 * Overlapping and adjacent ranges are merged.
 *
 * Context: early boot only, before mem_init(); panics if the region table
 * is full.
 */
void memblock_add(phys_addr_t base, phys_addr_t size)
{
	memblock_insert(&memblock.memory, base, size);
}

/**
 * memblock_reserve() - Mark a physical range as taken (kernel image, modules, early allocations).
 * @base: physical start
 * @size: bytes
 *
 * Context: early boot only, before mem_init(); panics if the region table
 * is full.
 */
void memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	memblock_insert(&memblock.reserved, base, size);
}

static bool overlaps(const struct memblock_type *type, phys_addr_t base, phys_addr_t size)
{
	for (unsigned int i = 0; i < type->cnt; i++)
		if (base < type->regions[i].base + type->regions[i].size &&
		    type->regions[i].base < base + size)
			return true;
	return false;
}

/**
 * memblock_overlaps_reserved() - Whether any byte of a physical range is reserved.
 * @base: physical start
 * @size: bytes
 *
 * Context: any context; does not sleep.
 * Return: true if the range overlaps a reserved region.
 */
bool memblock_overlaps_reserved(phys_addr_t base, phys_addr_t size)
{
	return overlaps(&memblock.reserved, base, size);
}

/**
 * memblock_is_memory() - Whether a physical range lies wholly in one RAM region.
 * @base: physical start
 * @size: bytes
 *
 * Context: any context; does not sleep.
 * Return: true if it does.
 */
bool memblock_is_memory(phys_addr_t base, phys_addr_t size)
{
	for (unsigned int i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];
		if (base >= r->base && base + size <= r->base + r->size)
			return true;
	}
	return false;
}

/**
 * memblock_for_each_free() - Call @fn on every range of RAM that is not reserved.
 * @fn:  called with each free range [start, end) in address order, and @arg
 * @arg: passed to @fn
 *
 * Context: early boot; does not sleep.
 */
void memblock_for_each_free(void (*fn)(phys_addr_t start, phys_addr_t end, void *arg), void *arg)
{
	for (unsigned int m = 0; m < memblock.memory.cnt; m++) {
		phys_addr_t start = memblock.memory.regions[m].base;
		phys_addr_t end = start + memblock.memory.regions[m].size;

		for (unsigned int r = 0; r < memblock.reserved.cnt && start < end; r++) {
			const struct memblock_region *res = &memblock.reserved.regions[r];
			if (res->base + res->size <= start || res->base >= end)
				continue;
			if (res->base > start)
				fn(start, res->base, arg);
			start = res->base + res->size;
		}
		if (start < end)
			fn(start, end, arg);
	}
}

struct alloc_request {
	phys_addr_t size, align, found;
};

static void first_fit(phys_addr_t start, phys_addr_t end, void *arg)
{
	struct alloc_request *req = arg;
	phys_addr_t base = ALIGN(max(start, (phys_addr_t)(1u << 20)), req->align);

	end = min(end, memblock.limit);
	if (!req->found && base < end && end - base >= req->size)
		req->found = base;
}

/**
 * memblock_alloc() - Allocate zeroed early memory, above 1 MiB and below memblock.limit.
 * @size:  bytes
 * @align: alignment, a power of two
 *
 * Context: early boot only, before mem_init(); panics if no free range fits.
 * Return: the memory's kernel virtual address; it is never freed.
 */
void *memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	struct alloc_request req = { .size = size, .align = align };
	void *p;

	memblock_for_each_free(first_fit, &req);
	if (!req.found)
		panic("memblock: no room for %lu early bytes", size);
	memblock_reserve(req.found, size);
	p = __va(req.found);
	memset(p, 0, size);
	return p;
}

static void dump_type(const struct memblock_type *type)
{
	for (unsigned int i = 0; i < type->cnt; i++)
		pr_info("  %-8s [%#010lx-%#010lx] %lu KiB\n", type->name, type->regions[i].base,
			type->regions[i].base + type->regions[i].size - 1,
			type->regions[i].size >> 10);
}

/**
 * memblock_dump() - Print the memory and reserved regions to the log.
 *
 * Context: any context; does not sleep.
 */
void __init memblock_dump(void)
{
	dump_type(&memblock.memory);
	dump_type(&memblock.reserved);
}
