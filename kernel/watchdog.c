/*
 * The soft and hard lock-up detectors (include/linux/nmi.h), run from every
 * CPU's tick (watchdog_tick, from update_process_times).
 *
 * Soft lock-up: every pass through the scheduler (__schedule, which calls
 * watchdog_touch) proves the CPU can still schedule, and so does a tick that
 * interrupts preemptible code (a task with preemption and interrupts on, the
 * idle loop included): it would be preempted at once if anything needed the
 * CPU. A CPU that has done neither for softlockup_thresh_ms
 * (2 * watchdog_thresh) is stuck in the kernel with preemption off:
 * "BUG: soft lockup - CPU#1 stuck for 22s!", with the backtrace of what the
 * tick interrupted. Linux gets the same answer from a per-CPU thread of the
 * highest priority that its timer wakes up. The time is counted in the CPU's
 * own ticks, not by the clock: a virtual CPU that its host did not run for a
 * while was not stuck (on a loaded host, idle CPUs were reported "stuck for
 * 732ms" while the threshold was lowered to 300 ms).
 *
 * Hard lock-up: a CPU with interrupts off gets no ticks at all, so it cannot
 * watch itself. Each CPU watches its buddy, the next online CPU (Linux's
 * "buddy" detector): if the buddy's tick count has not moved for
 * hardlockup_thresh_ms, "Watchdog detected hard LOCKUP on cpu N", and the
 * buddy's backtrace is fetched by NMI, which gets through with interrupts off.
 * With one CPU there is no buddy; the spinlock lock-up detector
 * (kernel/locking/spinlock.c) still sees a CPU spinning with interrupts off.
 * A CPU halted with interrupts on (safe_halt(): the idle loop, a test waiting)
 * is not locked up either, even when it takes no tick because its host does
 * not run it: its buddy leaves it alone until an interrupt wakes it (Linux's
 * idle CPUs stop their tick and are not watched either).
 * Only the CPUs in watchdog_cpumask (Linux's kernel.watchdog_cpumask) are
 * watched by either detector: the lock-up cases lower a threshold for the CPU
 * under test alone, so a loaded host that leaves another virtual CPU unrun
 * for that long is not a report.
 */
#include <asm/irq.h>
#include <asm/ptrace.h>
#include <asm/stacktrace.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/lockdep.h>
#include <linux/nmi.h>
#include <linux/panic.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/smp.h>
#include <janus/log.h>

unsigned int softlockup_thresh_ms = 20000, hardlockup_thresh_ms = 10000, spinlock_lockup_ms = 10000;
bool softlockup_panic, hardlockup_panic;
cpu_bits_t watchdog_cpumask = CPU_BITS_ALL;
unsigned long softlockup_reports, hardlockup_reports;

struct watchdog_cpu {
	unsigned long touch_ticks;  /* its tick count when it was last seen able to schedule */
	unsigned long ticks;        /* its timer interrupts: what its buddy watches */
	int buddy;                  /* the CPU this one watches */
	unsigned long buddy_ticks;  /* the buddy's count when it last moved */
	u64 buddy_ts;               /* and when that was */
	bool hard_reported;
	bool halted;                /* in safe_halt(), interrupts on ... */
	int halted_pc;              /* ... with this preempt_count */
};

static DEFINE_PER_CPU(struct watchdog_cpu, watchdog_cpu);
DEFINE_PER_CPU(unsigned long, hardlockup_reports_cpu);

static int __init watchdog_thresh_setup(char *val)
{
	unsigned int secs;

	if (!val || kstrtouint(val, 0, &secs) || secs > 60)
		return -EINVAL;
	softlockup_thresh_ms = 2 * secs * 1000;
	hardlockup_thresh_ms = secs * 1000;
	spinlock_lockup_ms = secs * 1000;
	return 0;
}
early_param("watchdog_thresh", watchdog_thresh_setup);

static int __init bool_param(char *val, bool *flag)
{
	unsigned int v;

	if (!val || kstrtouint(val, 0, &v) || v > 1)
		return -EINVAL;
	*flag = v;
	return 0;
}

static int __init softlockup_panic_setup(char *val)
{
	return bool_param(val, &softlockup_panic);
}
early_param("softlockup_panic", softlockup_panic_setup);

static int __init hardlockup_panic_setup(char *val)
{
	return bool_param(val, &hardlockup_panic);
}
early_param("hardlockup_panic", hardlockup_panic_setup);

static void report_softlockup(unsigned long stuck_ticks)
{
	struct pt_regs *regs = get_irq_regs();
	unsigned int ms = stuck_ticks * (1000 / HZ);

	report_begin();
	pr_emerg("watchdog: BUG: soft lockup - CPU#%d stuck for %u%s! [%s:%d]\n", smp_processor_id(),
		 ms >= 1000 ? ms / 1000 : ms, ms >= 1000 ? "s" : "ms", current->comm, current->pid);
	lockdep_print_held_locks(current);
	pr_emerg("CPU: %d PID: %d Comm: %s preempt_count: %08x\n", smp_processor_id(),
		 current->pid, current->comm, preempt_count() - (int)HARDIRQ_OFFSET);
	if (regs) {
		pr_emerg("EIP: %pS\n", (void *)regs->ip);
		show_trace(regs->bp, KERN_EMERG);
	}
	report_end();
	WRITE_ONCE(softlockup_reports, softlockup_reports + 1); /* after it: tests wait for it */
	if (softlockup_panic)
		panic("softlockup: hung tasks");
}

/**
 * watchdog_touch() - This CPU passed through the scheduler: it is not locked up.
 *
 * Context: __schedule(), interrupts off.
 */
