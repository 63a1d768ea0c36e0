/*
 * The path of every interrupt, step 3 of docs/interrupts.md: do_IRQ, called by
 * entry.asm on this CPU's hardirq stack. It enters hardirq context, hands the
 * vector to its owner (a system-vector handler, or the IRQ line mapped to it,
 * kernel/irq/), and leaves through irq_exit, which runs pending softirqs.
 */
#include <asm/apic.h>
#include <asm/irq.h>
#include <asm/irq_vectors.h>
#include <asm/pic.h>
#include <asm/traps.h>
#include <linux/init.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/hardirq.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <linux/smp.h>
#include <linux/vmalloc.h>
#include <janus/nosleep.h>
#include <janus/stack.h>

DEFINE_PER_CPU(struct pt_regs *, irq_regs);
DEFINE_PER_CPU(unsigned long, hardirq_stack_top);
DEFINE_PER_CPU(unsigned long, softirq_stack_top);
DEFINE_PER_CPU(unsigned int, irq_spurious_count);
DECLARE_PER_CPU(unsigned int, exception_count);

struct vector_desc {
	vector_handler_t handler;
	const char *name;
	unsigned int count[NR_CPUS];
};

static struct vector_desc vectors[NR_VECTORS];

static bool is_line_vector(unsigned int v)
{
	return v >= FIRST_EXTERNAL_VECTOR && v < IRQ_TO_VECTOR(NR_IRQS);
}

/**
 * request_vector() - Install the handler of a system vector (timer, IPIs, APIC error...).
 * @vector:  a vector above the exceptions that is not an IRQ line's nor the system call's
 * @handler: called by do_IRQ() in hardirq context with the saved registers;
 *           it must acknowledge the interrupt (apic_eoi()) and not sleep
 * @name:    the row's name in the interrupt listing, or NULL for none
 *
 * Context: boot or process context; does not sleep.
 * Return: 0, -EINVAL for a vector that cannot be requested, -EBUSY if it is taken.
 */
