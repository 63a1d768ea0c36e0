/* The interrupt flag (EFLAGS.IF): the CPU's own "interrupts enabled" bit. */
#ifndef _ASM_IRQFLAGS_H
#define _ASM_IRQFLAGS_H
#include <asm/processor.h>

static inline unsigned long arch_local_save_flags(void)
{
	unsigned long flags;
	__asm__ __volatile__("pushfl; popl %0" : "=rm"(flags) : : "memory");
	return flags;
}

static inline void arch_local_irq_disable(void) { __asm__ __volatile__("cli" ::: "memory"); }
static inline void arch_local_irq_enable(void) { __asm__ __volatile__("sti" ::: "memory"); }

/*
 * Interrupts staying off (a save/restore pair nested where they already
 * were off, as in every handler) need only a cli: popf is far dearer, and
 * under TCG it ends the translation block. Turning them on is a popf, not
 * sti: an interrupt pending meanwhile is taken right after it, where sti
 * would first run one more instruction (a `cli` there would hold it off).
 */
static inline void arch_local_irq_restore(unsigned long flags)
{
	if (flags & X86_EFLAGS_IF)
		__asm__ __volatile__("pushl %0; popfl" : : "g"(flags) : "memory", "cc");
	else
		arch_local_irq_disable();
}

static inline bool arch_irqs_disabled_flags(unsigned long flags) { return !(flags & X86_EFLAGS_IF); }

/* sti takes effect after the next instruction, so "sti; hlt" cannot miss a wake-up. */
static inline void arch_safe_halt(void) { __asm__ __volatile__("sti; hlt" ::: "memory"); }

#endif
