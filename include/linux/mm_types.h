/* An address space: the page directory of a user process (arch/x86/address_space.c). */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H
#include <asm/pgtable.h>

struct mm_struct {
	pgd_t *pgd;          /* user half its own, kernel half shared with every process */
	unsigned long pages; /* user pages mapped */
};

#endif
