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
#define ITERATIONS 2000
#define TRIALS 7

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

	idt_set_entry(BENCH_VECTOR, (unsigned long)bare_iret);
	bench_report("int_iret", bench_cycles(raise_vector, (void *)BENCH_VECTOR, ITERATIONS, TRIALS),
		     "cycles");
	idt_set_entry(BENCH_VECTOR, 0);

	if (!request_vector(BENCH_VECTOR, empty_vector_handler, "bench")) {
		bench_report("vector_roundtrip",
			     bench_cycles(raise_vector, (void *)BENCH_VECTOR, ITERATIONS, TRIALS),
			     "cycles");
		free_vector(BENCH_VECTOR);
	}
	if (!request_irq(IRQ_SIM_BASE, empty_handler, 0, "bench", &dev)) {
		bench_report("irq_roundtrip",
			     bench_cycles(raise_vector, (void *)line_vector, ITERATIONS, TRIALS),
			     "cycles");
		free_irq(IRQ_SIM_BASE, &dev);
	}
}
DEFINE_BENCHMARK(bench_irq_roundtrip);
