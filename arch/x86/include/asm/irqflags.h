/* The interrupt flag (EFLAGS.IF): the CPU's own "interrupts enabled" bit. */
#ifndef _ASM_IRQFLAGS_H
#define _ASM_IRQFLAGS_H
#include <asm/processor.h>

/**
 * arch_local_save_flags() - EFLAGS now, for arch_irqs_disabled_flags() and arch_local_irq_restore().
 *
 * Context: any context; does not sleep.
 * Return: the flags.
 */
static inline unsigned long arch_local_save_flags(void)
{
	unsigned long flags;
	__asm__ __volatile__("pushfl; popl %0" : "=rm"(flags) : : "memory");
	return flags;
}

/**
 * arch_local_irq_disable() - Interrupts off on this CPU (cli); local_irq_disable() is the API.
 *
 * Context: any context; does not sleep.
 */
static inline void arch_local_irq_disable(void) { __asm__ __volatile__("cli" ::: "memory"); }
/**
 * arch_local_irq_enable() - Interrupts on on this CPU (sti); local_irq_enable() is the API.
 *
 * Context: any context but a hardirq handler; does not sleep.
 */
static inline void arch_local_irq_enable(void) { __asm__ __volatile__("sti" ::: "memory"); }

/**
 * arch_local_irq_restore() - Put the interrupt flag back as @flags had it.
 * @flags: from arch_local_save_flags()
 *
 * Interrupts staying off (a save/restore pair nested where they already
 * were off, as in every handler) need only a cli: popf is far dearer, and
 * under TCG it ends the translation block. Turning them on is a popf, not
 * sti: an interrupt pending meanwhile is taken right after it, where sti
 * would first run one more instruction (a `cli` there would hold it off).
 *
 * Context: any context; does not sleep.
 */
static inline void arch_local_irq_restore(unsigned long flags)
{
	if (flags & X86_EFLAGS_IF)
		__asm__ __volatile__("pushl %0; popfl" : : "g"(flags) : "memory", "cc");
	else
		arch_local_irq_disable();
}

/**
 * arch_irqs_disabled_flags() - Whether @flags has interrupts off.
 * @flags: saved EFLAGS
 *
 * Context: any context; does not sleep.
 * Return: true if IF is clear.
 */
static inline bool arch_irqs_disabled_flags(unsigned long flags) { return !(flags & X86_EFLAGS_IF); }

/**
 * arch_safe_halt() - Turn interrupts on and halt until one comes, with no gap between.
 *
 * sti takes effect after the next instruction, so "sti; hlt" cannot miss a
 * wake-up that arrives between them.
 *
 * Context: the idle loop, interrupts off; does not sleep (it halts).
 */
static inline void arch_safe_halt(void) { __asm__ __volatile__("sti; hlt" ::: "memory"); }

#endif
