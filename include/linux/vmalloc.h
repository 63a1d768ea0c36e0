/*
 * vmalloc: memory that is contiguous in virtual addresses only, mapped page by
 * page in the vmalloc area (kernel/mm/vmalloc.c). Every area has an unmapped
 * guard page just below it, which is what makes it the home of kernel stacks:
 * running off the bottom of a stack faults at once. Process context only.
 */
#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H
#include <linux/types.h>

void *vmalloc(unsigned long size);
void *vzalloc(unsigned long size);
void vfree(const void *addr);
bool is_vmalloc_addr(const void *addr);
/* Device registers (or firmware tables) at a physical address, mapped uncached. */
void __iomem *ioremap(phys_addr_t phys, unsigned long size);
void iounmap(volatile void __iomem *addr);
struct page *vmalloc_to_page(const void *addr);
/* Pages of the vmalloc area in use, guard pages included. */
unsigned long vmalloc_used_pages(void);

#endif
