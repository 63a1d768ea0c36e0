/*
 * Address spaces (arch/x86/address_space.c). Every process has its own page
 * directory: the user half (below PAGE_OFFSET) is its own, the kernel half is
 * a copy of swapper_pg_dir's entries, which point at the same page tables, so
 * the kernel looks the same from every process. Kernel threads run on
 * swapper_pg_dir, whose user half is empty.
 */
#ifndef _ASM_MMU_CONTEXT_H
#define _ASM_MMU_CONTEXT_H
#include <linux/mm_types.h>

/* A new address space with an empty user half, or NULL. */
struct mm_struct *mm_alloc(void);
/* A copy of old with every user page copied (fork), or NULL. */
struct mm_struct *mm_dup(struct mm_struct *old);
/* Frees every user page, page table and the directory. Not the one in CR3. */
void mm_destroy(struct mm_struct *mm);
/**
 * mm_map_zeroed_page() - Map a new zeroed page at @uaddr in @mm.
 * @mm:       the address space (need not be loaded)
 * @uaddr:    the user address (rounded down to its page)
 * @writable: whether user mode may write it
 *
 * Context: process context; may sleep (GFP_KERNEL).
 * Return: the page's kernel address, or NULL without memory.
 */
void *mm_map_zeroed_page(struct mm_struct *mm, unsigned long uaddr, bool writable);
/* The kernel address of the byte at uaddr in mm, or NULL if unmapped. */
void *mm_user_to_kernel(struct mm_struct *mm, unsigned long uaddr);
/* Loads mm's page directory (swapper_pg_dir for NULL) unless already loaded:
 * a CR3 write, which also flushes this CPU's TLB of the old user half. */
void switch_mm(struct mm_struct *mm);

#endif
