/*
 * Backtraces: walk the ebp chain from a frame, print each return address as
 * function+offset/size, and mark where the walk leaves an interrupt stack for
 * the stack it interrupted (<IRQ> ... </IRQ>).
 */
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/stacktrace.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/smp.h>

DECLARE_PER_CPU(unsigned long, hardirq_stack_top);
DECLARE_PER_CPU(unsigned long, softirq_stack_top);
DECLARE_PER_CPU(char[4096], doublefault_stack);

/* Every stack this CPU may be running on right now. */
static unsigned int cpu_stacks(struct stack_info *s)
{
	unsigned long irq_top = this_cpu_read(hardirq_stack_top);
	unsigned long softirq_top = this_cpu_read(softirq_stack_top);
	unsigned long task = (unsigned long)current->stack;
	unsigned long df = (unsigned long)this_cpu_ptr(&doublefault_stack);
	unsigned int n = 0;

	s[n++] = (struct stack_info){ STACK_TYPE_TASK, task, task + THREAD_SIZE };
	if (irq_top)
		s[n++] = (struct stack_info){ STACK_TYPE_IRQ, irq_top - IRQ_STACK_SIZE, irq_top };
	if (softirq_top)
		s[n++] = (struct stack_info){ STACK_TYPE_SOFTIRQ, softirq_top - IRQ_STACK_SIZE,
					      softirq_top };
	s[n++] = (struct stack_info){ STACK_TYPE_EXCEPTION, df, df + 4096 };
	return n;
}

/**
 * get_stack_info() - Which of this CPU's stacks holds @addr: the task's, hardirq, softirq or double-fault.
 * @addr: a stack address
 * @info: where the stack's type and bounds go (type STACK_TYPE_UNKNOWN if none)
 *
 * Context: any context; does not sleep.
 * Return: true if @addr is on one of them.
 */
bool get_stack_info(unsigned long addr, struct stack_info *info)
{
	struct stack_info s[4];
	unsigned int n = cpu_stacks(s);

	for (unsigned int i = 0; i < n; i++) {
		if (addr >= s[i].begin && addr < s[i].end) {
			*info = s[i];
			return true;
		}
	}
	info->type = STACK_TYPE_UNKNOWN;
	return false;
}

static const char *const stack_names[] = {
	[STACK_TYPE_TASK] = "task",
	[STACK_TYPE_IRQ] = "IRQ",
	[STACK_TYPE_SOFTIRQ] = "softirq",
	[STACK_TYPE_EXCEPTION] = "double-fault",
};

/**
 * stack_guard_owner() - Whose guard page @addr is in, if any.
 * @addr: a faulting address
 *
 * Each stack lives in the vmalloc area with an unmapped page below it; a
 * fault there is a stack overflow.
 *
 * Context: any context, fault handlers included; does not sleep.
 * Return: "task", "IRQ", "softirq" or "double-fault", or NULL.
 */
const char *stack_guard_owner(unsigned long addr)
{
	struct stack_info s[4];
	unsigned int n = cpu_stacks(s);

	/* The stacks live in the vmalloc area with an unmapped page just below each
	 * (the boot task's stack has one too, see arch/x86/paging.c). */
	for (unsigned int i = 0; i < n; i++)
		if (addr < s[i].begin && addr >= s[i].begin - PAGE_SIZE)
			return stack_names[s[i].type];
	return NULL;
}

static const char *const stack_marker[] = {
	[STACK_TYPE_IRQ] = "IRQ",
	[STACK_TYPE_SOFTIRQ] = "SOFTIRQ",
	[STACK_TYPE_EXCEPTION] = "EXCEPTION",
};

/* The next frame, or 0 where the chain ends or stops making sense. */
static unsigned long next_frame(unsigned long bp, const struct stack_info *info)
{
	unsigned long next = ((unsigned long *)bp)[0];
	struct stack_info next_info;

	if (!next || (next & 3) || !get_stack_info(next, &next_info))
		return 0;
	/* On one stack, frames only move towards its top. */
	if (next_info.type == info->type && next <= bp)
		return 0;
	return next;
}

/**
 * show_trace() - Print the call trace from frame @bp, marking <IRQ> ... </IRQ> where stacks change.
 * @bp:     the first frame pointer
 * @loglvl: the printk level, e.g. KERN_EMERG
 *
 * The walk follows the ebp chain and stops where it leaves this CPU's
 * stacks or stops climbing.
 *
 * Context: any context; does not sleep.
 */
