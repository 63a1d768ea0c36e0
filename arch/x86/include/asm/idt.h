/* The interrupt descriptor table (arch/x86/idt.c): one table, shared by all CPUs. */
#ifndef _ASM_IDT_H
#define _ASM_IDT_H
#include <linux/compiler.h>
#include <linux/types.h>

struct gate_struct {
	u16 offset_low;
	u16 segment;
	u8 reserved;
	u8 type_attr; /* P, DPL, gate type */
	u16 offset_high;
} __packed;

#define GATE_INTERRUPT 0x8e /* present, DPL 0, 32-bit interrupt gate (clears IF) */
#define GATE_TASK 0x85      /* present, DPL 0, task gate */
#define GATE_DPL3 0x60      /* reachable with `int` from user mode */

extern struct gate_struct idt_table[256];

void idt_setup(void);
void load_idt(void);
/* Points vector at entry, or back at its stub in entry.asm with entry == 0;
 * user: reachable with `int` from user mode. */
void idt_set_entry(unsigned int vector, unsigned long entry, bool user);
/* An entry that does nothing but iret: the floor of every interrupt (entry.asm). */
void bare_iret(void);
/**
 * gate_offset() - The handler address an IDT gate holds.
 * @g: the gate
 *
 * Context: any context; does not sleep.
 * Return: the address.
 */
static inline unsigned long gate_offset(const struct gate_struct *g)
{
	return g->offset_low | ((unsigned long)g->offset_high << 16);
}

#endif