int request_vector(unsigned int vector, vector_handler_t handler, const char *name)
{
	vector_handler_t none = NULL;

	if (vector >= NR_VECTORS || vector < FIRST_EXTERNAL_VECTOR || is_line_vector(vector) ||
	    vector == IA32_SYSCALL_VECTOR || !handler)
		return -EINVAL;
	if (!__atomic_compare_exchange_n(&vectors[vector].handler, &none, handler, false,
					 __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
		return -EBUSY;
	vectors[vector].name = name; /* NULL: not shown in the listing */
	return 0;
}

/**
 * kstat_vector_cpu() - How often system vector @vector has run on @cpu.
 * @vector: the vector
 * @cpu:    the CPU
 *
 * Context: any context; does not sleep.
 * Return: the count since boot.
 */
unsigned int kstat_vector_cpu(unsigned int vector, int cpu)
{
	return READ_ONCE(vectors[vector].count[cpu]);
}

/**
 * free_vector() - Remove the handler of a system vector.
 * @vector: the vector
 *
 * Context: process context, once the vector can no longer fire; does not sleep.
 */
void free_vector(unsigned int vector)
{
	vectors[vector].handler = NULL;
	vectors[vector].name = NULL;
}

/* An interrupt nobody asked for: a free vector, or a line without a controller. */
static void unexpected_vector(unsigned int vector)
{
	static u32 reported[NR_VECTORS / 32];

	this_cpu_inc(irq_spurious_count);
	if (!(__atomic_fetch_or(&reported[vector / 32], 1u << (vector % 32), __ATOMIC_RELAXED) &
	      (1u << (vector % 32))))
		pr_warn("unexpected interrupt on vector %#x, counted as spurious\n", vector);
}

/**
 * arch_unexpected_irq() - Count an interrupt on a line that has no controller as spurious.
 * @irq: the line
 *
 * The first one on each vector is reported.
 *
 * Context: hardirq context; does not sleep.
 */
void arch_unexpected_irq(unsigned int irq)
{
	unexpected_vector(IRQ_TO_VECTOR(irq));
}

/**
 * do_IRQ() - Step 3 of every interrupt: enter hardirq context and hand the vector to its owner.
 * @regs: the state saved by the entry stub
 *
 * A system vector's handler, or the flow of the IRQ line mapped to the
 * vector (generic_handle_irq()); anything else is counted as spurious.
 * irq_exit() then runs pending softirqs.
 *
 * Context: entry.asm only, on this CPU's hardirq stack, interrupts off.
 */
__attribute__((used)) void do_IRQ(struct pt_regs *regs)
{
	struct pt_regs *old_regs = this_cpu_read(irq_regs);
	unsigned int vector = regs->vector;
	struct vector_desc *v = &vectors[vector];

	this_cpu_write(irq_regs, regs);
	irq_enter();
	if (v->handler) {
		const char *prev = this_cpu_read(atomic_ctx.irq_name);
		v->count[smp_processor_id()]++;
		this_cpu_write(atomic_ctx.irq_name, v->name);
		v->handler(regs);
		this_cpu_write(atomic_ctx.irq_name, prev);
	} else if (is_line_vector(vector)) {
		generic_handle_irq(VECTOR_TO_IRQ(vector));
	} else {
		unexpected_vector(vector);
	}
	irq_exit();
	this_cpu_write(irq_regs, old_regs);
}

static unsigned long new_irq_stack(void)
{
	void *stack = vmalloc(IRQ_STACK_SIZE);

	if (!stack)
		panic("no memory for an interrupt stack");
	stack_paint(stack, IRQ_STACK_SIZE);
	return (unsigned long)stack + IRQ_STACK_SIZE;
}

/**
 * irq_stacks_init() - Allocate @cpu's hardirq and softirq stacks (vmalloc'ed, guard page below, painted).
 * @cpu: the CPU
 *
 * Context: boot, process context; may sleep (vmalloc()). Panics without memory.
 */
void irq_stacks_init(int cpu)
{
	per_cpu(hardirq_stack_top, cpu) = new_irq_stack();
	per_cpu(softirq_stack_top, cpu) = new_irq_stack();
}

/**
 * show_irq_stacks() - Print the deepest use of each online CPU's hardirq and softirq stacks.
 *
 * Context: any context; does not sleep.
 */
void show_irq_stacks(void)
{
	int cpu;

	for_each_online_cpu(cpu) {
		unsigned long h = per_cpu(hardirq_stack_top, cpu) - IRQ_STACK_SIZE;
		unsigned long s = per_cpu(softirq_stack_top, cpu) - IRQ_STACK_SIZE;
		pr_info("CPU%d stacks: hardirq %u of %u bytes used at most, softirq %u of %u\n", cpu,
			stack_used((void *)h, IRQ_STACK_SIZE), IRQ_STACK_SIZE,
			stack_used((void *)s, IRQ_STACK_SIZE), IRQ_STACK_SIZE);
	}
}

static void describe_vector(struct seq_file *m, unsigned int v)
{
	switch (v) {
	case LOCAL_TIMER_VECTOR:
		seq_printf(m, "   Local timer interrupts\n");
		break;
	case RESCHEDULE_VECTOR:
		seq_printf(m, "   Rescheduling interrupts\n");
		break;
	case CALL_FUNCTION_VECTOR:
		seq_printf(m, "   Function call interrupts\n");
		break;
	default:
		seq_printf(m, "   vector %#x\n", v);
	}
}

/**
 * arch_show_interrupts() - Write the architecture's rows of the interrupt listing.
 * @m: the seq_file
 *
 * Named system vectors (LOC, RES, CAL...), spurious interrupts, APIC
 * errors and exceptions, per CPU.
 *
 * Context: process context; does not sleep.
 */
void arch_show_interrupts(struct seq_file *m)
{
	int cpu;

	for (unsigned int v = 0; v < NR_VECTORS; v++) {
		if (!vectors[v].handler || !vectors[v].name)
			continue;
		seq_printf(m, "%3s:", vectors[v].name);
		for_each_online_cpu(cpu)
			seq_printf(m, " %10u", vectors[v].count[cpu]);
		describe_vector(m, v);
	}
	seq_printf(m, "SPU:");
	for_each_online_cpu(cpu)
		seq_printf(m, " %10u", per_cpu(irq_spurious_count, cpu));
	seq_printf(m, "   Spurious interrupts\n");
	if (apic_in_use) {
		seq_printf(m, "ERR:");
		for_each_online_cpu(cpu)
			seq_printf(m, " %10u", per_cpu(apic_errors, cpu));
		seq_printf(m, "   APIC errors\n");
	}
	seq_printf(m, "EXC:");
	for_each_online_cpu(cpu)
		seq_printf(m, " %10u", per_cpu(exception_count, cpu));
	seq_printf(m, "   Exceptions\n");
}

/**
 * init_IRQ() - Set up the boot CPU's interrupt stacks and the interrupt controllers.
 *
 * The 8259s are always remapped; then either the local APIC and IO-APIC
 * carry the lines, or the 8259s do.
 *
 * Context: early boot on the boot CPU, interrupts off.
 */
void __init init_IRQ(void)
{
	irq_stacks_init(0);
	pic_init();
	if (apic_init())
		ioapic_init();
	else
		pic_setup_irqs();
}
