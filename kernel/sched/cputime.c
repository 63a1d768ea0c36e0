/*
 * Time per context, like Linux with IRQ_TIME_ACCOUNTING: exact hardirq and
 * softirq time, read from the raw clock (get_cycles()) at every entry and exit
 * (irqtime_account_irq, from kernel/softirq.c), and tick-sampled user,
 * nice, system and idle time (account_process_tick, from the tick): each
 * tick charges the time since the previous one to whatever it interrupted,
 * less the interrupt time that period held, so the columns add up to the
 * time that passed (each period ends where the tick's own interrupt began).
 * /proc/stat shows them in USER_HZ ticks; tasks get utime and stime.
 */
#include <asm/irq.h>
#include <asm/ptrace.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/kernel_stat.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/seq_file.h>
#include <linux/smp.h>
#include <linux/sprintf.h>
#include <linux/jiffies.h>
#include <linux/init.h>
#include <linux/string.h>
#include "sched.h"


/*
 * One CPU's times; written only by that CPU with interrupts off, read by any.
 * The interrupt path only adds get_cycles() cycles (no conversion on the hot path);
 * they become nanoseconds when read and at the tick.
 */
struct cpu_times {
	u32 seq;            /* odd while being written */
	struct kernel_cpustat stat; /* the tick's columns, in ns */
	u64 irq_cycles[2];  /* hardirq, softirq: exact, in cycles */
	u64 tick_delta;     /* interrupt cycles not yet taken off a tick */
	u64 last_tick;      /* the cycle count where the last tick's period ended */
};

static struct cpu_times cpu_times[NR_CPUS];
DEFINE_PER_CPU(cycles_t, irqtime_mark);

/* Exact interrupt time on (the default); irqtime=off leaves it to the tick. */
DEFINE_STATIC_KEY_TRUE(sched_clock_irqtime);

static int __init irqtime_setup(char *val)
{
	if (!val || strcmp(val, "off"))
		return -EINVAL;
	sched_clock_irqtime.key.enabled = 0; /* before any site runs: kmain patches to match */
	return 0;
}
early_param("irqtime", irqtime_setup);

static void write_begin(struct cpu_times *t)
{
	WRITE_ONCE(t->seq, t->seq + 1);
	__atomic_thread_fence(__ATOMIC_RELEASE);
}

static void write_end(struct cpu_times *t)
{
	__atomic_thread_fence(__ATOMIC_RELEASE);
	WRITE_ONCE(t->seq, t->seq + 1);
}

void kcpustat_cpu_fetch(struct kernel_cpustat *dst, int cpu)
{
	const struct cpu_times *t = &cpu_times[cpu];
	u32 seq;

	u64 irq, softirq;

	do {
		while ((seq = __atomic_load_n(&t->seq, __ATOMIC_ACQUIRE)) & 1)
			cpu_relax();
		*dst = t->stat;
		irq = t->irq_cycles[0];
		softirq = t->irq_cycles[1];
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
	} while (READ_ONCE(t->seq) != seq);
	dst->cpustat[CPUTIME_IRQ] = cycles_to_ns(irq);
	dst->cpustat[CPUTIME_SOFTIRQ] = cycles_to_ns(softirq);
}

void irqtime_account_irq(unsigned int offset)
{
	struct cpu_times *t = &cpu_times[smp_processor_id()];
	unsigned int pc = preempt_count() - offset; /* the context being left */
	cycles_t *mark = this_cpu_ptr(&irqtime_mark);
	cycles_t now = get_cycles(), last = *mark;
	int index;

	*mark = now;
	if (pc & HARDIRQ_MASK)
		index = 0;
	else if (pc & SOFTIRQ_OFFSET)
		index = 1;
	else
		return; /* task time: the tick samples it */
	write_begin(t);
	t->irq_cycles[index] += now - last;
	t->tick_delta += now - last;
	write_end(t);
}

void account_process_tick(struct task_struct *p, bool user_tick)
{
	struct cpu_times *t = &cpu_times[smp_processor_id()];
	/* The period ends where this tick's interrupt began (irq_enter marked it):
	 * the tick's own hardirq time goes to irq at its irq_exit, not here too. */
	cycles_t mark = *this_cpu_ptr(&irqtime_mark);
	cycles_t now = static_branch_likely(&sched_clock_irqtime) && mark ? mark : get_cycles();
	u64 cputime = t->last_tick ? cycles_to_ns(now - t->last_tick) : TICK_NSEC;
	u64 other = cycles_to_ns(t->tick_delta);
	int index;

	t->last_tick = now;
	t->tick_delta = 0; /* the interrupts had their exact share already */
	if (other >= cputime)
		return;
	cputime -= other;
	if (user_tick) {
		index = task_nice(p) > 0 ? CPUTIME_NICE : CPUTIME_USER;
		p->utime += cputime;
	} else if (p->flags & PF_IDLE) {
		index = CPUTIME_IDLE;
	} else {
		index = CPUTIME_SYSTEM;
		p->stime += cputime;
	}
	write_begin(t);
	t->stat.cpustat[index] += cputime;
	write_end(t);
}

u64 nsec_to_clock_t(u64 ns)
{
	return div_u64(ns, 1000000000u / USER_HZ);
}

static void show_cpu_line(struct seq_file *m, const char *name, const struct kernel_cpustat *k)
{
	const u64 *c = k->cpustat;

	/* user nice system idle iowait irq softirq steal guest guest_nice */
	seq_printf(m, "%s %llu %llu %llu %llu %llu %llu %llu 0 0 0\n", name,
		   nsec_to_clock_t(c[CPUTIME_USER]), nsec_to_clock_t(c[CPUTIME_NICE]),
		   nsec_to_clock_t(c[CPUTIME_SYSTEM]), nsec_to_clock_t(c[CPUTIME_IDLE]),
		   nsec_to_clock_t(c[CPUTIME_IOWAIT]), nsec_to_clock_t(c[CPUTIME_IRQ]),
		   nsec_to_clock_t(c[CPUTIME_SOFTIRQ]));
}

int show_stat(struct seq_file *m)
{
	struct kernel_cpustat per[NR_CPUS], sum = { { 0 } };
	u64 switches = 0;
	unsigned int running = 0;
	char name[8];
	int cpu;

	for_each_online_cpu(cpu) {
		kcpustat_cpu_fetch(&per[cpu], cpu);
		for (int i = 0; i < NR_STATS; i++)
			sum.cpustat[i] += per[cpu].cpustat[i];
		switches += READ_ONCE(cpu_rq(cpu)->nr_switches);
		running += READ_ONCE(cpu_rq(cpu)->nr_running);
	}
	show_cpu_line(m, "cpu ", &sum);
	for_each_online_cpu(cpu) {
		snprintf(name, sizeof(name), "cpu%d", cpu);
		show_cpu_line(m, name, &per[cpu]);
	}
	seq_printf(m, "ctxt %llu\n", switches);
	seq_printf(m, "procs_running %u\n", running);
	return 0;
}
