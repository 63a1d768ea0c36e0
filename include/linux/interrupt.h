/*
 * Interrupt handlers and bottom halves: the API a driver uses.
 *
 *   request_irq(irq, handler, flags, name, dev_id)  process context; may sleep
 *   request_threaded_irq(irq, handler, thread_fn, flags, name, dev_id)
 *       handler runs in hardirq context and returns IRQ_WAKE_THREAD to have
 *       thread_fn run in process context, in the kthread "irq/N-NAME"
 *   free_irq(irq, dev_id)                           process context; may sleep
 *   disable_irq / enable_irq (nest by depth), disable_irq_nosync, synchronize_irq
 *   open_softirq / raise_softirq, local_bh_disable / local_bh_enable
 *
 * A handler runs in hardirq context with interrupts off on its CPU, never on
 * two CPUs at once for the same line, and must not sleep (docs/interrupts.md).
 */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H
#include <asm/atomic.h>
#include <linux/bottom_half.h>
#include <linux/cpumask.h>
#include <linux/hardirq.h>
#include <linux/irqflags.h>
#include <linux/irqreturn.h>
#include <linux/types.h>
#include <janus/callsite.h>

struct proc_dir_entry;
typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

#define IRQF_SHARED 0x00000080    /* several handlers on one line; all must agree */
#define IRQF_TIMER 0x00000200     /* the timer interrupt */
#define IRQF_ONESHOT 0x00002000   /* keep the line masked until the thread is done */
#define IRQF_NO_THREAD 0x00010000

struct irqaction {
	irq_handler_t handler;
	void *dev_id;
	struct irqaction *next;
	unsigned int irq;
	unsigned int flags;
	const char *name;
	/* Threaded handlers (kernel/irq/thread.c). */
	irq_handler_t thread_fn;
	struct task_struct *thread;
	unsigned long thread_flags; /* IRQTF_RUNTHREAD: the hard handler asked for it */
	unsigned int thread_mask;   /* this action's bit in desc->threads_oneshot */
	char thread_name[16];
	const struct callsite *site; /* who requested it (janus/callsite.h) */
	struct proc_dir_entry *dir;  /* /proc/irq/N/NAME */
};

int request_threaded_irq_at(unsigned int irq, irq_handler_t handler, irq_handler_t thread_fn,
			    unsigned long flags, const char *name, void *dev_id,
			    const struct callsite *site);
/* Linux's calls; the macros also record the caller's file and line, which
 * an unload that forgot free_irq names (kernel/module/leftovers.c). */
#define request_threaded_irq(irq, handler, thread_fn, flags, name, dev_id)              \
	request_threaded_irq_at(irq, handler, thread_fn, flags, name, dev_id,            \
				CALLSITE("request_threaded_irq"))
#define request_irq(irq, handler, flags, name, dev_id) \
	request_threaded_irq_at(irq, handler, NULL, flags, name, dev_id, CALLSITE("request_irq"))
/* Removes the handler registered with dev_id; returns its name (NULL if none was). */
const void *free_irq(unsigned int irq, void *dev_id);
void disable_irq(unsigned int irq);
void disable_irq_nosync(unsigned int irq);
void enable_irq(unsigned int irq);
/* Waits until no CPU is running irq's handlers. */
void synchronize_irq(unsigned int irq);
/* Sends irq to a CPU of mask from now on (its first online one). -EINVAL if
 * the controller cannot steer it (the 8259) or no CPU of mask is online. */
int irq_set_affinity(unsigned int irq, const struct cpumask *mask);

struct seq_file;
/* The interrupt listing, Linux's /proc/interrupts (kernel/irq/proc.c). */
int show_interrupts(struct seq_file *m);

/* Softirqs: bottom halves run after a hardirq, with interrupts enabled.
 * The kernel's own, a fixed list as in Linux; each subsystem opens its vector
 * with open_softirq() at boot. */
