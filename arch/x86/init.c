/*
 * Freeing the kernel's __init code and data once the boot is over, as
 * Linux's free_initmem() does. linker.ld links them at INIT_VIRT, a window
 * of their own that boot/boot.asm maps to the pages loaded after .bss; here
 * the window is unmapped on every CPU and the pages go to the page
 * allocator ("Freeing unused kernel memory: NK"). Unlike Linux on i386,
 * where a late call into __init code runs whatever the reused page holds,
 * such a call here always faults, and the oops says why.
 */
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include <linux/init.h>
#include <linux/jump_label.h>
#include <linux/kernel.h>
#include <linux/mm.h>

extern char __init_begin[], __init_end[], __init_phys[];

static bool initmem_freed;

/**
 * free_initmem() - Unmap the kernel's __init code and data and give their pages to the allocator.
 *
 * After this, calling an __init function or reading __initdata faults.
 *
 * Context: process context with interrupts on, once, at the end of the
 * boot (kernel_init, after the initcalls); may sleep (the static-branch
 * mutex).
 */
void free_initmem(void)
{
	unsigned long start = (unsigned long)__init_begin, end = (unsigned long)__init_end;
	phys_addr_t phys = (phys_addr_t)(unsigned long)__init_phys;

	jump_label_invalidate_initmem(start, end);
	for (unsigned long addr = start; addr < end; addr += PAGE_SIZE) {
		int level;
		pte_t *pte = lookup_address(addr, &level);

		BUG_ON(!pte || level != 1);
		*pte = 0;
	}
	WRITE_ONCE(initmem_freed, true);
	flush_tlb_kernel_range(start, end);
	/* No poison (Linux writes 0xcc): the window is unmapped, so nothing can
	 * run what the pages held, and under TCG writing over translated code
	 * costs 3 ms of the boot. */
	free_reserved_area(__va(phys), __va(phys + (end - start)), -1, "unused kernel");
}

/**
 * in_freed_initmem() - Whether an address was __init code or data, freed after boot.
 * @addr: a kernel virtual address
 *
 * Context: any context.
 * Return: true once free_initmem() ran, for an address of the window.
 */
bool in_freed_initmem(unsigned long addr)
{
	return READ_ONCE(initmem_freed) && addr >= (unsigned long)__init_begin &&
	       addr < (unsigned long)__init_end;
}
