/* The x86 side of SMP: IPIs (arch/x86/smp.c) and bringing up the APs (arch/x86/smpboot.c). */
#ifndef _ASM_SMP_H
#define _ASM_SMP_H
#include <linux/compiler.h>
#include <linux/types.h>

/* Where a secondary CPU starts, in real mode: a page below 1 MiB (which
 * memblock never hands out), given to the STARTUP IPI as its page number. */
#define TRAMPOLINE_PHYS 0x8000

/* Sends the call-function IPI to cpu (kernel/smp.c queued the request). */
void arch_send_call_function_ipi(int cpu);
/* The reschedule, call-function and stop vectors; the boot CPU, once. */
void smp_ipi_init(void);
/* An NMI may be the stop request of a panicking CPU: then this CPU halts. */
bool nmi_stop_requested(void);
void __noreturn stop_this_cpu(void);
/* An NMI may be a backtrace request (trigger_single_cpu_backtrace): saves
 * where this CPU was; true if it was one. */
struct pt_regs;
bool nmi_cpu_backtrace(struct pt_regs *regs);
/* Secondary CPUs: the C entry, on the idle task's stack (called by trampoline.asm). */
void __noreturn start_secondary(int cpu);
/* CPUs that failed to come up, for tests. */
extern unsigned int smp_boot_failures;
/* At most this many CPUs (nosmp: 1, maxcpus=N: N). */
extern unsigned int setup_max_cpus;

#endif
