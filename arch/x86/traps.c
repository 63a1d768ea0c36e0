/*
 * CPU exceptions: what do_exception (called from entry.asm) does with
 * vectors 0-31. A fault at an instruction with an exception-table entry
 * resumes at its fixup; anything else is an oops: a report (die) and then a
 * panic, because code that faults in the kernel cannot be trusted to go on.
 * The double fault has its own TSS and stack, so even a kernel stack overflow
 * is reported instead of becoming a triple fault.
 */
#include <asm/desc.h>
#include <asm/entry.h>
#include <asm/extable.h>
#include <asm/idt.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include <asm/smp.h>
#include <asm/stacktrace.h>
#include <asm/traps.h>
#include <linux/hardirq.h>
#include <linux/irqflags.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/sched/signal.h>
#include <linux/smp.h>
#include <linux/sprintf.h>
#include <janus/log.h>
#include <linux/trace.h>
#include <asm/trace/exceptions.h>
#include <trace/events/nmi.h>

#define DF_STACK_SIZE 4096

DEFINE_PER_CPU(unsigned int, exception_count);
DEFINE_PER_CPU(struct x86_hw_tss, doublefault_tss);
DEFINE_PER_CPU_PAGE_ALIGNED(char[DF_STACK_SIZE], doublefault_stack);
DECLARE_PER_CPU(struct x86_hw_tss, cpu_tss);
DECLARE_PER_CPU(struct gdt_page, gdt_page);
void set_gdt_entry(struct desc_struct *d, u32 base, u32 limit, u8 type_attr, u8 flags);

static int die_counter;

static const char *const exception_names[NR_EXCEPTION_VECTORS] = {
	"divide error", "debug", "NMI", "int3", "overflow", "bounds", "invalid opcode",
	"device not available", "double fault", "coprocessor segment overrun", "invalid TSS",
	"segment not present", "stack segment", "general protection fault", "page fault",
	"reserved (15)", "coprocessor error", "alignment check", "machine check",
	"SIMD floating point exception", "virtualization exception", "control protection",
	"reserved (22)", "reserved (23)", "reserved (24)", "reserved (25)", "reserved (26)",
	"reserved (27)", "hypervisor injection", "VMM communication", "security exception",
	"reserved (31)",
};

/**
 * exception_name() - The name of CPU exception @vector, as reports print it.
 * @vector: the vector
 *
 * Context: any context; does not sleep.
 * Return: e.g. "page fault"; "interrupt" for vectors 32 and up.
 */
const char *exception_name(unsigned int vector)
{
	return vector < NR_EXCEPTION_VECTORS ? exception_names[vector] : "interrupt";
}

/* Which context the CPU was in, in words, for the report. */
static void describe_context(char *buf, size_t size)
{
	int pc = preempt_count();

	if (in_nmi())
		scnprintf(buf, size, "NMI");
	else if (in_hardirq())
		scnprintf(buf, size, "hardirq (depth %lu)", hardirq_count() >> HARDIRQ_SHIFT);
	else if (in_serving_softirq())
		scnprintf(buf, size, "softirq");
	else
		scnprintf(buf, size, "task%s", (pc & SOFTIRQ_MASK) ? ", bottom halves disabled" : "");
}

/**
 * show_regs() - Print the context, the registers and a backtrace of a trapped state.
 * @regs: the state saved at entry
 *
 * The context line says where the CPU was (task, softirq, hardirq with its
 * depth, NMI) and the preempt_count.
 *
 * Context: any context; does not sleep (reports are printed at KERN_EMERG).
 */
void show_regs(const struct pt_regs *regs)
{
	struct task_struct *task = current;
	char context[48];

	describe_context(context, sizeof(context));
	pr_emerg("CPU: %d PID: %d Comm: %s Context: %s preempt_count: %08x\n",
		 smp_processor_id(), task->pid, task->comm, context, preempt_count());
	pr_emerg("EIP: %pS\n", (void *)regs->ip);
	pr_emerg("EAX: %08lx EBX: %08lx ECX: %08lx EDX: %08lx\n", regs->ax, regs->bx, regs->cx,
		 regs->dx);
	pr_emerg("ESI: %08lx EDI: %08lx EBP: %08lx ESP: %08lx\n", regs->si, regs->di, regs->bp,
		 kernel_stack_pointer(regs));
	pr_emerg("DS: %04lx ES: %04lx FS: %04lx GS: %04lx CS: %04lx EFLAGS: %08lx\n",
		 regs->ds & 0xffff, regs->es & 0xffff, regs->fs & 0xffff, regs->gs & 0xffff,
		 regs->cs & 0xffff, regs->flags);
	pr_emerg("CR0: %08lx CR2: %08lx CR3: %08lx CR4: %08lx\n", read_cr0(), read_cr2(),
		 read_cr3(), read_cr4());
	show_trace(regs->bp, KERN_EMERG);
}