void show_trace(unsigned long bp, const char *loglvl)
{
	struct stack_info info;
	enum stack_type prev = STACK_TYPE_TASK;

	printk("%sCall Trace:\n", loglvl);
	for (; bp && get_stack_info(bp, &info) && bp + 8 <= info.end;
	     bp = next_frame(bp, &info)) {
		if (info.type != prev) {
			if (prev != STACK_TYPE_TASK)
				printk("%s </%s>\n", loglvl, stack_marker[prev]);
			if (info.type != STACK_TYPE_TASK)
				printk("%s <%s>\n", loglvl, stack_marker[info.type]);
			prev = info.type;
		}
		printk("%s %pB\n", loglvl, (void *)((unsigned long *)bp)[1]);
	}
	if (prev != STACK_TYPE_TASK)
		printk("%s </%s>\n", loglvl, stack_marker[prev]);
}

/**
 * stack_trace_save_bp() - Store the return addresses of the frame chain from @bp.
 * @bp:    the first frame pointer
 * @store: where the addresses go
 * @max:   how many fit
 *
 * Context: any context; does not sleep.
 * Return: how many were stored.
 */
unsigned int stack_trace_save_bp(unsigned long bp, unsigned long *store, unsigned int max)
{
	struct stack_info info;
	unsigned int n = 0;

	for (; n < max && bp && get_stack_info(bp, &info) && bp + 8 <= info.end;
	     bp = next_frame(bp, &info))
		store[n++] = ((unsigned long *)bp)[1];
	return n;
}

/**
 * stack_trace_save_tsk() - The return addresses of a task that is switched out.
 * @p:     a task not running on any CPU (the caller holds a reference)
 * @store: where the addresses go, innermost first
 * @max:   room in @store
 *
 * switch_to pushed ebp, ebx, esi, edi and EFLAGS below its return address:
 * the saved ebp is the frame of __schedule. The task may wake up and run
 * meanwhile (its reference keeps the stack); the walk never leaves the
 * stack and only climbs, so at worst it gives a stale frame.
 * Context: any context.
 * Return: how many addresses were stored.
 */
unsigned int stack_trace_save_tsk(struct task_struct *p, unsigned long *store, unsigned int max)
{
	unsigned long lo = (unsigned long)p->stack, hi = lo + THREAD_SIZE;
	unsigned long sp = READ_ONCE(p->sp), *frame;
	unsigned int n = 0;

	if (sp < lo || sp + 6 * sizeof(long) > hi || !max)
		return 0;
	frame = (unsigned long *)sp;
	store[n++] = frame[5];
	for (unsigned long bp = frame[4]; n < max && bp >= lo && bp + 8 <= hi && !(bp & 3);) {
		unsigned long next = ((unsigned long *)bp)[0];

		store[n++] = ((unsigned long *)bp)[1];
		if (next <= bp)
			break;
		bp = next;
	}
	return n;
}

/**
 * show_task_trace() - Print the call trace of a task that is switched out.
 * @p:      the task (not running; a reference held)
 * @loglvl: the printk level
 *
 * The addresses come from stack_trace_save_tsk(): if @p runs meanwhile it
 * shows at worst a stale frame.
 *
 * Context: any context; does not sleep.
 */
void show_task_trace(struct task_struct *p, const char *loglvl)
{
	unsigned long trace[32];
	unsigned int n = stack_trace_save_tsk(p, trace, ARRAY_SIZE(trace));

	printk("%sCall Trace:\n", loglvl);
	for (unsigned int i = 0; i < n; i++)
		printk("%s %pB\n", loglvl, (void *)trace[i]);
}

/**
 * dump_stack_lvl() - Print the CPU, the current task and the call trace from here.
 * @loglvl: the printk level
 *
 * Context: any context; does not sleep.
 */
void dump_stack_lvl(const char *loglvl)
{
	struct task_struct *task = current;

	printk("%sCPU: %d PID: %d Comm: %s\n", loglvl, smp_processor_id(), task->pid, task->comm);
	show_trace(current_frame_pointer(), loglvl);
}
EXPORT_SYMBOL(dump_stack_lvl);

/**
 * dump_stack() - Print the CPU, the current task and the call trace from here, at the default level.
 *
 * Context: any context; does not sleep.
 */
void dump_stack(void)
{
	dump_stack_lvl(KERN_DEFAULT);
}
EXPORT_SYMBOL(dump_stack);
