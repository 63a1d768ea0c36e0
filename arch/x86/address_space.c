/*
 * Address spaces: one page directory per user process. mm_alloc copies the
 * kernel half's entries from swapper_pg_dir (the direct map and the vmalloc
 * page tables, which never change after boot, so the copies never go stale);
 * user pages are mapped with the U bit, kernel pages never have it, so ring 3
 * cannot touch the kernel. switch_mm runs on every context switch.
 */
#include <asm/mmu_context.h>
#include <asm/pgtable.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>

#define USER_PGDS pgd_index(PAGE_OFFSET)

/**
 * mm_alloc() - A new, empty user address space sharing the kernel's half of the page directory.
 *
 * Context: process context; may sleep (GFP_KERNEL).
 * Return: the address space, or NULL without memory.
 */
struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm), GFP_KERNEL);

	if (!mm)
		return NULL;
	mm->pgd = (pgd_t *)get_zeroed_page(GFP_KERNEL);
	if (!mm->pgd) {
		kfree(mm);
		return NULL;
	}
	memcpy(mm->pgd + USER_PGDS, swapper_pg_dir + USER_PGDS,
	       (PTRS_PER_PGD - USER_PGDS) * sizeof(pgd_t));
	return mm;
}

static void free_page_table(pte_t *table)
{
	for (unsigned int i = 0; i < PTRS_PER_PTE; i++)
		if (table[i] & _PAGE_PRESENT)
			free_page((unsigned long)__va(table[i] & PAGE_MASK));
	free_page((unsigned long)table);
}

/**
 * mm_destroy() - Free a user address space: its pages, page tables and page directory.
 * @mm: the address space; must not be loaded on this CPU (BUG() otherwise)
 *
 * Context: process context; does not sleep.
 */
void mm_destroy(struct mm_struct *mm)
{
	BUG_ON(current_pgd() == mm->pgd);
	for (unsigned int i = 0; i < USER_PGDS; i++)
		if (mm->pgd[i] & _PAGE_PRESENT)
			free_page_table(__va(mm->pgd[i] & PAGE_MASK));
	free_page((unsigned long)mm->pgd);
	kfree(mm);
}

/**
 * mm_dup() - A copy of an address space, for fork: every user page copied now.
 * @old: the parent's address space
 *
 * An eager copy (no copy-on-write): simple, and cheap for Janus's small
 * programs. Each page keeps its writability.
 *
 * Context: process context; may sleep (allocates).
 * Return: the copy, or NULL if out of memory.
 */
struct mm_struct *mm_dup(struct mm_struct *old)
{
	struct mm_struct *mm = mm_alloc();

	for (unsigned int i = 0; mm && i < USER_PGDS; i++) {
		pte_t *table = __va(old->pgd[i] & PAGE_MASK);

		if (!(old->pgd[i] & _PAGE_PRESENT))
			continue;
		for (unsigned int j = 0; j < PTRS_PER_PTE; j++) {
			unsigned long uaddr = (unsigned long)i << PGDIR_SHIFT | (unsigned long)j << PAGE_SHIFT;
			void *copy;

			if (!(table[j] & _PAGE_PRESENT))
				continue;
			copy = mm_map_zeroed_page(mm, uaddr, table[j] & _PAGE_RW);
			if (!copy) {
				mm_destroy(mm);
				return NULL;
			}
			memcpy(copy, __va(table[j] & PAGE_MASK), PAGE_SIZE);
		}
	}
	return mm;
}

void *mm_map_zeroed_page(struct mm_struct *mm, unsigned long uaddr, bool writable)
{
	unsigned long page = get_zeroed_page(GFP_KERNEL);

	if (!page)
		return NULL;
	if (map_user_page(mm->pgd, uaddr & PAGE_MASK, __pa(page), writable)) {
		free_page(page);
		return NULL;
	}
	mm->pages++;
	return (void *)page;
}

/**
 * mm_user_to_kernel() - The kernel address of the byte at user address @uaddr in @mm.
 * @mm:    the address space (need not be loaded)
 * @uaddr: the user address
 *
 * Context: any context; does not sleep.
 * Return: the kernel address, or NULL if @uaddr is not mapped.
 */
void *mm_user_to_kernel(struct mm_struct *mm, unsigned long uaddr)
{
	pgd_t pde = mm->pgd[pgd_index(uaddr)];
	pte_t pte;

	if (uaddr >= PAGE_OFFSET || !(pde & _PAGE_PRESENT))
		return NULL;
	pte = ((pte_t *)__va(pde & PAGE_MASK))[pte_index(uaddr)];
	if (!(pte & _PAGE_PRESENT))
		return NULL;
	return (char *)__va(pte & PAGE_MASK) + (uaddr & ~PAGE_MASK);
}

/**
 * switch_mm() - Load @mm's page directory into CR3 (the kernel's alone for NULL).
 * @mm: the address space, or NULL for a kernel thread
 *
 * CR3 is written only if it changes, which flushes the non-global TLB entries.
 *
 * Context: the scheduler, or a task changing its own address space with
 * preemption disabled; does not sleep.
 */
void switch_mm(struct mm_struct *mm)
{
	phys_addr_t pgd = __pa(mm ? mm->pgd : swapper_pg_dir);

	if ((read_cr3() & PAGE_MASK) != pgd)
		write_cr3(pgd);
}
