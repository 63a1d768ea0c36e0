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
#include <linux/init.h>
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

/**
 * set_vmalloc_pte() - Map (or with @flags 0, unmap) one page of the vmalloc area.
 * @addr:  the virtual address, in the vmalloc area (BUG() otherwise)
 * @phys:  the physical page
 * @flags: _PAGE_PRESENT, _PAGE_RW... or 0 to unmap
 *
 * Only this CPU's TLB entry is flushed; other CPUs need a shootdown.
 *
 * Context: any context; does not sleep. The caller serialises changes to
 * the same page.
 */
void set_vmalloc_pte(unsigned long addr, phys_addr_t phys, u32 flags)
{
	*vmalloc_pte(addr) = phys | flags;
	__flush_tlb_one(addr);
}

/**
 * vmalloc_pte_phys() - The physical page mapped at a vmalloc address.
 * @addr: the virtual address, in the vmalloc area (BUG() otherwise)
 *
 * Context: any context; does not sleep.
 * Return: the physical address of the page, or 0 if it is not mapped.
 */
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

/**
 * lookup_address() - The kernel page-table entry that maps @addr.
 * @addr:  a kernel virtual address
 * @level: set to 2 for a 4 MiB page (the entry is the directory's), 1 for a 4 KiB one
 *
 * Context: any context; does not sleep.
 * Return: the entry, or NULL if the page table is not present.
 */
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

/**
 * map_user_page() - Map a page into a user address space, allocating its page table if needed.
 * @pgd:      the address space's page directory
 * @uaddr:    the user virtual address (below PAGE_OFFSET)
 * @phys:     the physical page
 * @writable: whether user mode may write it
 *
 * Context: process context; may sleep (a page table comes from
 * get_zeroed_page(GFP_KERNEL)).
 * Return: 0, -EINVAL for a kernel address, or -ENOMEM.
 */
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

/**
 * unmap_user_page() - Unmap a user page, freeing its page table once it is empty.
 * @pgd:   the address space's page directory
 * @uaddr: the user virtual address
 *
 * Context: process context; does not sleep.
 */
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

/**
 * virt_addr_valid() - Whether @addr is in the kernel's direct map of RAM (so virt_to_page() works).
 * @addr: any address
 *
 * Context: any context; does not sleep.
 * Return: true if PAGE_OFFSET <= @addr < high_memory.
 */
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

/**
 * paging_init() - Map all low RAM with 4 MiB pages at PAGE_OFFSET, install the vmalloc page tables.
 * @max_low_pfn: the first page frame above the RAM to map
 *
 * Also unmaps the boot stack's guard page. Panics on a CPU without PSE.
 *
 * Context: early boot, on the boot CPU.
 */
void __init paging_init(unsigned long max_low_pfn)
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
