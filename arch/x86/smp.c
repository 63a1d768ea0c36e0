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
#include <linux/sched.h>
#include <linux/smp.h>
#include <asm/trace/irq_vectors.h>
#include <trace/events/ipi.h>
#include <linux/string.h>
#include <asm/ptrace.h>
#include <asm/stacktrace.h>

static int stopping_cpu = -1; /* the CPU that panicked */

/**
 * smp_send_reschedule() - Send the reschedule IPI: @cpu should look at need_resched.
 * @cpu: the target CPU
 *
 * The handler only acknowledges it; the switch happens on the way out of
 * the interrupt or in the idle loop.
 *
 * Context: any context; does not sleep.
 */
void smp_send_reschedule(int cpu)
{
	trace_ipi_send_cpu(cpu, __builtin_return_address(0), NULL);
	apic_send_ipi(cpu_to_apic_id[cpu], RESCHEDULE_VECTOR);
}

/**
 * arch_send_call_function_ipi() - Send the call-function IPI: @cpu should run its queued requests.
 * @cpu: the target CPU
 *
 * Context: any context; does not sleep.
 */
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

/**
 * stop_this_cpu() - Say "stopping (panic on CPUn)", go offline and halt for good.
 *
 * Context: the stop IPI or NMI after a panic on another CPU; never returns.
 */
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

/**
 * nmi_stop_requested() - Whether another CPU panicked and asked this one to stop.
 *
 * Tells the NMI handler that an NMI is the panic's stop request.
 *
 * Context: any context, NMI included; does not sleep.
 * Return: true if a CPU other than this one is stopping the machine.
 */
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

/**
 * smp_send_stop() - Halt every other CPU: a stop IPI, then an NMI for those that do not answer.
 *
 * Each waits up to a second; a CPU spinning with interrupts off can only
 * be reached by the NMI.
 *
 * Context: panic, any context, interrupts off; does not sleep (it spins).
 */
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

/*
 * NMI backtraces (Linux's trigger_single_cpu_backtrace): a CPU stuck with
 * interrupts off still takes an NMI. Its NMI handler only saves where that
 * CPU is (printk is not safe in an NMI: it may have interrupted printk
 * itself); the CPU that asked prints it.
 */
#define NMI_TRACE_DEPTH 32 /* an NMI in a tick's softirq work is 16 frames above the task's own */

struct nmi_backtrace {
	bool requested, done;
	unsigned long ip, entries[NMI_TRACE_DEPTH];
	unsigned int nr;
	char comm[TASK_COMM_LEN];
	pid_t pid;
	int preempt_count;
};

static DEFINE_PER_CPU(struct nmi_backtrace, nmi_backtrace);

/**
 * nmi_cpu_backtrace() - In an NMI: save where this CPU was, if another CPU asked.
 * @regs: the registers the NMI interrupted
 *
 * Context: NMI (do_nmi, inside nmi_enter()); takes no lock, prints nothing.
 * Return: true if the NMI was a backtrace request (and is now answered).
 */
bool nmi_cpu_backtrace(struct pt_regs *regs)
{
	struct nmi_backtrace *bt = this_cpu_ptr(&nmi_backtrace);

	if (!READ_ONCE(bt->requested))
		return false;
	bt->ip = regs->ip;
	bt->nr = stack_trace_save_bp(regs->bp, bt->entries, NMI_TRACE_DEPTH);
	memcpy(bt->comm, current->comm, sizeof(bt->comm));
	bt->pid = current->pid;
	bt->preempt_count = preempt_count() - (NMI_OFFSET + HARDIRQ_OFFSET); /* the interrupted one's */
	WRITE_ONCE(bt->requested, false);
	__atomic_store_n(&bt->done, true, __ATOMIC_RELEASE);
	return true;
}

/**
 * trigger_single_cpu_backtrace() - Print where another CPU is, even with its interrupts off.
 * @cpu: the CPU (not the calling one)
 *
 * Sends @cpu an NMI, waits up to a second for its handler to save its
 * registers' backtrace, and prints "NMI backtrace for cpu N" and the trace.
 *
 * Context: any but NMI; never sleeps (it busy-waits, interrupts as they were).
 * Return: true if @cpu answered.
 */
bool trigger_single_cpu_backtrace(int cpu)
{
	struct nmi_backtrace *bt = &per_cpu(nmi_backtrace, cpu);

	if (!apic_in_use || cpu == smp_processor_id() || !cpu_online(cpu))
		return false;
	WRITE_ONCE(bt->done, false);
	__atomic_store_n(&bt->requested, true, __ATOMIC_RELEASE);
	apic_send_ipi_nmi(cpu_to_apic_id[cpu]);
	for (unsigned int i = 0; i < 10000 && !__atomic_load_n(&bt->done, __ATOMIC_ACQUIRE); i++)
		udelay(100);
	if (!__atomic_load_n(&bt->done, __ATOMIC_ACQUIRE)) {
		WRITE_ONCE(bt->requested, false);
		pr_warn("NMI backtrace for cpu %d: no answer\n", cpu);
		return false;
	}
	pr_warn("NMI backtrace for cpu %d\n", cpu);
	pr_warn("CPU: %d PID: %d Comm: %s preempt_count: %08x\n", cpu, bt->pid, bt->comm,
		bt->preempt_count);
	pr_warn("EIP: %pS\n", (void *)bt->ip);
	pr_warn("Call Trace:\n");
	for (unsigned int i = 0; i < bt->nr; i++)
		pr_warn(" %pB\n", (void *)bt->entries[i]);
	return true;
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

/**
 * flush_tlb_kernel_range() - Drop the TLB entries of a kernel address range on every CPU.
 * @start: the first address
 * @end:   the end (exclusive); more than 32 pages flush the whole TLB
 *
 * A function call on each CPU (a TLB shootdown), waiting until all are done.
 *
 * Context: process context with interrupts on (smp_call_function() WARNs
 * otherwise); does not sleep.
 */
void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	struct flush_range r = { start & PAGE_MASK, end };

	on_each_cpu(do_flush_tlb, &r, 1);
}

/**
 * flush_tlb_all() - Flush the whole TLB on every CPU.
 *
 * Context: process context with interrupts on; does not sleep.
 */
void flush_tlb_all(void)
{
	flush_tlb_kernel_range(0, ~0ul);
}

/**
 * smp_ipi_init() - Register the reschedule, call-function and stop IPI vectors.
 *
 * Context: boot, on the boot CPU.
 */
void smp_ipi_init(void)
{
	request_vector(RESCHEDULE_VECTOR, reschedule_interrupt, "RES");
	request_vector(CALL_FUNCTION_VECTOR, call_function_interrupt, "CAL");
	request_vector(REBOOT_VECTOR, stop_interrupt, NULL);
}
