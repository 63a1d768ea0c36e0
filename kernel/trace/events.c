/*
 * Every trace event: its fields in the record, its recorder (the function a
 * tracepoint calls once its static key is on) and how Linux prints it.
 * Events that share fields share a class, as Linux's DECLARE_EVENT_CLASS.
 */
#include <asm/ptrace.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <asm/trace/exceptions.h>
#include <asm/trace/irq_vectors.h>
#include <trace/events/ipi.h>
#include <trace/events/irq.h>
#include <trace/events/janus.h>
#include <trace/events/nmi.h>
#include <trace/events/sched.h>
#include <trace/events/syscalls.h>
#include <trace/events/workqueue.h>
#include <janus/trace.h>

#define TRACE_DATA_SIZE sizeof(((struct trace_entry *)0)->data)

/* Opens a record of event ev with fields struct cls; returns if not recording. */
#define TRACE_RECORD(ev, cls, d)                                                   \
	unsigned long __irqflags;                                                  \
	struct cls *d = trace_event_begin(&event_##ev, &__irqflags);               \
	BUILD_BUG_ON(sizeof(struct cls) > TRACE_DATA_SIZE);                        \
	if (!d)                                                                    \
		return
#define TRACE_RECORD_END(d) trace_event_end(d, __irqflags)

/* ---- irq: irq_handler_entry/exit */
struct irq_handler_entry_fields {
	int irq;
	char name[TRACE_DATA_SIZE - sizeof(int)];
};

static int print_irq_handler_entry(char *buf, size_t size, const void *data)
{
	const struct irq_handler_entry_fields *f = data;
	return scnprintf(buf, size, "irq=%d name=%s", f->irq, f->name);
}
DEFINE_EVENT_CALL(irq_handler_entry, "irq", print_irq_handler_entry);

/**
 * __trace_irq_handler_entry() - Record irq_handler_entry: handler @name of line @irq starts.
 * @irq:  the line
 * @name: the irqaction's name (copied)
 *
 * Context: any context (the tracepoint trace_irq_handler_entry() calls it once enabled).
 */
void __trace_irq_handler_entry(int irq, const char *name)
{
	TRACE_RECORD(irq_handler_entry, irq_handler_entry_fields, f);
	f->irq = irq;
	strscpy(f->name, name ?: "", sizeof(f->name));
	TRACE_RECORD_END(f);
}

struct irq_handler_exit_fields {
	int irq, ret;
};

static int print_irq_handler_exit(char *buf, size_t size, const void *data)
{
	const struct irq_handler_exit_fields *f = data;
	return scnprintf(buf, size, "irq=%d ret=%s", f->irq, f->ret ? "handled" : "unhandled");
}
DEFINE_EVENT_CALL(irq_handler_exit, "irq", print_irq_handler_exit);

/**
 * __trace_irq_handler_exit() - Record irq_handler_exit: a handler of line @irq returned @ret.
 * @irq: the line
 * @ret: its irqreturn_t (handled or not)
 *
 * Context: any context (the tracepoint trace_irq_handler_exit() calls it once enabled).
 */
void __trace_irq_handler_exit(int irq, int ret)
{
	TRACE_RECORD(irq_handler_exit, irq_handler_exit_fields, f);
	f->irq = irq;
	f->ret = ret;
	TRACE_RECORD_END(f);
}

/* ---- irq: softirq_raise/entry/exit (class softirq) */
struct softirq_fields {
	unsigned int vec;
};

static int print_softirq(char *buf, size_t size, const void *data)
{
	const struct softirq_fields *f = data;
	return scnprintf(buf, size, "vec=%u [action=%s]", f->vec,
			 f->vec < NR_SOFTIRQ_VECTORS ? softirq_to_name[f->vec] : "?");
}

#define DEFINE_SOFTIRQ_EVENT(ev)                                   \
	DEFINE_EVENT_CALL(ev, "irq", print_softirq);               \
	void __trace_##ev(unsigned int vec)                        \
	{                                                          \
		TRACE_RECORD(ev, softirq_fields, f);               \
		f->vec = vec;                                      \
		TRACE_RECORD_END(f);                               \
	}
DEFINE_SOFTIRQ_EVENT(softirq_raise)
DEFINE_SOFTIRQ_EVENT(softirq_entry)
DEFINE_SOFTIRQ_EVENT(softirq_exit)

/* ---- irq: tasklet_entry/exit (class tasklet) */
struct fn_fields {
	void *obj, *func;
};

static int print_tasklet(char *buf, size_t size, const void *data)
{
	const struct fn_fields *f = data;
	return scnprintf(buf, size, "tasklet=%ps function=%ps", f->obj, f->func);
}

#define DEFINE_FN_EVENT(ev, sys, print)                            \
	DEFINE_EVENT_CALL(ev, sys, print);                         \
	void __trace_##ev(void *obj, void *func)                   \
	{                                                          \
		TRACE_RECORD(ev, fn_fields, f);                    \
		f->obj = obj;                                      \
		f->func = func;                                    \
		TRACE_RECORD_END(f);                               \
	}
DEFINE_FN_EVENT(tasklet_entry, "irq", print_tasklet)
DEFINE_FN_EVENT(tasklet_exit, "irq", print_tasklet)

/* ---- workqueue: workqueue_execute_start/end */
static int print_work(char *buf, size_t size, const void *data)
{
	const struct fn_fields *f = data;
	return scnprintf(buf, size, "work struct %p: function %ps", f->obj, f->func);
}
DEFINE_FN_EVENT(workqueue_execute_start, "workqueue", print_work)
DEFINE_FN_EVENT(workqueue_execute_end, "workqueue", print_work)

/* ---- sched: sched_switch, sched_wakeup */
struct sched_switch_fields {
	char prev_comm[TASK_COMM_LEN];
	char next_comm[TASK_COMM_LEN];
	s32 prev_pid, next_pid;
	u8 prev_prio, next_prio;
	char prev_state; /* R S D X Z */
	bool preempted;  /* printed as "R+" */
};

/* Linux's numbering: kernel priority 100 + nice 20; the idle task shows 120 as there. */
static u8 linux_prio(const struct task_struct *p)
{
	return 100 + (p->flags & PF_IDLE ? DEFAULT_PRIO : p->prio);
}

static char state_char(const struct task_struct *p)
{
	if (p->exit_state)
		return p->exit_state == EXIT_DEAD ? 'X' : 'Z';
	if (p->state & TASK_DEAD)
		return 'X';
	if (p->state & TASK_UNINTERRUPTIBLE)
		return 'D';
	if (p->state & TASK_INTERRUPTIBLE)
		return 'S';
	return 'R';
}

static int print_sched_switch(char *buf, size_t size, const void *data)
{
	const struct sched_switch_fields *f = data;
	return scnprintf(buf, size,
			 "prev_comm=%s prev_pid=%d prev_prio=%d prev_state=%c%s ==> "
			 "next_comm=%s next_pid=%d next_prio=%d",
			 f->prev_comm, f->prev_pid, f->prev_prio, f->prev_state,
			 f->preempted ? "+" : "", f->next_comm, f->next_pid, f->next_prio);
}
DEFINE_EVENT_CALL(sched_switch, "sched", print_sched_switch);

/**
 * __trace_sched_switch() - Record sched_switch: @prev leaves the CPU to @next.
 * @preempt: @prev was preempted (stays runnable: "R+")
 * @prev:    the task switched out
 * @next:    the task switched in
 *
 * Context: any context (the tracepoint trace_sched_switch() calls it once enabled).
 */
void __trace_sched_switch(bool preempt, struct task_struct *prev, struct task_struct *next)
{
	TRACE_RECORD(sched_switch, sched_switch_fields, f);
	memcpy(f->prev_comm, prev->comm, TASK_COMM_LEN);
	memcpy(f->next_comm, next->comm, TASK_COMM_LEN);
	f->prev_pid = prev->pid;
	f->next_pid = next->pid;
	f->prev_prio = linux_prio(prev);
	f->next_prio = linux_prio(next);
	f->preempted = preempt && prev->state == TASK_RUNNING;
	f->prev_state = preempt ? 'R' : state_char(prev);
	TRACE_RECORD_END(f);
	trace_save_cmdline(next->pid, next->comm);
}

struct sched_wakeup_fields {
	char comm[TASK_COMM_LEN];
	s32 pid, prio, target_cpu;
};

static int print_sched_wakeup(char *buf, size_t size, const void *data)
{
	const struct sched_wakeup_fields *f = data;
	return scnprintf(buf, size, "comm=%s pid=%d prio=%d target_cpu=%03d", f->comm, f->pid,
			 f->prio, f->target_cpu);
}
DEFINE_EVENT_CALL(sched_wakeup, "sched", print_sched_wakeup);

/**
 * __trace_sched_wakeup() - Record sched_wakeup: @p became runnable.
 * @p: the woken task
 *
 * Context: any context (the tracepoint trace_sched_wakeup() calls it once enabled).
 */
void __trace_sched_wakeup(struct task_struct *p)
{
	TRACE_RECORD(sched_wakeup, sched_wakeup_fields, f);
	memcpy(f->comm, p->comm, TASK_COMM_LEN);
	f->pid = p->pid;
	f->prio = linux_prio(p);
	f->target_cpu = p->cpu;
	TRACE_RECORD_END(f);
	trace_save_cmdline(p->pid, p->comm);
}

/* ---- raw_syscalls: sys_enter, sys_exit */
struct sys_enter_fields {
	long id;
	unsigned long args[6];
};

static int print_sys_enter(char *buf, size_t size, const void *data)
{
	const struct sys_enter_fields *f = data;
	return scnprintf(buf, size, "NR %ld (%lx, %lx, %lx, %lx, %lx, %lx)", f->id, f->args[0],
			 f->args[1], f->args[2], f->args[3], f->args[4], f->args[5]);
}
DEFINE_EVENT_CALL(sys_enter, "raw_syscalls", print_sys_enter);

/**
 * __trace_sys_enter() - Record sys_enter: a system call starts.
 * @regs: the caller's registers (the six argument registers)
 * @id:   the system call number
 *
 * Context: any context (the tracepoint trace_sys_enter() calls it once enabled).
 */
void __trace_sys_enter(struct pt_regs *regs, long id)
{
	TRACE_RECORD(sys_enter, sys_enter_fields, f);
	f->id = id;
	f->args[0] = regs->bx;
	f->args[1] = regs->cx;
	f->args[2] = regs->dx;
	f->args[3] = regs->si;
	f->args[4] = regs->di;
	f->args[5] = regs->bp;
	TRACE_RECORD_END(f);
}

struct sys_exit_fields {
	long id, ret;
};

static int print_sys_exit(char *buf, size_t size, const void *data)
{
	const struct sys_exit_fields *f = data;
	return scnprintf(buf, size, "NR %ld = %ld", f->id, f->ret);
}
DEFINE_EVENT_CALL(sys_exit, "raw_syscalls", print_sys_exit);

/**
 * __trace_sys_exit() - Record sys_exit: a system call returns.
 * @regs: the caller's registers (orig_ax is the number)
 * @ret:  its result
 *
 * Context: any context (the tracepoint trace_sys_exit() calls it once enabled).
 */
void __trace_sys_exit(struct pt_regs *regs, long ret)
{
	TRACE_RECORD(sys_exit, sys_exit_fields, f);
	f->id = regs->orig_ax;
	f->ret = ret;
	TRACE_RECORD_END(f);
}

/* ---- irq_vectors: local_timer, reschedule, call_function entry/exit (class vector) */
struct vector_fields {
	int vector;
};

static int print_vector(char *buf, size_t size, const void *data)
{
	const struct vector_fields *f = data;
	return scnprintf(buf, size, "vector=%d", f->vector);
}

#define DEFINE_VECTOR_EVENT(ev)                                    \
	DEFINE_EVENT_CALL(ev, "irq_vectors", print_vector);        \
	void __trace_##ev(int vector)                              \
	{                                                          \
		TRACE_RECORD(ev, vector_fields, f);                \
		f->vector = vector;                                \
		TRACE_RECORD_END(f);                               \
	}
DEFINE_VECTOR_EVENT(local_timer_entry)
DEFINE_VECTOR_EVENT(local_timer_exit)
DEFINE_VECTOR_EVENT(reschedule_entry)
DEFINE_VECTOR_EVENT(reschedule_exit)
DEFINE_VECTOR_EVENT(call_function_entry)
DEFINE_VECTOR_EVENT(call_function_exit)

/* ---- ipi: ipi_send_cpu */
struct ipi_send_cpu_fields {
	unsigned int cpu;
	void *callsite, *callback;
};

static int print_ipi_send_cpu(char *buf, size_t size, const void *data)
{
	const struct ipi_send_cpu_fields *f = data;
	return scnprintf(buf, size, "cpu=%u callsite=%pS callback=%pS", f->cpu, f->callsite,
			 f->callback);
}
DEFINE_EVENT_CALL(ipi_send_cpu, "ipi", print_ipi_send_cpu);

/**
 * __trace_ipi_send_cpu() - Record ipi_send_cpu: an IPI leaves for @cpu.
 * @cpu:      the target CPU
 * @callsite: who sent it
 * @callback: the function it will run there, or NULL
 *
 * Context: any context (the tracepoint trace_ipi_send_cpu() calls it once enabled).
 */
void __trace_ipi_send_cpu(unsigned int cpu, void *callsite, void *callback)
{
	TRACE_RECORD(ipi_send_cpu, ipi_send_cpu_fields, f);
	f->cpu = cpu;
	f->callsite = callsite;
	f->callback = callback;
	TRACE_RECORD_END(f);
}

/* ---- nmi: nmi_handler */
struct nmi_handler_fields {
	void *handler;
	s64 delta_ns;
	int handled;
};

static int print_nmi_handler(char *buf, size_t size, const void *data)
{
	const struct nmi_handler_fields *f = data;
	return scnprintf(buf, size, "%ps() delta_ns: %lld handled: %d", f->handler, f->delta_ns,
			 f->handled);
}
DEFINE_EVENT_CALL(nmi_handler, "nmi", print_nmi_handler);

/**
 * __trace_nmi_handler() - Record nmi_handler: an NMI handler ran.
 * @handler:  the handler
 * @delta_ns: how long it took
 * @handled:  1 if the NMI was its, else 0
 *
 * Context: NMI (the tracepoint trace_nmi_handler() calls it once enabled).
 */
void __trace_nmi_handler(void *handler, s64 delta_ns, int handled)
{
	TRACE_RECORD(nmi_handler, nmi_handler_fields, f);
	f->handler = handler;
	f->delta_ns = delta_ns;
	f->handled = handled;
	TRACE_RECORD_END(f);
}

/* ---- exceptions: page_fault_user/kernel (class page fault) */
struct page_fault_fields {
	unsigned long address, ip, error_code;
};

static int print_page_fault(char *buf, size_t size, const void *data)
{
	const struct page_fault_fields *f = data;
	return scnprintf(buf, size, "address=%ps ip=%ps error_code=0x%lx", (void *)f->address,
			 (void *)f->ip, f->error_code);
}

#define DEFINE_PAGE_FAULT_EVENT(ev)                                                           \
	DEFINE_EVENT_CALL(ev, "exceptions", print_page_fault);                                \
	void __trace_##ev(unsigned long address, unsigned long ip, unsigned long error_code) \
	{                                                                                     \
		TRACE_RECORD(ev, page_fault_fields, f);                                       \
		f->address = address;                                                         \
		f->ip = ip;                                                                   \
		f->error_code = error_code;                                                   \
		TRACE_RECORD_END(f);                                                          \
	}
DEFINE_PAGE_FAULT_EVENT(page_fault_user)
DEFINE_PAGE_FAULT_EVENT(page_fault_kernel)

/* ---- janus: janus_report */
struct janus_report_fields {
	char text[TRACE_DATA_SIZE];
};

static int print_janus_report(char *buf, size_t size, const void *data)
{
	const struct janus_report_fields *f = data;
	return scnprintf(buf, size, "%s", f->text);
}
DEFINE_EVENT_CALL(janus_report, "janus", print_janus_report);

/**
 * __trace_janus_report() - Record janus_report: the first line of a kernel report.
 * @text: the report's headline (copied, cut at 44 bytes)
 *
 * Context: any context (the tracepoint trace_janus_report() calls it once enabled).
 */
void __trace_janus_report(const char *text)
{
	TRACE_RECORD(janus_report, janus_report_fields, f);
	strscpy(f->text, text, sizeof(f->text));
	TRACE_RECORD_END(f);
}