/**
 * die() - Print an "Oops" report for a kernel fault, then kill the task or panic.
 * @str:  the exception's name, or NULL
 * @regs: the state saved at entry
 * @err:  the error code (its low 16 bits are printed)
 *
 * In interrupt context the kernel cannot blame a task: it panics ("Fatal
 * exception in interrupt"). In process context the task is killed
 * (make_task_dead()) and the kernel goes on.
 *
 * Context: an exception handler, any context; does not return.
 */
void die(const char *str, struct pt_regs *regs, unsigned long err)
{
	report_begin(); /* one CPU's oops at a time (Linux's die_lock) */
	oops_in_progress++;
	if (str)
		pr_emerg("Oops: %s: %04lx [#%d]\n", str, err & 0xffff, ++die_counter);
	else
		pr_emerg("Oops: %04lx [#%d]\n", err & 0xffff, ++die_counter);
	print_modules();
	show_regs(regs);
	pr_emerg("---[ end trace %08x ]---\n", die_counter);
	ftrace_dump(); /* what this CPU and the others did just before */
	oops_in_progress--;
	report_end();

	if (in_interrupt())
		panic("Fatal exception in interrupt");
	/* Process context: the task is to blame. It dies, the kernel goes on
	 * (unless it is the idle task or init, where do_exit panics). The
	 * exception gate turned interrupts off; give the task back its own state. */
	if (regs->flags & X86_EFLAGS_IF)
		local_irq_enable();
	make_task_dead(SIGSEGV);
}

/**
 * irqentry_exit() - The way out of every interrupt, exception and system call.
 * @regs: the state to return to
 *
 * Back to user mode: the work due first, if there is any (signals,
 * rescheduling, a system call's restart: exit_to_user_mode()). Back to
 * kernel code that had interrupts on and preempt_count 0: preempt it if
 * need_resched is set.
 *
 * Context: entry.asm only, interrupts off.
 */
__attribute__((used)) void irqentry_exit(struct pt_regs *regs)
{
	if (user_mode(regs)) {
		if (unlikely(exit_to_user_mode_pending(regs)))
			exit_to_user_mode(regs);
	} else if (!preempt_count() && (regs->flags & X86_EFLAGS_IF) && need_resched())
		preempt_schedule_irq();
}

static int fault_signal(unsigned int vector)
{
	switch (vector) {
	case X86_TRAP_DE:
		return SIGFPE;
	case X86_TRAP_UD:
		return SIGILL;
	case X86_TRAP_BP:
	case X86_TRAP_DB:
		return SIGTRAP;
	default:
		return SIGSEGV;
	}
}

static const char *page_fault_reason(unsigned long address, unsigned long err)
{
	if (address >= PAGE_OFFSET)
		return "a kernel address";
	if (!(err & X86_PF_PROT))
		return "nothing mapped there";
	return err & X86_PF_WRITE ? "a write to a read-only page" : "not allowed";
}

/* A fault in user mode is the process's own: one line about it, and a
 * signal whose default action ends the process. The kernel goes on. */
static void user_fault(struct pt_regs *regs, unsigned int vector, unsigned long address)
{
	struct task_struct *tsk = current;

	if (vector == X86_TRAP_PF)
		trace_page_fault_user(address, regs->ip, regs->error_code);
	if (vector == X86_TRAP_PF)
		pr_info("%s[%d]: segfault at %08lx ip %08lx sp %08lx error %lx (%s)\n", tsk->comm,
			tsk->pid, address, regs->ip, regs->sp, regs->error_code,
			page_fault_reason(address, regs->error_code));
	else
		pr_info("%s[%d]: %s ip %08lx sp %08lx error %lx\n", tsk->comm, tsk->pid,
			exception_name(vector), regs->ip, regs->sp, regs->error_code);
	force_sig(fault_signal(vector));
}

static void report_page_fault(unsigned long address, unsigned long err)
{
	const char *guard = stack_guard_owner(address);

	if (address < PAGE_SIZE)
		pr_emerg("BUG: kernel NULL pointer dereference, address: %08lx\n", address);
	else if (guard)
		pr_emerg("BUG: %s stack guard page was hit at %08lx (kernel stack overflow)\n", guard,
			 address);
	else
		pr_emerg("BUG: unable to handle page fault for address: %08lx\n", address);
	if (in_freed_initmem(address))
		pr_emerg("#PF: %08lx (%pS) is __init memory, freed after boot\n", address,
			 (void *)address);
	pr_emerg("#PF: %s %s in %s mode\n", err & X86_PF_USER ? "user" : "supervisor",
		 err & X86_PF_INSTR ? "instruction fetch" : err & X86_PF_WRITE ? "write access"
									   : "read access",
		 err & X86_PF_USER ? "user" : "kernel");
	pr_emerg("#PF: error_code(0x%04lx) - %s\n", err,
		 err & X86_PF_RSVD ? "reserved bit violation"
		 : err & X86_PF_PROT ? "permissions violation" : "not-present page");
}

