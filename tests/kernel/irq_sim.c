/*
 * Simulated interrupt lines (like Linux's irq_sim): IRQ 32-47, raised by
 * software instead of a device. They go through the very same path as a
 * hardware line (entry stub, hardirq stack, do_IRQ, the flow, the handlers),
 * which is what the self-tests need to prove the IRQ layer. They live with the
 * self-tests (the demonstration modules borrow them too): the kernel's own
 * code and lists know nothing of them. This file's initcall claims their
 * numbers, as any interrupt without a pin does (irq_alloc_desc_at()), and
 * gives them their chip.
 *
 * The chip records mask and acknowledge requests but, like a controller with
 * Linux's "lazy disable", still lets an arrival through while masked: the flow
 * (kernel/irq/chip.c) then marks it pending, and enable_irq() resends it with
 * irq_retrigger. So nothing is lost and nothing runs while disabled.
 *
 * Fired from a task that may sleep, a line first waits for this CPU's
 * ksoftirqd to be done: after __do_softirq has handed work over to it (on a
 * loaded host a paused vCPU overruns the 2 ms budget easily), irq_exit leaves
 * every softirq to ksoftirqd until it has run. A test that fires a line
 * expects its bottom halves at its irq_exit, as on a quiet machine.
 */
#include <asm/irq_vectors.h>
#include <linux/bug.h>
#include <linux/export.h>
#include <linux/interrupt.h>
#include <linux/init.h>
#include <linux/irq.h>
#include <linux/irq_sim.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched.h>

struct irq_sim_line {
	bool masked;
	unsigned int acks; /* how often the IRQ layer acknowledged an arrival */
};

static struct irq_sim_line lines[IRQ_SIM_LINES];

static struct irq_sim_line *line_of(struct irq_data *d) { return d->chip_data; }

/* `int $vector`: the CPU enters exactly as for a device interrupt. */
static void deliver(unsigned int irq)
{
	switch (irq - IRQ_SIM_BASE) {
#define CASE(n)                                                                            \
	case n:                                                                            \
		__asm__ __volatile__("int %0" : : "i"(IRQ_TO_VECTOR(IRQ_SIM_BASE + n)) : "memory"); \
		break;
	CASE(0) CASE(1) CASE(2) CASE(3) CASE(4) CASE(5) CASE(6) CASE(7)
	CASE(8) CASE(9) CASE(10) CASE(11) CASE(12) CASE(13) CASE(14) CASE(15)
#undef CASE
	}
}

static void sim_mask(struct irq_data *d) { line_of(d)->masked = true; }
static void sim_unmask(struct irq_data *d) { line_of(d)->masked = false; }

static void sim_mask_ack(struct irq_data *d)
{
	sim_mask(d);
	line_of(d)->acks++;
}

static void check_line(unsigned int irq)
{
	BUG_ON(irq < IRQ_SIM_BASE || irq >= IRQ_SIM_BASE + IRQ_SIM_LINES);
}

/**
 * irq_sim_fire() - Raise simulated interrupt line @irq on this CPU, now.
 * @irq: IRQ_SIM_BASE .. IRQ_SIM_BASE + IRQ_SIM_LINES - 1 (BUG() otherwise)
 *
 * Executes `int` with the line's vector, so the interrupt takes the very
 * path of a device's. From a task that may sleep it first waits (up to a
 * second) until this CPU's ksoftirqd has no work, so the line's bottom
 * halves run at its irq_exit.
 *
 * Context: any context with interrupts on (with interrupts off it warns
 * and does nothing, as a device could not interrupt either); sleeps only
 * if preempt_count is 0.
 */
void irq_sim_fire(unsigned int irq)
{
	check_line(irq);
	/* A device cannot interrupt a CPU that has interrupts off; `int` could. */
	if (WARN_ONCE(irqs_disabled(), "irq_sim_fire(%u) with interrupts disabled\n", irq))
		return;
	if (!preempt_count())
		for (int i = 0; i < HZ && !local_softirqs_idle(); i++)
			schedule_timeout_uninterruptible(1);
	deliver(irq);
}
EXPORT_SYMBOL_GPL(irq_sim_fire);

static void sim_retrigger(struct irq_data *d)
{
	irq_sim_fire(d->irq);
}

static struct irq_chip irq_sim_chip = {
	.name = "SIM",
	.irq_mask = sim_mask,
	.irq_unmask = sim_unmask,
	.irq_mask_ack = sim_mask_ack,
	.irq_retrigger = sim_retrigger,
};

/**
 * irq_sim_masked() - Whether the IRQ layer has simulated line @irq masked.
 * @irq: a simulated line (BUG() otherwise)
 *
 * Context: any context; does not sleep.
 * Return: true if masked.
 */
bool irq_sim_masked(unsigned int irq)
{
	check_line(irq);
	return lines[irq - IRQ_SIM_BASE].masked;
}

/**
 * irq_sim_acks() - How often the IRQ layer acknowledged an arrival on simulated line @irq.
 * @irq: a simulated line (BUG() otherwise)
 *
 * Context: any context; does not sleep.
 * Return: the count since boot.
 */
unsigned int irq_sim_acks(unsigned int irq)
{
	check_line(irq);
	return lines[irq - IRQ_SIM_BASE].acks;
}

/**
 * irq_sim_init() - Claim the simulated lines' numbers and give them their chip (masked, no handler).
 *
 * Context: boot (an initcall, before the self-tests and before any MSI
 * vector is handed out); does not sleep. Panics if a number is taken.
 * Return: 0.
 */
static int __init irq_sim_init(void)
{
	for (unsigned int i = 0; i < IRQ_SIM_LINES; i++) {
		BUG_ON(irq_alloc_desc_at(IRQ_SIM_BASE + i) != (int)(IRQ_SIM_BASE + i));
		irq_set_chip(IRQ_SIM_BASE + i, &irq_sim_chip, &lines[i]);
	}
	return 0;
}
core_initcall(irq_sim_init);
