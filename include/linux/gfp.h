/*
 * Allocation flags and the page allocator (kernel/mm/page_alloc.c).
 * GFP_KERNEL: process context, may sleep. GFP_ATOMIC: any context, never sleeps.
 */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H
#include <linux/types.h>

#define __GFP_HIGH 0x01u           /* may dip into reserves (atomic callers) */
#define __GFP_DIRECT_RECLAIM 0x02u /* may sleep to find memory */
#define __GFP_ZERO 0x100u
#define __GFP_NOWARN 0x200u

#define GFP_ATOMIC (__GFP_HIGH)
#define GFP_NOWAIT 0u
#define GFP_KERNEL (__GFP_DIRECT_RECLAIM)

#define MAX_PAGE_ORDER 10 /* the largest block: 2^10 pages = 4 MiB */

/**
 * gfpflags_allow_blocking() - Whether an allocation with @flags may sleep (GFP_KERNEL may, GFP_ATOMIC not).
 * @flags: the GFP flags
 *
 * Context: any context; does not sleep.
 * Return: true if __GFP_DIRECT_RECLAIM is set.
 */
static inline bool gfpflags_allow_blocking(gfp_t flags) { return flags & __GFP_DIRECT_RECLAIM; }

struct page;
struct page *alloc_pages(gfp_t gfp, unsigned int order);
void __free_pages(struct page *page, unsigned int order);
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
unsigned long get_zeroed_page(gfp_t gfp);
void free_pages(unsigned long addr, unsigned int order);
#define alloc_page(gfp) alloc_pages(gfp, 0)
#define __get_free_page(gfp) __get_free_pages(gfp, 0)
#define free_page(addr) free_pages(addr, 0)

/**
 * get_order() - The smallest page order whose block holds @size bytes.
 * @size: bytes, at least 1
 *
 * Context: any context; does not sleep.
 * Return: the order (0 for up to one page).
 */
static inline unsigned int get_order(unsigned long size)
{
	unsigned int order = 0;
	size = (size - 1) >> 12;
	while (size) {
		order++;
		size >>= 1;
	}
	return order;
}

#endif
