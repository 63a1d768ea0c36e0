/*
 * The buddy allocator: free memory is kept as blocks of 2^order pages,
 * naturally aligned, one free list per order. Allocation splits a larger
 * block; freeing merges a block with its buddy (the block whose pfn differs
 * only in bit `order`) for as long as the buddy is free too.
 * Any context: the lock is irq-safe and nothing here sleeps.
 */
#include <linux/init.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/spinlock.h>
#include <linux/string.h>

struct free_area {
	struct list_head free_list;
	unsigned long nr_free;
};

struct page *mem_map;
unsigned long max_pfn;
static struct free_area free_area[MAX_PAGE_ORDER + 1];
static unsigned long free_pages_count, managed_pages;
static DEFINE_SPINLOCK(zone_lock);

static void add_free_block(struct page *page, unsigned int order)
{
	page->flags |= PG_buddy;
	page->order = order;
	list_add(&page->lru, &free_area[order].free_list);
	free_area[order].nr_free++;
}

static void del_free_block(struct page *page, unsigned int order)
{
	page->flags &= ~PG_buddy;
	list_del(&page->lru);
	free_area[order].nr_free--;
}

/* Puts a block back, merging it with free buddies; zone_lock held. */
static void merge_and_free(unsigned long pfn, unsigned int order)
{
	while (order < MAX_PAGE_ORDER) {
		unsigned long buddy_pfn = pfn ^ (1ul << order);
		struct page *buddy = pfn_to_page(buddy_pfn);

		if (!pfn_valid(buddy_pfn) || !(buddy->flags & PG_buddy) || buddy->order != order)
			break;
		del_free_block(buddy, order);
		pfn &= ~(1ul << order);
		order++;
	}
	add_free_block(pfn_to_page(pfn), order);
}

/**
 * alloc_pages() - Allocate 2^@order physically contiguous, naturally aligned pages.
 * @gfp:   __GFP_ZERO zeroes them; __GFP_NOWARN keeps a failure quiet
 * @order: 0 .. MAX_PAGE_ORDER
 *
 * Splits the smallest free block that is big enough. A failure prints
 * "page allocation failure" unless __GFP_NOWARN.
 *
 * Context: any context, handlers included; never sleeps (whatever @gfp
 * says), the free lists' lock is irq-safe.
 * Return: the first page, or NULL.
 */
struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = NULL;
	unsigned long flags;
	unsigned int o;

	if (order > MAX_PAGE_ORDER)
		return NULL;
	spin_lock_irqsave(&zone_lock, flags);
	for (o = order; o <= MAX_PAGE_ORDER && list_empty(&free_area[o].free_list); o++)
		;
	if (o <= MAX_PAGE_ORDER) {
		page = list_first_entry(&free_area[o].free_list, struct page, lru);
		del_free_block(page, o);
		while (o > order) { /* split: keep the lower half, free the upper */
			o--;
			add_free_block(page + (1ul << o), o);
		}
		page->flags |= PG_head;
		page->order = order;
		free_pages_count -= 1ul << order;
	}
	spin_unlock_irqrestore(&zone_lock, flags);

	if (!page) {
		if (!(gfp & __GFP_NOWARN))
			pr_warn("page allocation failure: order:%u, free pages: %lu\n", order,
				free_pages_count);
		return NULL;
	}
	if (gfp & __GFP_ZERO)
		memset(page_address(page), 0, PAGE_SIZE << order);
	return page;
}
EXPORT_SYMBOL(alloc_pages);

/**
 * __free_pages() - Give back a block from alloc_pages(), merging it with free buddies.
 * @page:  the first page
 * @order: the order it was allocated with
 *
 * A page that is not allocated (double free) or a wrong @order is refused
 * with a WARNING.
 *
 * Context: any context; does not sleep.
 */
void __free_pages(struct page *page, unsigned int order)
{
	unsigned long flags;

	if (WARN(!(page->flags & PG_head),
		 "freeing page %#lx that is not allocated (double free?)\n", page_to_phys(page)))
		return;
	if (WARN(page->order != order, "freeing page %#lx with order %u, allocated with order %u\n",
		 page_to_phys(page), order, page->order))
		return;
	spin_lock_irqsave(&zone_lock, flags);
	page->flags &= ~PG_head;
	merge_and_free(page_to_pfn(page), order);
	free_pages_count += 1ul << order;
	spin_unlock_irqrestore(&zone_lock, flags);
}
EXPORT_SYMBOL(__free_pages);

/**
 * __get_free_pages() - alloc_pages(), returning the kernel virtual address.
 * @gfp:   as for alloc_pages()
 * @order: as for alloc_pages()
 *
 * Context: any context; does not sleep.
 * Return: the address, or 0 if there was no memory.
 */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);
	return page ? (unsigned long)page_address(page) : 0;
}
EXPORT_SYMBOL(__get_free_pages);

