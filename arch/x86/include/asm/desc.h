/* Segment and gate descriptors: the GDT (gdt.c) and, later, the IDT. */
#ifndef _ASM_DESC_H
#define _ASM_DESC_H
#include <asm/segment.h>
#include <linux/compiler.h>
#include <linux/types.h>

struct desc_struct {
	u16 limit0;
	u16 base0;
	u8 base1;
	u8 type_attr; /* P, DPL, S, type */
	u8 limit1_flags; /* G, D/B, limit 19:16 */
	u8 base2;
} __packed;

struct desc_ptr {
	u16 size;
	u32 address;
} __packed;

/* The hardware task-state segment: Janus uses it for esp0/ss0 and the double-fault task. */
struct x86_hw_tss {
	u16 back_link, __blh;
	u32 sp0;
	u16 ss0, __ss0h;
	u32 sp1;
	u16 ss1, __ss1h;
	u32 sp2;
	u16 ss2, __ss2h;
	u32 cr3, ip, flags, ax, cx, dx, bx, sp, bp, si, di;
	u16 es, __esh, cs, __csh, ss, __ssh, ds, __dsh, fs, __fsh, gs, __gsh, ldt, __ldth;
	u16 trace, io_bitmap_base;
} __packed;

struct gdt_page {
	struct desc_struct gdt[GDT_ENTRIES];
} __aligned(64);

void cpu_init_gdt(int cpu);

/**
 * read_segment() - A segment register of this CPU, for reports and tests.
 * @which: 0 cs, 1 ds, 2 fs, 3 the task register (str)
 *
 * Context: any context; does not sleep.
 * Return: the selector, 0 for another @which.
 */
static inline u16 read_segment(int which)
{
	u16 v = 0;
	switch (which) {
	case 0: __asm__ __volatile__("mov %%cs, %0" : "=r"(v)); break;
	case 1: __asm__ __volatile__("mov %%ds, %0" : "=r"(v)); break;
	case 2: __asm__ __volatile__("mov %%fs, %0" : "=r"(v)); break;
	case 3: __asm__ __volatile__("str %0" : "=r"(v)); break;
	}
	return v;
}
#define SEG_CS 0
#define SEG_DS 1
#define SEG_FS 2
#define SEG_TR 3

#endif
