/*
 * The periodic tick: HZ times a second every CPU's timer interrupt (the PIT's
 * IRQ 0 in PIC mode, arch/x86/pit.c; each CPU's local APIC timer in APIC
 * mode, arch/x86/apic.c) calls update_process_times(): start due timers
 * (TIMER softirq) and count down the running task's time slice. The boot
 * CPU's tick also advances jiffies (tick_do_timer).
 *
 * A tick can be lost: under QEMU the host may not run a virtual CPU for a
 * few milliseconds, and the missed timer interrupts are not all delivered
 * later. So tick_do_timer asks the clock (the TSC) whether whole ticks went
 * by unseen, and counts them too: jiffies never falls more than a tick
 * behind real time, and in a quiet machine each tick is exactly one jiffy.
 */
#include <asm/irq.h>
#include <asm/ptrace.h>
#include <linux/kernel_stat.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/nmi.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/tick.h>
#include <linux/timer.h>
#include <janus/log.h>


static u64 next_tick_ns; /* when the next jiffy is due, by the clock */

/**
 * tick_init() - Start counting ticks against the clock: the first jiffy is due one tick from now.
 *
 * Context: boot, before the timer interrupt is enabled.
 */
void tick_init(void)
{
	next_tick_ns = sched_clock() + TICK_NSEC;
}

/**
 * tick_do_timer() - Advance jiffies for this tick, and for any ticks lost before it.
 *
 * Asks sched_clock() whether whole ticks went by unseen (a vCPU the host
 * did not run) and counts them too, so jiffies never falls more than a tick
 * behind real time; and a tick that comes a whole tick early (one the host
 * held back and now delivers in a burst, already counted) is not counted
 * again, so jiffies does not run ahead of it either. Then wakes readers
 * of the kernel log that new records wait for (printk_tick()).
 *
 * Context: the boot CPU's timer interrupt (hardirq); does not sleep.
 */
void tick_do_timer(void)
{
	u64 now = sched_clock();
	unsigned long ticks = 1;

	if (now + TICK_NSEC <= next_tick_ns)
		return;
	if (now >= next_tick_ns + TICK_NSEC) /* a whole tick late: some were lost */
		ticks += div_u64(now - next_tick_ns, TICK_NSEC);
	next_tick_ns += (u64)ticks * TICK_NSEC;
	do_timer(ticks);
	printk_tick(); /* dmesg -w: printk wakes nobody itself */
}

/**
 * update_process_times() - This CPU's per-tick work: raise TIMER_SOFTIRQ if timers are due, count down the slice.
 *
 * Context: every CPU's timer interrupt (hardirq); does not sleep.
 */
void update_process_times(void)
{
	struct pt_regs *regs = get_irq_regs();

	account_process_tick(current, regs && user_mode(regs));
	run_local_timers();
	scheduler_tick();
	watchdog_tick();
}

/**
 * tick_periodic() - The whole tick of the CPU that keeps jiffies: tick_do_timer(), then update_process_times().
 *
 * Context: the boot CPU's timer interrupt (hardirq); does not sleep.
 */
void tick_periodic(void)
{
	tick_do_timer();
	update_process_times();
}