/**
 * get_zeroed_page() - Allocate one zeroed page.
 * @gfp: as for alloc_pages()
 *
 * Context: any context; does not sleep.
 * Return: its kernel virtual address, or 0.
 */
unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}
EXPORT_SYMBOL(get_zeroed_page);

/**
 * free_pages() - Free pages by their kernel virtual address.
 * @addr:  what __get_free_pages() returned; 0 is ignored
 * @order: the order they were allocated with
 *
 * Context: any context; does not sleep. A bad address WARNs.
 */
void free_pages(unsigned long addr, unsigned int order)
{
	if (!addr)
		return;
	if (WARN(!virt_addr_valid((void *)addr) || (addr & ~PAGE_MASK),
		 "free_pages: bad address %#lx\n", addr))
		return;
	__free_pages(virt_to_page(addr), order);
}
EXPORT_SYMBOL(free_pages);

/**
 * free_reserved_area() - Give pages the allocator never had (reserved at boot) to it.
 * @start:  the direct-map address of the first page (rounded up to a page)
 * @end:    the direct-map address past the last one (rounded down)
 * @poison: a byte to fill them with first, or -1 to leave them as they are
 * @s:      what they held, for "Freeing @s memory: NK" (NULL: say nothing)
 *
 * What free_initmem() uses for the kernel's __init code and data.
 *
 * Context: process context; does not sleep.
 * Return: how many pages were freed.
 */
unsigned long free_reserved_area(void *start, void *end, int poison, const char *s)
{
	unsigned long pages = 0, flags;

	for (unsigned long pfn = PFN_UP(__pa(start)); pfn < PFN_DOWN(__pa(end)); pfn++, pages++) {
		if (poison >= 0)
			memset(__va(PFN_PHYS(pfn)), poison, PAGE_SIZE);
		spin_lock_irqsave(&zone_lock, flags);
		pfn_to_page(pfn)->flags &= ~PG_reserved;
		merge_and_free(pfn, 0);
		free_pages_count++;
		managed_pages++;
		spin_unlock_irqrestore(&zone_lock, flags);
	}
	if (pages && s)
		pr_info("Freeing %s memory: %luK\n", s, pages << (PAGE_SHIFT - 10));
	return pages;
}

/**
 * nr_free_pages() - How many pages the buddy allocator has free.
 *
 * Context: any context; does not sleep.
 * Return: the count.
 */
unsigned long nr_free_pages(void)
{
	return READ_ONCE(free_pages_count);
}

/**
 * totalram_pages() - How many pages of RAM the buddy allocator manages.
 *
 * Context: any context; does not sleep.
 * Return: the count set by mem_init().
 */
unsigned long totalram_pages(void)
{
	return managed_pages;
}

/* Hands [start, end) over in the largest naturally aligned blocks that fit,
 * as Linux's memblock_free_pages() does: 32 blocks of 4 MiB instead of 32768
 * single pages each merged with its buddies one order at a time (which took
 * 30-70 ms of the boot under TCG). */
static void free_range(phys_addr_t start, phys_addr_t end, void *arg)
{
	unsigned long pfn = PFN_UP(start), last = PFN_DOWN(end);

	(void)arg;
	while (pfn < last) {
		unsigned int order = pfn ? min(__builtin_ctzl(pfn), MAX_PAGE_ORDER) : MAX_PAGE_ORDER;

		while (pfn + (1ul << order) > last)
			order--;
		for (unsigned long i = 0; i < 1ul << order; i++)
			pfn_to_page(pfn + i)->flags = 0;
		merge_and_free(pfn, order);
		free_pages_count += 1ul << order;
		managed_pages += 1ul << order;
		pfn += 1ul << order;
	}
}

/**
 * mem_init() - Build mem_map and hand every unreserved page of RAM to the buddy allocator.
 *
 * Context: early boot, once, after every memblock_reserve().
 */
void __init mem_init(void)
{
	size_t map_size = max_pfn * sizeof(struct page);

	mem_map = memblock_alloc(map_size, PAGE_SIZE);
	for (unsigned long pfn = 0; pfn < max_pfn; pfn++)
		mem_map[pfn].flags = PG_reserved;
	for (unsigned int o = 0; o <= MAX_PAGE_ORDER; o++)
		INIT_LIST_HEAD(&free_area[o].free_list);
	memblock_for_each_free(free_range, NULL);
	pr_info("Memory: %luK/%luK available (mem_map %uK)\n", free_pages_count << 2,
		PFN_PHYS(max_pfn) >> 10, map_size >> 10);
}
