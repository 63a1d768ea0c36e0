/*
 * The kernel's clocks, whatever the CPU: sched_clock()/local_clock(), in
 * nanoseconds since boot, and for the hot paths that time every interrupt the
 * raw counter get_cycles() (cycles_t, inline from <asm/timex.h>) with
 * cycles_to_ns() to convert a difference once. On x86 both are the TSC
 * (arch/x86/tsc.c); code outside arch/ never reads it itself.
 */
#ifndef _LINUX_SCHED_CLOCK_H
#define _LINUX_SCHED_CLOCK_H
#include <asm/timex.h>
#include <linux/types.h>

u64 sched_clock(void);
#define local_clock() sched_clock()
u64 cycles_to_ns(cycles_t cycles);

#endif
