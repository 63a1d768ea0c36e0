/*
 * Lock-up detectors (kernel/watchdog.c, and the spinlock one in
 * kernel/locking/spinlock.c) and NMI backtraces (arch/x86/smp.c).
 *
 *   soft lockup      a CPU that has not passed through the scheduler for
 *                    2 * watchdog_thresh seconds although asked to: stuck in
 *                    kernel code with preemption off ("BUG: soft lockup -
 *                    CPU#1 stuck for 22s!")
 *   hard lockup      a CPU whose timer interrupt has not run for
 *                    watchdog_thresh seconds: stuck with interrupts off; its
 *                    buddy (the next CPU) notices and fetches its backtrace by NMI
 *   spinlock lockup  a CPU that has waited watchdog_thresh seconds for one
 *                    spinlock ("BUG: spinlock lockup suspected on CPU#0, lock
 *                    owner CPU#1"), with the owner's backtrace by NMI
 *
 * Command line: watchdog_thresh=N (seconds, default 10; 0 turns the three
 * off), softlockup_panic=1 (a soft or spinlock lock-up report panics),
 * hardlockup_panic=1.
 */
#ifndef _LINUX_NMI_H
#define _LINUX_NMI_H
#include <linux/compiler.h>
#include <linux/cpumask.h>
#include <linux/percpu.h>
#include <linux/types.h>

/**
 * trigger_single_cpu_backtrace() - Print where another CPU is, even with its interrupts off.
 * @cpu: the CPU (not the calling one)
 *
 * Context: any but NMI; never sleeps (busy-waits up to a second).
 * Return: true if @cpu answered the NMI.
 */
bool trigger_single_cpu_backtrace(int cpu);

/* The thresholds, in milliseconds (tests lower them for a moment). */
extern unsigned int softlockup_thresh_ms, hardlockup_thresh_ms, spinlock_lockup_ms;
extern bool softlockup_panic, hardlockup_panic;
/* The CPUs the detectors watch (all by default; tests narrow it for a moment). */
extern cpu_bits_t watchdog_cpumask;
/* Reports so far, for the tests. */
extern unsigned long softlockup_reports, hardlockup_reports, spinlock_lockup_reports;

/**
 * watchdog_tick() - The lock-up detectors' share of every tick.
 *
 * Context: hardirq (the timer interrupt of each CPU).
 */
void watchdog_tick(void);
/* The timer interrupts @cpu has taken: a clock that runs only while it runs. */
unsigned long watchdog_cpu_ticks(int cpu);
DECLARE_PER_CPU(unsigned long, hardlockup_reports_cpu);
/**
 * hardlockup_reports_on() - How many hard lock-up reports have named @cpu.
 * @cpu: a CPU
 *
 * Counted after the report is printed, so a test that waits for it to move
 * can look for the report in the log. Inline, so that a CPU spinning on it
 * with interrupts off is caught by the NMI in its own function: at the first
 * instruction of a called one, the backtrace misses the caller.
 *
 * Context: any context; does not sleep.
 * Return: the count (it only grows).
 */
static inline unsigned long hardlockup_reports_on(int cpu)
{
	return READ_ONCE(per_cpu(hardlockup_reports_cpu, cpu));
}
/**
 * watchdog_touch() - This CPU passed through the scheduler: it is not locked up.
 *
 * Context: __schedule(), interrupts off.
 */
void watchdog_touch(void);
/**
 * touch_softlockup_watchdog() - A long stretch with preemption off here is meant.
 *
 * Linux's name: code that knowingly keeps a CPU from scheduling for long
 * (a deliberate interrupt storm in a test) says so, and is not reported.
 *
 * Context: any.
 */
void touch_softlockup_watchdog(void);

#endif
