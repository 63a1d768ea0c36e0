/*
 * setup_arch: everything the boot CPU must learn or set up before the generic
 * kernel can run: the memory map, the command line, the direct map, the clock.
 */
#include <asm/pgtable.h>
#include <asm/setup.h>
#include <asm/tsc.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <janus/multiboot.h>
#include <janus/params.h>

extern char _kernel_phys_start[], _kernel_phys_end[];

/**
 * setup_arch() - The x86 part of boot: Multiboot information, early parameters, memory map, paging, the TSC.
 * @magic:    the loader's magic
 * @mbi_phys: the physical address of the Multiboot information
 *
 * Context: early boot on the boot CPU, interrupts off.
 */
void __init setup_arch(u32 magic, u32 mbi_phys)
{
	unsigned long max_low_pfn = multiboot_setup(magic, mbi_phys);

	parse_early_params();
	/* Taken before anything can allocate: the BIOS area below 1 MiB (and the
	 * AP trampoline's page in it) and the kernel image. */
	memblock_reserve(0, 1u << 20);
	memblock_reserve((phys_addr_t)_kernel_phys_start,
			 _kernel_phys_end - _kernel_phys_start);

	paging_init(max_low_pfn);
	max_pfn = max_low_pfn;
	memblock.limit = PFN_PHYS(max_low_pfn);
	tsc_calibrate_begin(); /* tsc_calibrate() ends it, in time_init() */
}
