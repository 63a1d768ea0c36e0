/* Waiting a while (kernel/time/timer.c): msleep and friends sleep (process
 * context only); udelay and mdelay spin. */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H
void msleep(unsigned int msecs);
/* Returns the milliseconds left if a signal ended the sleep early, else 0. */
unsigned long msleep_interruptible(unsigned int msecs);
/**
 * ssleep() - Sleep at least @seconds seconds (uninterruptibly).
 * @seconds: seconds
 *
 * Context: process context only; may sleep (see msleep()).
 */
static inline void ssleep(unsigned int seconds) { msleep(seconds * 1000); }
/* Busy-waiting, on the TSC (arch/x86/lib/delay.c). Any context; keep them short. */
void udelay(unsigned long usecs);
/**
 * mdelay() - Busy-wait at least @msecs milliseconds.
 * @msecs: milliseconds
 *
 * Context: any context; does not sleep, but keeps the CPU: never in a
 * handler for long (irq_warn_us reports a slow one). In process context,
 * msleep() lets others run.
 */
static inline void mdelay(unsigned long msecs) { udelay(msecs * 1000); }
#endif
