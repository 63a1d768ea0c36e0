/* The kernel's view of memory: pages, the direct map at PAGE_OFFSET, __pa/__va. */
#ifndef _ASM_PAGE_H
#define _ASM_PAGE_H

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))

/* Physical memory 0..MAXMEM is mapped at PAGE_OFFSET ("lowmem", like Linux on i386). */
#define PAGE_OFFSET 0xC0000000UL
#define MAXMEM 0x30000000UL /* 768 MiB: the rest of the top GiB is for vmap and I/O */

#ifndef __ASSEMBLER__
#include <linux/types.h>
#define __pa(x) ((phys_addr_t)(x) - PAGE_OFFSET)
#define __va(x) ((void *)((unsigned long)(x) + PAGE_OFFSET))
#define virt_to_phys(x) __pa(x)
#define phys_to_virt(x) __va(x)

#define PFN_UP(x) (((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x) ((x) >> PAGE_SHIFT)
#define PFN_PHYS(x) ((phys_addr_t)(x) << PAGE_SHIFT)
#define PAGE_ALIGN(x) (((x) + PAGE_SIZE - 1) & PAGE_MASK)
#endif

#endif
