/*
 * Running a function on other CPUs. Each CPU has a queue of requests (a
 * lock-free list); a request is a call_single_data slot that belongs to the
 * sending CPU, one slot per target, locked while in flight. The sender fills
 * its slot, pushes it on the target's queue, and sends the call-function IPI
 * if the queue was empty; the target's handler (hardirq context) takes the
 * whole queue, runs each function and unlocks its slot. A waiting sender
 * spins until its slots are unlocked.
 */
#include <asm/smp.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/smp.h>
#include <janus/log.h>

static DEFINE_PER_CPU(struct llist_head, call_single_queue);
/* csd_data[t] on CPU s: s's request to CPU t. */
static DEFINE_PER_CPU(struct call_single_data[NR_CPUS], csd_data);

static void csd_lock_wait(struct call_single_data *csd)
{
	while (__atomic_load_n(&csd->locked, __ATOMIC_ACQUIRE))
		cpu_relax();
}

/* A caller with interrupts off could wait forever for a CPU that is waiting
 * for it: say so (once), unless the machine is already going down. */
static void check_call_context(void)
{
	WARN_ONCE(irqs_disabled() && !oops_in_progress,
		  "smp_call_function with interrupts disabled: can deadlock\n");
}

/* Queues this CPU's request to cpu; preemption is off. */
static struct call_single_data *queue_call(int cpu, smp_call_func_t func, void *info)
{
	struct call_single_data *csd = &(*this_cpu_ptr(&csd_data))[cpu];

	csd_lock_wait(csd); /* an earlier request without wait may still be in flight */
	csd->func = func;
	csd->info = info;
	__atomic_store_n(&csd->locked, 1, __ATOMIC_RELAXED);
	if (llist_add(&csd->llist, &per_cpu(call_single_queue, cpu)))
		arch_send_call_function_ipi(cpu);
	return csd;
}

/**
 * smp_call_function_single() - Run @func(@info) on one CPU, in its hardirq context.
 * @cpu:  the target; the current CPU runs it directly, interrupts off
 * @func: the function; it runs in hardirq context, so it must be quick and
 *        must not sleep
 * @info: its argument
 * @wait: nonzero: return only once @func has run
 *
 * Context: process or softirq context with interrupts on; does not sleep
 * (it spins for the target). With interrupts off it WARNs "can deadlock":
 * two CPUs could each wait for the other.
 * Return: 0, or -ENXIO if @cpu is not online.
 */
int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait)
{
	int this_cpu = get_cpu();
	unsigned long flags;

	if (cpu == this_cpu) {
		local_irq_save(flags);
		func(info);
		local_irq_restore(flags);
	} else if (cpu < 0 || cpu >= NR_CPUS || !cpu_online(cpu)) {
		put_cpu();
		return -ENXIO;
	} else {
		struct call_single_data *csd;

		check_call_context();
		csd = queue_call(cpu, func, info);
		if (wait)
			csd_lock_wait(csd);
	}
	put_cpu();
	return 0;
}
EXPORT_SYMBOL(smp_call_function_single);

/**
 * smp_call_function() - Run @func(@info) on every other online CPU.
 * @func: the function; runs in hardirq context on each target, must not sleep
 * @info: its argument
 * @wait: nonzero: return only once every target has run it
 *
 * Context: process or softirq context with interrupts on (it WARNs
 * otherwise); does not sleep.
 */
void smp_call_function(smp_call_func_t func, void *info, int wait)
{
	int this_cpu = get_cpu(), cpu;

	check_call_context();
	for_each_online_cpu(cpu)
		if (cpu != this_cpu)
			queue_call(cpu, func, info);
	if (wait)
		for_each_online_cpu(cpu)
			if (cpu != this_cpu)
				csd_lock_wait(&(*this_cpu_ptr(&csd_data))[cpu]);
	put_cpu();
}
EXPORT_SYMBOL(smp_call_function);

/**
 * on_each_cpu() - Run @func(@info) on every online CPU, this one included.
 * @func: the function; runs with interrupts off, must not sleep
 * @info: its argument
 * @wait: nonzero: return only once every other CPU has run it
 *
 * Context: process or softirq context with interrupts on; does not sleep.
 */
void on_each_cpu(smp_call_func_t func, void *info, int wait)
{
	unsigned long flags;

	preempt_disable();
	smp_call_function(func, info, wait);
	local_irq_save(flags);
	func(info);
	local_irq_restore(flags);
	preempt_enable();
}
EXPORT_SYMBOL(on_each_cpu);

/**
 * generic_smp_call_function_interrupt() - Run every function queued for this CPU and release the senders' slots.
 *
 * Context: the call-function IPI handler, hardirq context; does not sleep.
 */
void generic_smp_call_function_interrupt(void)
{
	struct llist_node *node = llist_reverse_order(llist_del_all(this_cpu_ptr(&call_single_queue)));

	while (node) {
		struct call_single_data *csd = container_of(node, struct call_single_data, llist);
		smp_call_func_t func = csd->func;
		void *info = csd->info;

		node = node->next; /* the slot is the sender's again once unlocked */
		func(info);
		__atomic_store_n(&csd->locked, 0, __ATOMIC_RELEASE);
	}
}
