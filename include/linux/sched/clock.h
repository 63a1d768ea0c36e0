/* Nanoseconds since boot from the TSC (arch/x86/tsc.c); 0 until it is calibrated. Any context. */
#ifndef _LINUX_SCHED_CLOCK_H
#define _LINUX_SCHED_CLOCK_H
#include <linux/types.h>
u64 sched_clock(void);
#define local_clock() sched_clock()
#endif