void watchdog_touch(void)
{
	struct watchdog_cpu *w = this_cpu_ptr(&watchdog_cpu);

	w->touch_ticks = w->ticks;
	/* A halt that an interrupt ended and whose way back preempts the halter:
	 * the next task must be watched again. */
	WRITE_ONCE(w->halted, false);
}

/**
 * safe_halt() - Turn interrupts on and halt until one comes; meanwhile this CPU is not locked up.
 *
 * Interrupts go on and the CPU halts with no gap between (sti; hlt), so a
 * wake-up is never missed. While it is halted, its buddy does not report it
 * if its host does not run it for a while. An interrupt that comes raises
 * preempt_count (irq_enter()) and is watched like any other code; so is the
 * task that the way back from it switches to (watchdog_touch()).
 *
 * Context: any context; interrupts are on when it returns; does not sleep.
 */
void safe_halt(void)
{
	local_irq_disable(); /* from here to the halt on this CPU, not another one */
	this_cpu_write(watchdog_cpu.halted_pc, preempt_count());
	barrier(); /* the buddy reads halted, then halted_pc */
	this_cpu_write(watchdog_cpu.halted, true);
	arch_safe_halt();
	this_cpu_write(watchdog_cpu.halted, false);
}

/* @cpu is halted with interrupts on, not inside an interrupt that woke it. */
static bool halted_with_irqs_on(int cpu)
{
	struct watchdog_cpu *w = &per_cpu(watchdog_cpu, cpu);

	if (!READ_ONCE(w->halted))
		return false;
	barrier();
	return READ_ONCE(w->halted_pc) == READ_ONCE(per_cpu(__preempt_count, cpu));
}

void touch_softlockup_watchdog(void)
{
	watchdog_touch();
}

/* The tick interrupted code that could be preempted right now. An idle CPU,
 * or one that runs a task alone, may not pass through the scheduler for a long
 * time, and is not stuck: when a test lowered the threshold to 300 ms, idle
 * CPUs whose last switch was a second old were reported at once. */
static bool interrupted_preemptible(void)
{
	struct pt_regs *regs = get_irq_regs();

	return regs && preempt_count() == HARDIRQ_OFFSET && (regs->flags & X86_EFLAGS_IF);
}

static void check_softlockup(struct watchdog_cpu *w)
{
	unsigned long limit = msecs_to_jiffies(READ_ONCE(softlockup_thresh_ms));
	unsigned long stuck = w->ticks - w->touch_ticks;

	if (!limit || interrupted_preemptible() ||
	    !(READ_ONCE(watchdog_cpumask) & CPU_BIT(smp_processor_id()))) {
		w->touch_ticks = w->ticks;
		return;
	}
	if (stuck < limit)
		return;
	report_softlockup(stuck);
	w->touch_ticks = w->ticks; /* again after another period, if still stuck */
}

static int next_online_cpu(int cpu)
{
	int next;

	for_each_online_cpu(next)
		if (next > cpu)
			return next;
	for_each_online_cpu(next)
		return next;
	return cpu;
}

static void report_hardlockup(int buddy, unsigned int thresh_ms)
{
	unsigned long *reports = &per_cpu(hardlockup_reports_cpu, buddy);

	report_begin();
	pr_emerg("watchdog: Watchdog detected hard LOCKUP on cpu %d\n", buddy);
	pr_emerg("(no timer interrupt for %u ms: interrupts off; seen from CPU#%d)\n", thresh_ms,
		 smp_processor_id());
	trigger_single_cpu_backtrace(buddy);
	report_end();
	WRITE_ONCE(*reports, *reports + 1); /* after it: tests wait for it */
	WRITE_ONCE(hardlockup_reports, hardlockup_reports + 1);
	if (hardlockup_panic)
		panic("Hard LOCKUP on cpu %d", buddy);
}

static void check_buddy(struct watchdog_cpu *w, u64 now)
{
	int buddy = next_online_cpu(smp_processor_id());
	unsigned long ticks;
	/* Read once: the report says the limit that was exceeded, not one a
	 * test restored in between. */
	unsigned int thresh_ms = READ_ONCE(hardlockup_thresh_ms);
	u64 limit = (u64)thresh_ms * 1000000;

	if (buddy == smp_processor_id())
		return;
	if (!(READ_ONCE(watchdog_cpumask) & CPU_BIT(buddy))) {
		w->buddy = -1; /* watched again: from a fresh start */
		return;
	}
	ticks = READ_ONCE(per_cpu(watchdog_cpu, buddy).ticks);
	if (buddy != w->buddy || ticks != w->buddy_ticks || halted_with_irqs_on(buddy)) {
		w->buddy = buddy;
		w->buddy_ticks = ticks;
		w->buddy_ts = now;
		w->hard_reported = false;
		return;
	}
	if (!limit || w->hard_reported || now - w->buddy_ts < limit)
		return;
	w->hard_reported = true; /* once, until the buddy ticks again */
	report_hardlockup(buddy, thresh_ms);
}

/**
 * watchdog_cpu_ticks() - How many timer interrupts @cpu has taken.
 * @cpu: an online CPU
 *
 * A clock for "while that CPU ran": a virtual CPU that its host does not run
 * takes no ticks, so a wait measured in its ticks is one it could have ended.
 *
 * Context: any context; does not sleep.
 * Return: the count (it only grows).
 */
unsigned long watchdog_cpu_ticks(int cpu)
{
	return READ_ONCE(per_cpu(watchdog_cpu, cpu).ticks);
}


void watchdog_tick(void)
{
	struct watchdog_cpu *w = this_cpu_ptr(&watchdog_cpu);
	u64 now = local_clock();

	WRITE_ONCE(w->ticks, w->ticks + 1);
	check_softlockup(w);
	check_buddy(w, now);
}
