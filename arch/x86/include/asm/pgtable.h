/* Two-level i386 page tables: entry bits and walking helpers (arch/x86/paging.c). */
#ifndef _ASM_PGTABLE_H
#define _ASM_PGTABLE_H
#include <asm/page.h>
#include <asm/processor.h>
#include <linux/types.h>

#define _PAGE_PRESENT (1u << 0)
#define _PAGE_RW (1u << 1)
#define _PAGE_USER (1u << 2)
#define _PAGE_PWT (1u << 3)
#define _PAGE_PCD (1u << 4)
#define _PAGE_ACCESSED (1u << 5)
#define _PAGE_DIRTY (1u << 6)
#define _PAGE_PSE (1u << 7) /* in a PDE: a 4 MiB page */
#define _PAGE_GLOBAL (1u << 8)

#define PGDIR_SHIFT 22
#define PTRS_PER_PGD 1024
#define PTRS_PER_PTE 1024
#define PGDIR_SIZE (1UL << PGDIR_SHIFT)
#define pgd_index(addr) ((unsigned long)(addr) >> PGDIR_SHIFT)
#define pte_index(addr) (((unsigned long)(addr) >> PAGE_SHIFT) & (PTRS_PER_PTE - 1))

typedef u32 pgd_t;
typedef u32 pte_t;

extern pgd_t swapper_pg_dir[PTRS_PER_PGD];

/* Where the direct map ends (set by paging_init from the memory map). */
extern unsigned long high_memory;

/* The vmalloc area: page-by-page mappings (stacks with guard pages, I/O memory).
 * Its page tables exist from boot, so every address space shares them as is. */
#define VMALLOC_START 0xF0000000UL
#define VMALLOC_END 0xF4000000UL

void paging_init(unsigned long max_low_pfn);
/* Maps (or, with phys 0 and no flags, unmaps) one page of the vmalloc area. */
void set_vmalloc_pte(unsigned long addr, phys_addr_t phys, u32 flags);
phys_addr_t vmalloc_pte_phys(unsigned long addr);
pte_t *lookup_address(unsigned long addr, int *level);
/* The user half of an address space (below PAGE_OFFSET): map or unmap one page.
 * A page table is allocated on demand and freed once it is empty. */
int map_user_page(pgd_t *pgd, unsigned long uaddr, phys_addr_t phys, bool writable);
void unmap_user_page(pgd_t *pgd, unsigned long uaddr);
/**
 * current_pgd() - The page directory this CPU is using now (cr3).
 *
 * Context: any context; does not sleep.
 * Return: its kernel virtual address.
 */
static inline pgd_t *current_pgd(void) { return __va(read_cr3() & PAGE_MASK); }
bool virt_addr_valid(const void *addr);

#endif
