/*
 * The vmalloc area allocator: a bitmap of its pages (in use or guard) and,
 * for each area, its length. vmalloc takes one page more than asked, leaves
 * the lowest one unmapped as a guard, and backs the rest with single pages
 * from the buddy allocator.
 *
 * vfree unmaps at once, but other CPUs may still hold the old translations
 * in their TLBs, so the addresses are not reused yet: the area is "lazy"
 * until a purge has flushed every CPU's TLB (one IPI round for many areas).
 */
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include <linux/export.h>
#include <linux/hardirq.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

#define VMALLOC_PAGES ((VMALLOC_END - VMALLOC_START) >> PAGE_SHIFT)

#define LAZY_MAX_PAGES 256 /* purge when this much waits */

static u32 vmap_bitmap[VMALLOC_PAGES / 32];
static u32 vmap_lazy[VMALLOC_PAGES / 32]; /* bit at the first mapped page of a freed area */
static u16 vmap_len[VMALLOC_PAGES]; /* mapped pages of the area starting here */
static unsigned long vmap_used, vmap_lazy_pages;
static DEFINE_SPINLOCK(vmap_lock);
static DEFINE_MUTEX(vmap_purge_lock);

static bool test_bit32(const u32 *map, unsigned long i) { return map[i / 32] & (1u << (i % 32)); }
static bool page_busy(unsigned long i) { return test_bit32(vmap_bitmap, i); }

static void mark(unsigned long first, unsigned long n, bool busy)
{
	for (unsigned long i = first; i < first + n; i++) {
		if (busy)
			vmap_bitmap[i / 32] |= 1u << (i % 32);
		else
			vmap_bitmap[i / 32] &= ~(1u << (i % 32));
	}
}

/* First fit: n free pages in a row; returns the first index or -1. */
static long find_free_run(unsigned long n)
{
	unsigned long run = 0;

	for (unsigned long i = 0; i < VMALLOC_PAGES; i++) {
		run = page_busy(i) ? 0 : run + 1;
		if (run == n)
			return i + 1 - n;
	}
	return -1;
}

static unsigned long index_to_addr(unsigned long i) { return VMALLOC_START + i * PAGE_SIZE; }

/* Unmaps pages of an area; frees the RAM behind them unless it is device memory. */
static void unmap_area(unsigned long addr, unsigned long pages, bool free_ram)
{
	for (unsigned long i = 0; i < pages; i++) {
		unsigned long va = addr + i * PAGE_SIZE;
		phys_addr_t phys = vmalloc_pte_phys(va);
		set_vmalloc_pte(va, 0, 0);
		if (phys && free_ram)
			__free_pages(pfn_to_page(PFN_DOWN(phys)), 0);
	}
}

/* Makes the lazily freed areas reusable: flush every CPU's TLB once, then
 * clear them. Needs process context (it waits for the other CPUs); elsewhere
 * the allocation just goes on without them. */
static void purge_lazy(void)
{
	static u32 purging[VMALLOC_PAGES / 32]; /* under vmap_purge_lock */

	if (in_atomic() || irqs_disabled())
		return;
	mutex_lock(&vmap_purge_lock);
	spin_lock(&vmap_lock);
	memcpy(purging, vmap_lazy, sizeof(purging));
	memset(vmap_lazy, 0, sizeof(vmap_lazy));
	vmap_lazy_pages = 0;
	spin_unlock(&vmap_lock);

	flush_tlb_kernel_range(VMALLOC_START, VMALLOC_END);

	spin_lock(&vmap_lock);
	for (unsigned long i = 0; i < VMALLOC_PAGES; i++) {
		if (test_bit32(purging, i)) {
			mark(i - 1, vmap_len[i] + 1, false);
			vmap_len[i] = 0;
		}
	}
	spin_unlock(&vmap_lock);
	mutex_unlock(&vmap_purge_lock);
}

/* Reserves a guard page and `pages` more; returns the address after the guard, or 0. */
static unsigned long alloc_area(unsigned long pages)
{
	long first = -1;

	if (!pages || pages > 0xffff)
		return 0;
	if (READ_ONCE(vmap_lazy_pages) >= LAZY_MAX_PAGES)
		purge_lazy();
	for (int attempt = 0; attempt < 2 && first < 0; attempt++) {
		if (attempt)
			purge_lazy(); /* full: the lazy areas may make room */
		spin_lock(&vmap_lock);
		first = find_free_run(pages + 1);
		if (first >= 0) {
			mark(first, pages + 1, true);
			vmap_len[first + 1] = pages;
			vmap_used += pages + 1;
		}
		spin_unlock(&vmap_lock);
	}
	return first < 0 ? 0 : index_to_addr(first + 1);
}

/**
 * vmalloc() - Allocate virtually contiguous memory from single pages, below a guard page.
 * @size: bytes, rounded up to whole pages
 *
 * The unmapped page below the area makes an underrun fault at once. Not
 * zeroed; see vzalloc().
 *
 * Context: process context only; may sleep in principle (GFP_KERNEL pages,
 * a mutex to purge freed areas). Never from a handler or with a spinlock held.
 * Return: the address, or NULL if there is no room or memory.
 */
