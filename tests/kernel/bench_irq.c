/*
 * Benchmarks of the interrupt path: a software interrupt to an empty handler
 * and back, through the whole IRQ-line layer (irq_roundtrip) and through a
 * bare system vector (vector_roundtrip), next to the floor: `int` into a gate
 * that only does `iret` (int_iret). irq_roundtrip_traced is irq_roundtrip
 * with the irq_handler_entry/exit events on (kernel/trace/): what tracing
 * costs; off, each tracepoint is a 5-byte nop. irq_roundtrip_ioapic,
 * ioapic_unmask_edge and ioapic_mask_unmask add a real line's chip calls:
 * MMIO that TCG emulates.
 */
#include <asm/apic.h>
#include <asm/idt.h>
#include <asm/irq.h>
#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <linux/irqdesc.h>
#include <janus/bench.h>
#include <janus/trace.h>
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
		trace_set_events("irq_handler_*", true);
		bench_op("irq_roundtrip_traced", "irq_roundtrip", raise_vector, (void *)line_vector);
		trace_set_events("irq_handler_*", false);
		trace_clear();
		free_irq(IRQ_SIM_BASE, &dev);
	}
}
DEFINE_BENCHMARK(bench_irq_roundtrip);

/* An edge-triggered IO-APIC line without a handler, or NULL. */
static struct irq_desc *free_edge_ioapic_line(void)
{
	for (unsigned int irq = 0; apic_in_use && irq < NR_IRQS_LEGACY; irq++) {
		struct irq_desc *desc = irq_to_desc(irq);
		bool level, active_low;

		if (desc && !desc->action && ioapic_pin_of(irq, &level, &active_low) >= 0 && !level)
			return desc;
	}
	return NULL;
}

static void chip_unmask(struct irq_desc *desc)
{
	desc->irq_data.chip->irq_unmask(&desc->irq_data);
}

static void chip_mask_unmask(struct irq_desc *desc)
{
	desc->irq_data.chip->irq_mask(&desc->irq_data);
	desc->irq_data.chip->irq_unmask(&desc->irq_data);
}

/* op in batches, each with desc->lock held and interrupts off, as the flow calls the chip. */
static void bench_chip_op(const char *name, struct irq_desc *desc, void (*op)(struct irq_desc *))
{
	static u64 samples[BENCH_SAMPLES];
	unsigned long flags;

	for (unsigned int s = 0; s < BENCH_SAMPLES; s++) {
		u64 start;

		spin_lock_irqsave(&desc->lock, flags);
		start = get_cycles_ordered();
		for (int i = 0; i < BENCH_BATCH; i++)
			op(desc);
		samples[s] = get_cycles_ordered() - start;
		spin_unlock_irqrestore(&desc->lock, flags);
	}
	bench_report(name, "int_iret", samples, BENCH_SAMPLES, BENCH_BATCH, 0);
}

/*
 * A real IO-APIC line: irq_roundtrip_ioapic is irq_roundtrip on a free
 * edge-triggered ISA line with an empty handler, the IO-APIC chip's calls
 * included (the EOI, and the unmask every edge interrupt's flow ends with);
 * the arrival is an `int` to the line's vector, so the IO-APIC's delivery is
 * not, and the EOI finds nothing in service. Then those chip calls alone:
 * the unmask of a pin that is not masked (ioapic_unmask_edge), and a mask
 * and an unmask that do change the pin (ioapic_mask_unmask: a
 * level-triggered line's flow, or disable_irq() and enable_irq()). No device
 * drives the line.
 */
static void bench_irq_ioapic(void)
{
	static int dev;
	struct irq_desc *desc = free_edge_ioapic_line();

	if (!desc || request_irq(desc->irq_data.irq, empty_handler, 0, "bench", &dev)) {
		pr_info("bench: irq_roundtrip_ioapic failed: no free edge-triggered IO-APIC line\n");
		return;
	}
	bench_op("irq_roundtrip_ioapic", "irq_roundtrip", raise_vector,
		 (void *)(unsigned long)IRQ_TO_VECTOR(desc->irq_data.irq));
	bench_chip_op("ioapic_unmask_edge", desc, chip_unmask);
	bench_chip_op("ioapic_mask_unmask", desc, chip_mask_unmask);
	free_irq(desc->irq_data.irq, &dev);
}
DEFINE_BENCHMARK(bench_irq_ioapic);

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
