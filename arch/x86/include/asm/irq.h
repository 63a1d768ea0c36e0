/* The arch side of interrupts (arch/x86/irq.c): stacks, system vectors, entry. */
#ifndef _ASM_IRQ_H
#define _ASM_IRQ_H
#include <asm/ptrace.h>
#include <asm/stacktrace.h>
#include <linux/percpu.h>

DECLARE_PER_CPU(struct pt_regs *, irq_regs);
DECLARE_PER_CPU(unsigned long, hardirq_stack_top);
DECLARE_PER_CPU(unsigned long, softirq_stack_top);
DECLARE_PER_CPU(unsigned int, irq_spurious_count);

/**
 * get_irq_regs() - The registers of the code the current interrupt interrupted.
 *
 * Context: hardirq context (outside it, whatever the last interrupt left).
 * Return: the saved registers.
 */
static inline struct pt_regs *get_irq_regs(void) { return this_cpu_read(irq_regs); }

/* A handler for one whole vector, outside the IRQ-line layer: the LAPIC's
 * timer and IPIs, and the self-tests. Runs in hardirq context. */
typedef void (*vector_handler_t)(struct pt_regs *regs);
int request_vector(unsigned int vector, vector_handler_t handler, const char *name);
void free_vector(unsigned int vector);
/* How often vector arrived on cpu (a row of the interrupt listing). */
unsigned int kstat_vector_cpu(unsigned int vector, int cpu);

/* Allocates and paints this CPU's hardirq and softirq stacks. */
void irq_stacks_init(int cpu);
void init_IRQ(void);
/* Prints the stacks' high-water marks. */
void show_irq_stacks(void);

#endif
