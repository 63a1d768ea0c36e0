/* The PIT: its input clock and the channel-2 stopwatch used to calibrate the TSC. */
#ifndef _ASM_PIT_H
#define _ASM_PIT_H
#include <linux/types.h>

#define PIT_TICK_RATE 1193182u /* Hz */

/* A TSC calibration window on channel 2: its start's count (-1: none), the TSC
 * then, and how far apart the two TSC reads around that latch were. */
struct pit_window {
	int count;
	u64 tsc, gap;
};

void pit_window_begin(struct pit_window *w);
u64 pit_window_end(const struct pit_window *w, u16 ticks, u64 *error);
/* The TSC cycles in `ticks` PIT ticks, by channel 2; *error: how far off it may be. */
u64 pit_measure_tsc(u16 ticks, u64 *error);
/* Channel 0 at HZ on IRQ 0: the periodic tick. */
void pit_timer_init(void);
/* Channel 0 as a device: interrupts hz times a second on IRQ 0, or none. */
void pit_set_periodic(unsigned int hz);
void pit_stop(void);

#endif
