/*
 * The GDT, one per CPU: flat kernel and user segments, this CPU's TSS, the
 * per-CPU segment loaded in %fs, and the double-fault TSS (arch/x86/traps.c).
 */
#include <asm/desc.h>
#include <asm/segment.h>
#include <asm/vsyscall.h>
#include <linux/percpu.h>
#include <linux/sched.h>

DEFINE_PER_CPU(struct gdt_page, gdt_page);
DEFINE_PER_CPU(struct x86_hw_tss, cpu_tss);

#define DESC_CODE 0x9A /* present, ring 0, code, readable */
#define DESC_DATA 0x92 /* present, ring 0, data, writable */
#define DESC_DPL3 0x60
#define DESC_TSS 0x89 /* present, 32-bit TSS, available */
#define FLAGS_4K_32BIT 0xC0 /* granularity 4 KiB, 32-bit default size */

/**
 * set_gdt_entry() - Fill a segment descriptor.
 * @d:         the descriptor
 * @base:      the segment base
 * @limit:     the 20-bit limit
 * @type_attr: the access byte (type, DPL, present)
 * @flags:     granularity and size bits
 *
 * Context: any context; does not sleep.
 */
void set_gdt_entry(struct desc_struct *d, u32 base, u32 limit, u8 type_attr, u8 flags)
{
	d->limit0 = limit & 0xffff;
	d->base0 = base & 0xffff;
	d->base1 = (base >> 16) & 0xff;
	d->type_attr = type_attr;
	d->limit1_flags = ((limit >> 16) & 0x0f) | flags;
	d->base2 = base >> 24;
}

static void load_gdt(struct desc_struct *gdt)
{
	struct desc_ptr ptr = { .size = GDT_ENTRIES * 8 - 1, .address = (u32)gdt };

	__asm__ __volatile__("lgdt %0\n\t"
			     "ljmp %1, $1f\n"
			     "1:\tmov %2, %%ds\n\t"
			     "mov %2, %%es\n\t"
			     "mov %2, %%ss\n\t"
			     "mov %2, %%gs\n\t"
			     "mov %3, %%fs"
			     : : "m"(ptr), "i"(__KERNEL_CS), "r"(__KERNEL_DS), "r"(__KERNEL_PERCPU)
			     : "memory");
}

/**
 * cpu_init_gdt() - Build and load @cpu's GDT and TSS; %fs then points at its per-CPU area.
 * @cpu: the CPU running this
 *
 * The TSS has no I/O bitmap, so user mode may touch no port.
 *
 * Context: boot, first thing on each CPU, interrupts off.
 */
void cpu_init_gdt(int cpu)
{
	struct desc_struct *gdt = per_cpu(gdt_page, cpu).gdt;
	struct x86_hw_tss *tss = &per_cpu(cpu_tss, cpu);

	set_gdt_entry(&gdt[GDT_ENTRY_KERNEL_CS], 0, 0xfffff, DESC_CODE, FLAGS_4K_32BIT);
	set_gdt_entry(&gdt[GDT_ENTRY_KERNEL_DS], 0, 0xfffff, DESC_DATA, FLAGS_4K_32BIT);
	set_gdt_entry(&gdt[GDT_ENTRY_USER_CS], 0, 0xfffff, DESC_CODE | DESC_DPL3, FLAGS_4K_32BIT);
	set_gdt_entry(&gdt[GDT_ENTRY_USER_DS], 0, 0xfffff, DESC_DATA | DESC_DPL3, FLAGS_4K_32BIT);
	set_gdt_entry(&gdt[GDT_ENTRY_PERCPU], __per_cpu_offset[cpu], 0xfffff, DESC_DATA,
		      FLAGS_4K_32BIT);

	/* Ring 3 → ring 0 transitions load ss0:sp0; no I/O bitmap, so user
	 * mode may touch no port. */
	tss->ss0 = __KERNEL_DS;
	tss->io_bitmap_base = sizeof(*tss);
	set_gdt_entry(&gdt[GDT_ENTRY_TSS], (u32)tss, sizeof(*tss) - 1, DESC_TSS, 0);

	load_gdt(gdt);
	__asm__ __volatile__("ltr %w0" : : "r"(__TSS));
	syscall_init_cpu(tss);
}

/**
 * update_task_stack() - Set the stack the CPU switches to on entry from user mode (TSS sp0).
 * @sp0: the top of the next task's kernel stack
 *
 * Context: the scheduler, at a context switch; does not sleep.
 */
void update_task_stack(unsigned long sp0)
{
	this_cpu_write(cpu_tss.sp0, sp0);
}
