/*
 * Inter-processor interrupts: one CPU's local APIC sends a vector to another's.
 *   RESCHEDULE      "look at need_resched": a task woken for that CPU should run.
 *                   The handler does nothing; the way out of the interrupt
 *                   (irqentry_exit) or the idle loop does the switch.
 *   CALL_FUNCTION   run the requests kernel/smp.c queued for this CPU.
 *   REBOOT (stop)   a panic elsewhere: say so and halt. A CPU spinning with
 *                   interrupts off cannot take it, so it then gets an NMI.
 * TLB shootdown is a function call on every CPU.
 */
#include <asm/apic.h>
#include <asm/irq.h>
#include <asm/irq_vectors.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include <asm/tlbflush.h>
#include <asm/tsc.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/smp.h>
#include <asm/trace/irq_vectors.h>
#include <trace/events/ipi.h>

static int stopping_cpu = -1; /* the CPU that panicked */

void smp_send_reschedule(int cpu)
{
	trace_ipi_send_cpu(cpu, __builtin_return_address(0), NULL);
	apic_send_ipi(cpu_to_apic_id[cpu], RESCHEDULE_VECTOR);
}

void arch_send_call_function_ipi(int cpu)
{
	trace_ipi_send_cpu(cpu, __builtin_return_address(0), generic_smp_call_function_interrupt);
	apic_send_ipi(cpu_to_apic_id[cpu], CALL_FUNCTION_VECTOR);
}

static void reschedule_interrupt(struct pt_regs *regs)
{
	(void)regs;
	trace_reschedule_entry(RESCHEDULE_VECTOR);
	apic_eoi();
	trace_reschedule_exit(RESCHEDULE_VECTOR);
}

static void call_function_interrupt(struct pt_regs *regs)
{
	(void)regs;
	trace_call_function_entry(CALL_FUNCTION_VECTOR);
	apic_eoi();
	generic_smp_call_function_interrupt();
	trace_call_function_exit(CALL_FUNCTION_VECTOR);
}

void __noreturn stop_this_cpu(void)
{
	local_irq_disable();
	pr_emerg("CPU%d: stopping (panic on CPU%d)\n", smp_processor_id(), READ_ONCE(stopping_cpu));
	set_cpu_online(smp_processor_id(), false);
	for (;;)
		halt();
}

static void stop_interrupt(struct pt_regs *regs)
{
	(void)regs;
	apic_eoi();
	stop_this_cpu();
}

bool nmi_stop_requested(void)
{
	int cpu = READ_ONCE(stopping_cpu);

	return cpu >= 0 && cpu != smp_processor_id();
}

/* Waits up to ms milliseconds (interrupts may be off) for the others to go offline. */
static bool others_stopped(unsigned int ms)
{
	for (unsigned int i = 0; i < ms * 10; i++) {
		if (num_online_cpus() == 1)
			return true;
		udelay(100);
	}
	return num_online_cpus() == 1;
}

static void send_to_others(bool nmi)
{
	int cpu;

	for_each_online_cpu(cpu) {
		if (cpu == smp_processor_id())
			continue;
		if (nmi) {
			pr_emerg("CPU%d did not answer the stop IPI: sending it an NMI\n", cpu);
			apic_send_ipi_nmi(cpu_to_apic_id[cpu]);
		} else {
			apic_send_ipi(cpu_to_apic_id[cpu], REBOOT_VECTOR);
		}
	}
}

void smp_send_stop(void)
{
	if (!apic_in_use || num_online_cpus() == 1)
		return;
	WRITE_ONCE(stopping_cpu, smp_processor_id());
	send_to_others(false);
	if (others_stopped(1000))
		return;
	send_to_others(true);
	if (!others_stopped(1000))
		pr_emerg("smp_send_stop: some CPUs are still running\n");
}

struct flush_range {
	unsigned long start, end;
};

static void do_flush_tlb(void *info)
{
	const struct flush_range *r = info;

	if (r->end - r->start > 32 * PAGE_SIZE) {
		__flush_tlb_all();
		return;
	}
	for (unsigned long a = r->start; a < r->end; a += PAGE_SIZE)
		__flush_tlb_one(a);
}

void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	struct flush_range r = { start & PAGE_MASK, end };

	on_each_cpu(do_flush_tlb, &r, 1);
}

void flush_tlb_all(void)
{
	flush_tlb_kernel_range(0, ~0ul);
}

void smp_ipi_init(void)
{
	request_vector(RESCHEDULE_VECTOR, reschedule_interrupt, "RES");
	request_vector(CALL_FUNCTION_VECTOR, call_function_interrupt, "CAL");
	request_vector(REBOOT_VECTOR, stop_interrupt, NULL);
}
