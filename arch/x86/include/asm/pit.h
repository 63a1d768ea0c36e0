/* The PIT: its input clock and the channel-2 stopwatch used to calibrate the TSC. */
#ifndef _ASM_PIT_H
#define _ASM_PIT_H
#include <linux/types.h>

#define PIT_TICK_RATE 1193182u /* Hz */

/* The TSC cycles in `ticks` PIT ticks, by channel 2; *error: how far off it may be. */
u64 pit_measure_tsc(u16 ticks, u64 *error);
/* Channel 0 at HZ on IRQ 0: the periodic tick. */
void pit_timer_init(void);
/* Channel 0 as a device: interrupts hz times a second on IRQ 0, or none. */
void pit_set_periodic(unsigned int hz);
void pit_stop(void);

#endif