void *vmalloc(unsigned long size)
{
	unsigned long pages = PFN_UP(size), addr = alloc_area(pages);

	if (!addr)
		return NULL;
	for (unsigned long i = 0; i < pages; i++) {
		struct page *page = alloc_page(GFP_KERNEL);
		if (!page) {
			unmap_area(addr, i, true);
			spin_lock(&vmap_lock);
			mark((addr - VMALLOC_START) / PAGE_SIZE - 1, pages + 1, false);
			vmap_len[(addr - VMALLOC_START) / PAGE_SIZE] = 0;
			vmap_used -= pages + 1;
			spin_unlock(&vmap_lock);
			return NULL;
		}
		set_vmalloc_pte(addr + i * PAGE_SIZE, page_to_phys(page), _PAGE_PRESENT | _PAGE_RW);
	}
	return (void *)addr;
}
EXPORT_SYMBOL(vmalloc);

/**
 * vzalloc() - vmalloc() and zero the memory.
 * @size: bytes, rounded up to whole pages
 *
 * Context: process context only; may sleep in principle (see vmalloc()).
 * Return: the address, or NULL.
 */
void *vzalloc(unsigned long size)
{
	void *p = vmalloc(size);
	if (p)
		memset(p, 0, PFN_UP(size) * PAGE_SIZE);
	return p;
}
EXPORT_SYMBOL(vzalloc);

/**
 * is_vmalloc_addr() - Whether @addr lies in the vmalloc area.
 * @addr: any address
 *
 * Context: any context; does not sleep.
 * Return: true if VMALLOC_START <= @addr < VMALLOC_END.
 */
bool is_vmalloc_addr(const void *addr)
{
	unsigned long a = (unsigned long)addr;
	return a >= VMALLOC_START && a < VMALLOC_END;
}
EXPORT_SYMBOL(is_vmalloc_addr);

/* vfree and iounmap: unmap the area at addr and park it until the next purge. */
static void release_area(const void *addr, bool free_ram, const char *who)
{
	unsigned long i, pages;

	i = ((unsigned long)addr - VMALLOC_START) >> PAGE_SHIFT;
	if (WARN(!is_vmalloc_addr(addr) || ((unsigned long)addr & ~PAGE_MASK) || !vmap_len[i] ||
			 test_bit32(vmap_lazy, i),
		 "%s: bad address %p\n", who, addr))
		return;
	pages = vmap_len[i];
	unmap_area((unsigned long)addr, pages, free_ram); /* this CPU's TLB is flushed */
	spin_lock(&vmap_lock);
	vmap_lazy[i / 32] |= 1u << (i % 32);
	vmap_lazy_pages += pages + 1;
	vmap_used -= pages + 1;
	spin_unlock(&vmap_lock);
}

/**
 * vfree() - Unmap and free memory from vmalloc().
 * @addr: what vmalloc() returned; NULL is ignored, a bad address WARNs
 *
 * The pages go back at once; the addresses are reused only after a later
 * purge has flushed every CPU's TLB.
 *
 * Context: process context; does not sleep. Not from a handler (the area
 * lock is not irq-safe).
 */
void vfree(const void *addr)
{
	if (addr)
		release_area(addr, true, "vfree");
}
EXPORT_SYMBOL(vfree);

/**
 * ioremap() - Map device memory, uncached, into the vmalloc area.
 * @phys: physical address of the registers
 * @size: bytes
 *
 * Context: process context only; may sleep in principle (see vmalloc()).
 * Return: the virtual address of @phys, or NULL if there is no room.
 */
void __iomem *ioremap(phys_addr_t phys, unsigned long size)
{
	phys_addr_t base = phys & PAGE_MASK;
	unsigned long pages = size ? PFN_UP(phys + size - base) : 0;
	unsigned long addr = alloc_area(pages);

	if (!addr)
		return NULL;
	for (unsigned long i = 0; i < pages; i++)
		set_vmalloc_pte(addr + i * PAGE_SIZE, base + i * PAGE_SIZE,
				_PAGE_PRESENT | _PAGE_RW | _PAGE_PCD | _PAGE_PWT);
	return (void __iomem *)(addr + (phys - base));
}

/**
 * iounmap() - Undo an ioremap().
 * @addr: what ioremap() returned
 *
 * The device memory stays where it is; only the mapping goes (its addresses
 * are reused once every CPU's TLB has been flushed, as for vfree).
 *
 * Context: process context; the mapping must no longer be in use.
 */
void iounmap(volatile void __iomem *addr)
{
	if (addr)
		release_area((const void *)((unsigned long)addr & PAGE_MASK), false, "iounmap");
}

/**
 * vmalloc_to_page() - The page behind a vmalloc address.
 * @addr: an address in a vmalloc area
 *
 * Context: any context; does not sleep.
 * Return: its page, or NULL if @addr is not mapped.
 */
struct page *vmalloc_to_page(const void *addr)
{
	phys_addr_t phys = vmalloc_pte_phys((unsigned long)addr & PAGE_MASK);
	return phys ? pfn_to_page(PFN_DOWN(phys)) : NULL;
}
EXPORT_SYMBOL(vmalloc_to_page);

/**
 * vmalloc_used_pages() - How many pages of the vmalloc area are in use, guards included.
 *
 * Context: any context; does not sleep.
 * Return: the count.
 */
unsigned long vmalloc_used_pages(void)
{
	return READ_ONCE(vmap_used);
}