enum {
	HI_SOFTIRQ,
	TIMER_SOFTIRQ,
	NET_RX_SOFTIRQ, /* NAPI polls (net/core/napi.c) */
	TASKLET_SOFTIRQ,
	SCHED_SOFTIRQ,
	NR_SOFTIRQS
};
/* After the fixed list, NR_SOFTIRQS_EXTRA vectors that code outside it (the
 * self-tests' own, tests/kernel/softirq_vector.c) takes with softirq_alloc(). */
#define NR_SOFTIRQS_EXTRA 2
#define NR_SOFTIRQ_VECTORS (NR_SOFTIRQS + NR_SOFTIRQS_EXTRA)

/* Each vector's name; "?" for an extra vector nobody has. */
extern const char *softirq_to_name[NR_SOFTIRQ_VECTORS];

struct softirq_action {
	void (*action)(struct softirq_action *);
};

void open_softirq(int nr, void (*action)(struct softirq_action *));
int softirq_alloc(const char *name, void (*action)(struct softirq_action *));
void softirq_free(unsigned int nr);
void raise_softirq(unsigned int nr);
void raise_softirq_irqoff(unsigned int nr);
/* Runs pending softirqs now, if not in interrupt context. */
void do_softirq(void);
u32 local_softirq_pending(void);
/* Nothing pending on this CPU and its ksoftirqd asleep: the next irq_exit
 * runs whatever its interrupt raises. */
bool local_softirqs_idle(void);
unsigned int kstat_softirqs_cpu(unsigned int nr, int cpu);
/* How often __do_softirq hit its limits and left the rest to ksoftirqd. */
unsigned int softirq_handoffs_cpu(int cpu);
/* Starts ksoftirqd/cpu (kernel/softirq.c). */
void spawn_ksoftirqd(int cpu);
struct seq_file;
int show_softirqs(struct seq_file *m);
DECLARE_PER_CPU(struct task_struct *, ksoftirqd);

/*
 * Tasklets (kernel/tasklet.c): a function run once in softirq context
 * (TASKLET_SOFTIRQ, or HI_SOFTIRQ for tasklet_hi_schedule) on the CPU that
 * scheduled it. Scheduling it again before it ran runs it once; it never runs
 * on two CPUs at once; while disabled it waits, scheduled, for tasklet_enable.
 * It runs in interrupt context: it must not sleep.
 */
enum { TASKLET_STATE_SCHED, TASKLET_STATE_RUN };

struct tasklet_struct {
	struct tasklet_struct *next;
	unsigned long state;
	atomic_t count; /* > 0: disabled */
	bool use_callback;
	union {
		void (*func)(unsigned long data);
		void (*callback)(struct tasklet_struct *t);
	};
	unsigned long data;
};

#define DECLARE_TASKLET(name, _callback) \
	struct tasklet_struct name = { .count = ATOMIC_INIT(0), .callback = _callback, .use_callback = true }
#define DECLARE_TASKLET_DISABLED(name, _callback) \
	struct tasklet_struct name = { .count = ATOMIC_INIT(1), .callback = _callback, .use_callback = true }
#define DECLARE_TASKLET_OLD(name, _func) \
	struct tasklet_struct name = { .count = ATOMIC_INIT(0), .func = _func }
#define from_tasklet(var, callback_tasklet, tasklet_fieldname) \
	container_of(callback_tasklet, __typeof__(*var), tasklet_fieldname)

void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long), unsigned long data);
void tasklet_setup(struct tasklet_struct *t, void (*callback)(struct tasklet_struct *));
/* Any context. */
void tasklet_schedule(struct tasklet_struct *t);
void tasklet_hi_schedule(struct tasklet_struct *t);
/* Holds it off (nesting); waits if it is running right now. */
void tasklet_disable(struct tasklet_struct *t);
void tasklet_disable_nosync(struct tasklet_struct *t);
void tasklet_enable(struct tasklet_struct *t);
/* Process context: waits until it is neither scheduled nor running. */
void tasklet_kill(struct tasklet_struct *t);
void tasklet_init_softirqs(void);
/* A CPU's tasklet lists, before that CPU runs softirqs. */
void tasklet_init_cpu(int cpu);

#endif
