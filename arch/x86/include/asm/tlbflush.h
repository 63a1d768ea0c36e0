/* TLB shootdown (arch/x86/smp.c): every CPU caches translations, so a kernel
 * mapping that is removed must be flushed on all of them before its virtual
 * addresses may be used again. */
#ifndef _ASM_TLBFLUSH_H
#define _ASM_TLBFLUSH_H

/* Flushes [start, end) on every online CPU and waits. Process context. */
void flush_tlb_kernel_range(unsigned long start, unsigned long end);
void flush_tlb_all(void);

#endif
