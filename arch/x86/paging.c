/*
 * The kernel's page tables. boot/boot.asm mapped the first 8 MiB with 4 KiB
 * pages; paging_init maps the rest of lowmem with 4 MiB pages (PSE) at
 * PAGE_OFFSET, installs the page tables of the vmalloc area, and unmaps the
 * page below the boot stack so that an overflow faults instead of silently
 * corrupting memory.
 */
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/set_memory.h>
#include <asm/tlbflush.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/kernel.h>

#define BOOT_MAPPED (8u << 20)

#define VMALLOC_TABLES ((VMALLOC_END - VMALLOC_START) >> PGDIR_SHIFT)

extern char boot_stack_guard[];

unsigned long high_memory;
static pte_t vmalloc_page_tables[VMALLOC_TABLES][PTRS_PER_PTE] __aligned(PAGE_SIZE);

static pte_t *vmalloc_pte(unsigned long addr)
{
	BUG_ON(addr < VMALLOC_START || addr >= VMALLOC_END);
	return &vmalloc_page_tables[pgd_index(addr - VMALLOC_START)][pte_index(addr)];
}

void set_vmalloc_pte(unsigned long addr, phys_addr_t phys, u32 flags)
{
	*vmalloc_pte(addr) = phys | flags;
	__flush_tlb_one(addr);
}

phys_addr_t vmalloc_pte_phys(unsigned long addr)
{
	pte_t pte = *vmalloc_pte(addr);
	return (pte & _PAGE_PRESENT) ? (pte & PAGE_MASK) : 0;
}

static int change_vmalloc_rw(unsigned long addr, int numpages, bool rw)
{
	unsigned long end = addr + (unsigned long)numpages * PAGE_SIZE;

	if ((addr & ~PAGE_MASK) || numpages < 0 || addr < VMALLOC_START || end > VMALLOC_END ||
	    end < addr)
		return -EINVAL;
	for (unsigned long va = addr; va < end; va += PAGE_SIZE) {
		pte_t *pte = vmalloc_pte(va);

		if (*pte & _PAGE_PRESENT)
			*pte = rw ? (*pte | _PAGE_RW) : (*pte & ~_PAGE_RW);
	}
	flush_tlb_kernel_range(addr, end);
	return 0;
}

int set_memory_ro(unsigned long addr, int numpages)
{
	return change_vmalloc_rw(addr, numpages, false);
}

int set_memory_rw(unsigned long addr, int numpages)
{
	return change_vmalloc_rw(addr, numpages, true);
}

pte_t *lookup_address(unsigned long addr, int *level)
{
	pgd_t *pgd = &swapper_pg_dir[pgd_index(addr)];
	pte_t *table;

	if (!(*pgd & _PAGE_PRESENT))
		return NULL;
	if (*pgd & _PAGE_PSE) {
		*level = 2;
		return pgd;
	}
	*level = 1;
	table = __va(*pgd & PAGE_MASK);
	return &table[pte_index(addr)];
}

int map_user_page(pgd_t *pgd, unsigned long uaddr, phys_addr_t phys, bool writable)
{
	pgd_t *pde = &pgd[pgd_index(uaddr)];
	pte_t *table;

	if (uaddr >= PAGE_OFFSET)
		return -EINVAL;
	if (!(*pde & _PAGE_PRESENT)) {
		unsigned long page = get_zeroed_page(GFP_KERNEL);
		if (!page)
			return -ENOMEM;
		*pde = __pa(page) | _PAGE_PRESENT | _PAGE_RW | _PAGE_USER;
	}
	table = __va(*pde & PAGE_MASK);
	table[pte_index(uaddr)] = (phys & PAGE_MASK) | _PAGE_PRESENT | _PAGE_USER |
				  (writable ? _PAGE_RW : 0);
	__flush_tlb_one(uaddr);
	return 0;
}

void unmap_user_page(pgd_t *pgd, unsigned long uaddr)
{
	pgd_t *pde = &pgd[pgd_index(uaddr)];
	pte_t *table;

	if (uaddr >= PAGE_OFFSET || !(*pde & _PAGE_PRESENT))
		return;
	table = __va(*pde & PAGE_MASK);
	table[pte_index(uaddr)] = 0;
	__flush_tlb_one(uaddr);
	for (unsigned int i = 0; i < PTRS_PER_PTE; i++)
		if (table[i])
			return;
	*pde = 0;
	__flush_tlb_all();
	free_page((unsigned long)table);
}

bool virt_addr_valid(const void *addr)
{
	unsigned long a = (unsigned long)addr;
	return a >= PAGE_OFFSET && a < high_memory;
}

static void unmap_guard_page(void *addr)
{
	int level;
	pte_t *pte = lookup_address((unsigned long)addr, &level);

	BUG_ON(!pte || level != 1);
	*pte = 0;
	__flush_tlb_one((unsigned long)addr);
}

void paging_init(unsigned long max_low_pfn)
{
	u32 a, b, c, d;
	phys_addr_t end = PFN_PHYS(max_low_pfn);

	cpuid(1, &a, &b, &c, &d);
	if (!(d & X86_FEATURE_PSE))
		panic("this CPU has no 4 MiB pages (PSE); Janus needs them for its direct map");

	for (phys_addr_t phys = BOOT_MAPPED; phys < end; phys += PGDIR_SIZE)
		swapper_pg_dir[pgd_index(PAGE_OFFSET + phys)] = phys | _PAGE_PSE | _PAGE_RW |
								_PAGE_PRESENT;
	for (unsigned int i = 0; i < VMALLOC_TABLES; i++)
		swapper_pg_dir[pgd_index(VMALLOC_START) + i] = __pa(vmalloc_page_tables[i]) |
							      _PAGE_RW | _PAGE_PRESENT;
	high_memory = PAGE_OFFSET + end;
	unmap_guard_page(boot_stack_guard);
	__flush_tlb_all();
}
