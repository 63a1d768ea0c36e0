/*
 * Nested interrupts for the `irq_stack` suite and `make bench`: the handler
 * of simulated line k raises line k + 1 with `int` (which a CPU takes even
 * with interrupts off, like an exception), down to the level asked for, and
 * each level notes its stack pointer. The difference between the first and
 * the last, over the levels between, is what one nesting level costs the
 * hardirq stack: the CPU's frame, struct pt_regs and the IRQ layer's frames.
 */
#include <asm/irq.h>
#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <janus/nosleep.h>
#include "helpers.h"

static unsigned long level_sp[IRQ_SIM_LINES];
static unsigned int levels_wanted, levels_reached;

static irqreturn_t nest_handler(int irq, void *dev)
{
	unsigned int level = irq - IRQ_SIM_BASE;

	(void)dev;
	level_sp[level] = current_stack_pointer();
	levels_reached = max(levels_reached, level + 1);
	if (level + 1 < levels_wanted)
		int_thunks[IRQ_TO_VECTOR(irq + 1)]();
	return IRQ_HANDLED;
}

int irq_nest(unsigned int levels, struct irq_nest_result *r)
{
	static int dev;
	unsigned int i;
	int err = 0;

	if (levels < 2 || levels > IRQ_SIM_LINES)
		return -EINVAL;
	for (i = 0; i < levels && !err; i++)
		err = request_irq(IRQ_SIM_BASE + i, nest_handler, 0, "nest", &dev);
	if (!err) {
		unsigned int warn_us = irq_warn_us;

		levels_wanted = levels;
		levels_reached = 0;
		irq_warn_us = 1000000; /* each outer handler's time holds the inner ones: meant */
		irq_sim_fire(IRQ_SIM_BASE);
		irq_warn_us = warn_us;
		r->levels = levels_reached;
		r->bytes_per_level = levels_reached < 2 ? 0 :
			(level_sp[0] - level_sp[levels_reached - 1]) / (levels_reached - 1);
		r->deepest_free = level_sp[levels_reached - 1] -
				  (this_cpu_read(hardirq_stack_top) - IRQ_STACK_SIZE);
	}
	while (i--)
		free_irq(IRQ_SIM_BASE + i, &dev);
	return err;
}