static void do_page_fault(struct pt_regs *regs, unsigned long err, unsigned long address)
{
	trace_page_fault_kernel(address, regs->ip, err);
	if (fixup_exception(regs, X86_TRAP_PF, err))
		return;
	report_page_fault(address, err);
	die(NULL, regs, err);
}

/* An NMI that is not a panic stop, in NMI context: the backtrace handler
 * (traced as nmi_handler, like Linux's). False if it was not that. */
static bool do_nmi(struct pt_regs *regs)
{
	u64 start;
	bool handled;

	nmi_enter();
	start = sched_clock();
	handled = nmi_cpu_backtrace(regs);
	trace_nmi_handler(nmi_cpu_backtrace, sched_clock() - start, handled);
	nmi_exit();
	return handled;
}

/**
 * do_exception() - The C handler of every CPU exception.
 * @regs: the state saved at entry, with the vector and error code
 *
 * From user mode the process gets a signal. In the kernel a page fault
 * goes to do_page_fault(); other faults are first looked up in the
 * exception table (fixup_exception()), and otherwise die(). An NMI that is
 * another CPU's panic stop halts this CPU.
 *
 * Context: entry.asm, exception context on the interrupted stack,
 * interrupts off.
 */
__attribute__((used)) void do_exception(struct pt_regs *regs)
{
	unsigned int vector = regs->vector;

	this_cpu_inc(exception_count);
	if (vector == X86_TRAP_NMI && nmi_stop_requested())
		stop_this_cpu(); /* another CPU panicked while this one had interrupts off */
	if (vector == X86_TRAP_NMI && do_nmi(regs))
		return; /* another CPU asked where this one is */
	if (user_mode(regs) && vector != X86_TRAP_NMI) {
		user_fault(regs, vector, vector == X86_TRAP_PF ? read_cr2() : 0);
		return;
	}
	if (vector == X86_TRAP_PF) {
		do_page_fault(regs, regs->error_code, read_cr2());
		return;
	}
	if (vector == X86_TRAP_BP) {
		/* int3 is a trap: ip is past the one-byte instruction; look up the instruction. */
		regs->ip--;
		if (fixup_exception(regs, vector, 0))
			return;
		regs->ip++;
	} else if (fixup_exception(regs, vector, regs->error_code)) {
		return;
	}
	die(exception_name(vector), regs, regs->error_code);
}

/*
 * The double-fault task. The CPU switched here through a task gate, saving the
 * faulting state in this CPU's main TSS, so that is where the report comes from.
 */
static __noreturn void doublefault_task(void)
{
	struct x86_hw_tss *t = this_cpu_ptr(&cpu_tss);
	unsigned long cr2 = read_cr2();
	const char *guard = stack_guard_owner(cr2) ?: stack_guard_owner(t->sp);

	oops_in_progress++;
	pr_emerg("double fault: the CPU faulted while delivering an exception\n");
	if (guard)
		pr_emerg("BUG: kernel stack overflow: the %s stack ran into its guard page\n", guard);
	pr_emerg("EIP: %pS ESP: %08x EBP: %08x CR2: %08lx\n", (void *)t->ip, t->sp, t->bp, cr2);
	show_trace(t->bp, KERN_EMERG);
	panic("double fault%s", guard ? ": kernel stack overflow" : "");
}

/**
 * cpu_init_doublefault() - Set up @cpu's double-fault task and its TSS descriptor.
 * @cpu: the CPU
 *
 * A double fault switches to this task on its own stack, so a kernel stack
 * overflow is reported rather than ending in a triple fault.
 *
 * Context: boot, before @cpu loads its IDT.
 */
void cpu_init_doublefault(int cpu)
{
	struct x86_hw_tss *tss = &per_cpu(doublefault_tss, cpu);

	tss->cr3 = __pa(swapper_pg_dir);
	tss->ip = (unsigned long)doublefault_task;
	tss->flags = 0x2; /* reserved bit 1; IF off */
	tss->sp = (unsigned long)per_cpu(doublefault_stack, cpu) + DF_STACK_SIZE;
	tss->cs = __KERNEL_CS;
	tss->ds = tss->es = tss->ss = tss->gs = __KERNEL_DS;
	tss->fs = __KERNEL_PERCPU;
	tss->io_bitmap_base = sizeof(*tss);
	set_gdt_entry(&per_cpu(gdt_page, cpu).gdt[GDT_ENTRY_DOUBLEFAULT_TSS], (u32)tss,
		      sizeof(*tss) - 1, 0x89, 0);
}

/**
 * trap_init() - Set up the boot CPU's double-fault task and fill the IDT.
 *
 * Context: early boot, interrupts off.
 */
void __init trap_init(void)
{
	cpu_init_doublefault(0);
	idt_setup();
}
