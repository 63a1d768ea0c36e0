/*
 * The interrupt listing, in the shape of Linux's /proc/interrupts: one row per
 * line that has handlers (count per CPU, controller, handler names, and the
 * longest a handler ran), then the architecture's rows (spurious interrupts,
 * exceptions, system vectors).
 */
#include <linux/cpumask.h>
#include <linux/interrupt.h>
#include <linux/irqdesc.h>
#include <linux/mutex.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/sprintf.h>

void arch_show_interrupts(struct seq_file *m);

/**
 * show_interrupts() - Write the interrupt table, shaped like Linux's /proc/interrupts.
 * @m: the seq_file to write to
 *
 * One row per line that has handlers (count per online CPU, controller,
 * handler names, the longest a handler ran), then the architecture's rows.
 *
 * Context: process context; does not sleep.
 * Return: 0.
 */
int show_interrupts(struct seq_file *m)
{
	struct irq_desc *desc;
	unsigned int irq;
	int cpu;

	seq_printf(m, "    ");
	for_each_online_cpu(cpu)
		seq_printf(m, "       CPU%d", cpu);
	seq_printf(m, "\n");
	for_each_irq_desc(irq, desc) {
		if (!desc->action)
			continue;
		seq_printf(m, "%3u:", irq);
		for_each_online_cpu(cpu)
			seq_printf(m, " %10u", desc->kstat_irqs[cpu]);
		if (desc->irq_data.chip->irq_print_chip)
			desc->irq_data.chip->irq_print_chip(&desc->irq_data, m);
		else
			seq_printf(m, " %8s ", desc->irq_data.chip->name);
		for (struct irqaction *a = desc->action; a; a = a->next)
			seq_printf(m, "%s%s", a->name, a->next ? ", " : "");
		seq_printf(m, "   (max %u us", (unsigned int)div_u64(desc->max_ns, 1000));
		if (desc->irqs_unhandled)
			seq_printf(m, ", %u unhandled", desc->irqs_unhandled);
		if (desc->istate & IRQS_SPURIOUS_DISABLED)
			seq_printf(m, ", disabled: nobody cared");
		seq_printf(m, ")\n");
	}
	arch_show_interrupts(m);
	return 0;
}

/**
 * show_interrupts_log() - Print the interrupt table to the kernel log.
 *
 * Context: process context (the dump= listings at the end of boot); may sleep
 * (the listing is rendered into a buffer as big as it needs).
 */
void show_interrupts_log(void)
{
	seq_print_to_log(show_interrupts);
}

/* /proc/irq/N/NAME: a directory per registered handler, as in Linux and as
 * seed 004 says ("registered handlers appear under /proc/irq"). */
static struct proc_dir_entry *irq_root, *irq_dirs[NR_IRQS];
static DEFINE_MUTEX(irq_proc_lock);

/**
 * register_handler_proc() - Make /proc/irq/@irq/NAME for a handler just added.
 * @irq:    its line
 * @action: the handler (action->dir is set)
 *
 * Context: process context (request_irq); may sleep.
 */
void register_handler_proc(unsigned int irq, struct irqaction *action)
{
	char num[12];

	if (irq >= NR_IRQS || !action->name)
		return;
	mutex_lock(&irq_proc_lock);
	if (!irq_root)
		irq_root = proc_mkdir("irq", NULL);
	if (irq_root && !irq_dirs[irq]) {
		snprintf(num, sizeof(num), "%u", irq);
		irq_dirs[irq] = proc_mkdir(num, irq_root);
	}
	if (irq_dirs[irq])
		action->dir = proc_mkdir(action->name, irq_dirs[irq]);
	mutex_unlock(&irq_proc_lock);
}

/**
 * unregister_handler_proc() - Remove /proc/irq/N/NAME of a handler being freed.
 * @action: the handler
 *
 * Context: process context (free_irq); may sleep.
 */
void unregister_handler_proc(struct irqaction *action)
{
	mutex_lock(&irq_proc_lock);
	proc_remove(action->dir);
	action->dir = NULL;
	mutex_unlock(&irq_proc_lock);
}
