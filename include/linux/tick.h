/* The periodic tick (kernel/time/tick.c), called from the timer interrupt. Hardirq context. */
#ifndef _LINUX_TICK_H
#define _LINUX_TICK_H
/* The boot CPU's whole tick (PIC mode): jiffies, then update_process_times. */
void tick_periodic(void);
/* Advances jiffies by one tick, and by any the clock says were lost. */
void tick_do_timer(void);
/* Before the first tick: from now on, a tick is due every 1/HZ s. */
void tick_init(void);
/* Timers and time slices, on every CPU's tick. */
void update_process_times(void);
#endif
