/*
 * Benchmarks of the interrupt path: a software interrupt to an empty handler
 * and back, through the whole IRQ-line layer (irq_roundtrip) and through a
 * bare system vector (vector_roundtrip), next to the floor: `int` into a gate
 * that only does `iret` (int_iret).
 */
#include <asm/idt.h>
#include <asm/irq.h>
#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <janus/bench.h>
#include "helpers.h"

#define BENCH_VECTOR 0xa0
#define IRQ_NEST_LEVELS 16

static void raise_vector(void *vector)
{
	int_thunks[(unsigned long)vector]();
}

static irqreturn_t empty_handler(int irq, void *dev)
{
	(void)irq;
	(void)dev;
	return IRQ_HANDLED;
}

static void empty_vector_handler(struct pt_regs *regs)
{
	(void)regs;
}

static void bench_irq_roundtrip(void)
{
	static int dev;
	unsigned long line_vector = IRQ_TO_VECTOR(IRQ_SIM_BASE);

	idt_set_entry(BENCH_VECTOR, (unsigned long)bare_iret, false);
	bench_op("int_iret", "-", raise_vector, (void *)BENCH_VECTOR);
	idt_set_entry(BENCH_VECTOR, 0, false);

	if (!request_vector(BENCH_VECTOR, empty_vector_handler, "bench")) {
		bench_op("vector_roundtrip", "int_iret", raise_vector, (void *)BENCH_VECTOR);
		free_vector(BENCH_VECTOR);
	}
	if (!request_irq(IRQ_SIM_BASE, empty_handler, 0, "bench", &dev)) {
		bench_op("irq_roundtrip", "int_iret", raise_vector, (void *)line_vector);
		free_irq(IRQ_SIM_BASE, &dev);
	}
}
DEFINE_BENCHMARK(bench_irq_roundtrip);

/* Hardirq stack bytes per nesting level, through the whole IRQ layer. */
static void bench_irq_nesting(void)
{
	struct irq_nest_result r;

	if (irq_nest(IRQ_NEST_LEVELS, &r) || r.levels != IRQ_NEST_LEVELS) {
		pr_info("bench: irq_stack_per_level failed: the nesting did not complete\n");
		return;
	}
	pr_info(BENCH_VALUE_LINE, "irq_stack_per_level", r.bytes_per_level, "bytes");
	pr_info(BENCH_VALUE_LINE, "irq_stack_free_at_16", r.deepest_free, "bytes");
}
DEFINE_BENCHMARK(bench_irq_nesting);
