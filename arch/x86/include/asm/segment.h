/* GDT slots and the segment selectors built from them (one GDT per CPU, see arch/x86/gdt.c). */
#ifndef _ASM_SEGMENT_H
#define _ASM_SEGMENT_H

#define GDT_ENTRY_KERNEL_CS 1
#define GDT_ENTRY_KERNEL_DS 2
#define GDT_ENTRY_USER_CS 3
#define GDT_ENTRY_USER_DS 4
#define GDT_ENTRY_TSS 5
#define GDT_ENTRY_PERCPU 6 /* %fs in the kernel: base = this CPU's per-CPU offset */
#define GDT_ENTRY_DOUBLEFAULT_TSS 7
#define GDT_ENTRIES 8

#define __KERNEL_CS (GDT_ENTRY_KERNEL_CS * 8)
#define __KERNEL_DS (GDT_ENTRY_KERNEL_DS * 8)
#define __USER_CS (GDT_ENTRY_USER_CS * 8 + 3)
#define __USER_DS (GDT_ENTRY_USER_DS * 8 + 3)
#define __TSS (GDT_ENTRY_TSS * 8)
#define __KERNEL_PERCPU (GDT_ENTRY_PERCPU * 8)
#define __DOUBLEFAULT_TSS (GDT_ENTRY_DOUBLEFAULT_TSS * 8)

#endif
