/*
 * local_irq_*(): turn interrupts off and on for this CPU only. Any context.
 * The lock checker (kernel/locking/lockcheck.c) hooks the transitions.
 */
#ifndef _LINUX_IRQFLAGS_H
#define _LINUX_IRQFLAGS_H
#include <asm/irqflags.h>

#define local_irq_disable() arch_local_irq_disable()
#define local_irq_enable() arch_local_irq_enable()
#define local_save_flags(flags) ((flags) = arch_local_save_flags())
#define local_irq_save(flags)                          \
	do {                                           \
		(flags) = arch_local_save_flags();     \
		arch_local_irq_disable();              \
	} while (0)
#define local_irq_restore(flags) arch_local_irq_restore(flags)
#define irqs_disabled_flags(flags) arch_irqs_disabled_flags(flags)
#define irqs_disabled() arch_irqs_disabled_flags(arch_local_save_flags())
/* sti; hlt, and the hard lock-up detector knows this CPU is halted, not stuck (kernel/watchdog.c). */
void safe_halt(void);

#endif
