/*
 * struct page: one per physical page frame (the mem_map array), saying who
 * owns the frame: the buddy allocator, a kmalloc slab or a caller.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H
#include <asm/page.h>
#include <asm/pgtable.h>
#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/types.h>

struct kmem_cache;

struct page {
	unsigned long flags;
	struct list_head lru; /* free list (buddy) or cache list (slab) */
	unsigned int order;   /* buddy: free block order; PG_head: allocated order */
	/* Slab pages only (kernel/mm/kmalloc.c). */
	struct kmem_cache *slab_cache;
	void *freelist;
	unsigned int inuse;
};

#define PG_reserved (1u << 0) /* never given to the allocator */
#define PG_buddy (1u << 1)    /* first page of a free buddy block */
#define PG_head (1u << 2)     /* first page of an allocated block */
#define PG_slab (1u << 3)     /* holds kmalloc objects */
#define PG_large_kmalloc (1u << 4) /* a kmalloc bigger than a page */

extern struct page *mem_map;
extern unsigned long max_pfn;

#define pfn_to_page(pfn) (mem_map + (pfn))
#define page_to_pfn(page) ((unsigned long)((page) - mem_map))
#define page_to_phys(page) PFN_PHYS(page_to_pfn(page))
#define page_address(page) __va(page_to_phys(page))
#define virt_to_page(addr) pfn_to_page(PFN_DOWN(__pa(addr)))
#define pfn_valid(pfn) ((pfn) < max_pfn)

void mem_init(void);
unsigned long nr_free_pages(void);
unsigned long totalram_pages(void);
unsigned long free_reserved_area(void *start, void *end, int poison, const char *s);

#endif
