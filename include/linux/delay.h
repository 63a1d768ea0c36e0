/* Waiting a while (kernel/time/timer.c): msleep and friends sleep (process
 * context only); udelay and mdelay spin. */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H
void msleep(unsigned int msecs);
/* Returns the milliseconds left if a signal ended the sleep early, else 0. */
unsigned long msleep_interruptible(unsigned int msecs);
static inline void ssleep(unsigned int seconds) { msleep(seconds * 1000); }
/* Busy-waiting, on the TSC (arch/x86/lib/delay.c). Any context; keep them short. */
void udelay(unsigned long usecs);
static inline void mdelay(unsigned long msecs) { udelay(msecs * 1000); }
#endif
