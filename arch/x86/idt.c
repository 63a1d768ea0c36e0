/*
 * The IDT: every one of the 256 vectors points at its stub in entry.asm
 * through a 32-bit interrupt gate (the CPU clears IF on the way in, so every
 * handler starts with interrupts off). Two exceptions: #DF is a task gate, so
 * it runs on a stack of its own (traps.c); int3, into and the system call
 * (int 0x80) may be used from user mode.
 */
#include <asm/desc.h>
#include <asm/idt.h>
#include <asm/irq_vectors.h>
#include <asm/traps.h>

extern const unsigned long vector_stubs[256];

struct gate_struct idt_table[256] __aligned(8);

static void set_gate(unsigned int vector, unsigned long offset, u16 segment, u8 type_attr)
{
	struct gate_struct *g = &idt_table[vector];

	g->offset_low = offset & 0xffff;
	g->offset_high = offset >> 16;
	g->segment = segment;
	g->reserved = 0;
	g->type_attr = type_attr;
}

/**
 * load_idt() - Load the shared IDT on this CPU.
 *
 * Context: boot, on each CPU.
 */
void load_idt(void)
{
	struct desc_ptr ptr = { .size = sizeof(idt_table) - 1, .address = (u32)idt_table };

	__asm__ __volatile__("lidt %0" : : "m"(ptr));
}

/**
 * idt_setup() - Fill the IDT: an interrupt gate per vector to its stub, user-callable int3, into and int 0x80, a task gate for #DF.
 *
 * Context: early boot, on the boot CPU.
 */
void idt_setup(void)
{
	for (unsigned int v = 0; v < NR_VECTORS; v++)
		set_gate(v, vector_stubs[v], __KERNEL_CS, GATE_INTERRUPT);
	set_gate(X86_TRAP_BP, vector_stubs[X86_TRAP_BP], __KERNEL_CS, GATE_INTERRUPT | GATE_DPL3);
	set_gate(X86_TRAP_OF, vector_stubs[X86_TRAP_OF], __KERNEL_CS, GATE_INTERRUPT | GATE_DPL3);
	/* The system call gate: the one vector user code may raise with `int`. */
	set_gate(IA32_SYSCALL_VECTOR, vector_stubs[IA32_SYSCALL_VECTOR], __KERNEL_CS,
		 GATE_INTERRUPT | GATE_DPL3);
	set_gate(X86_TRAP_DF, 0, __DOUBLEFAULT_TSS, GATE_TASK);
	load_idt();
}

/**
 * idt_set_entry() - point a vector at other code, or back at its stub
 * @vector: the vector
 * @entry: the code, or 0 for the vector's stub in entry.asm
 * @user: whether `int vector` may be used from user mode (benchmark floors)
 *
 * For benchmarks and tests, which put the vector back when done.
 *
 * Context: any; the IDT is shared by all CPUs, so only for a vector no one else uses.
 */
void idt_set_entry(unsigned int vector, unsigned long entry, bool user)
{
	set_gate(vector, entry ? entry : vector_stubs[vector], __KERNEL_CS,
		 GATE_INTERRUPT | (user ? GATE_DPL3 : 0));
}
