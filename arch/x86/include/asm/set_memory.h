/* Changing the protection of kernel pages (arch/x86/paging.c): the module
 * loader makes a module's text read-only once it is relocated. */
#ifndef _ASM_SET_MEMORY_H
#define _ASM_SET_MEMORY_H

/**
 * set_memory_ro() - Make pages of the vmalloc area read-only.
 * @addr:     the first page (page-aligned, in the vmalloc area)
 * @numpages: how many
 *
 * A write to them from then on is a page fault (CR0.WP applies the rule to
 * the kernel too). The pages stay read-only until vfree unmaps them.
 * Context: process context (it flushes every CPU's TLB and waits).
 * Return: 0, or -EINVAL if the range is not in the vmalloc area.
 */
int set_memory_ro(unsigned long addr, int numpages);
/**
 * set_memory_rw() - Make pages of the vmalloc area writable again.
 * @addr:     the first page (page-aligned, in the vmalloc area)
 * @numpages: how many
 *
 * Context: process context (it flushes every CPU's TLB and waits).
 * Return: 0, or -EINVAL if the range is not in the vmalloc area.
 */
int set_memory_rw(unsigned long addr, int numpages);

#endif
