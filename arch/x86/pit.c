/*
 * The 8253/8254 programmable interval timer. Channel 0 interrupts on IRQ 0,
 * HZ times a second: the tick in PIC mode. (In APIC mode the local APIC
 * timers tick, and channel 0 is a plain device on IRQ 0 that the ioapic
 * self-test uses.) Channel 2 (gated through port 0x61, no interrupt)
 * measures a known interval, to calibrate the TSC and the LAPIC timer.
 */
#include <asm/io.h>
#include <asm/pit.h>
#include <asm/tsc.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/tick.h>

#define PIT_CH0 0x40
#define PIT_CH2 0x42
#define PIT_MODE 0x43
#define PORT_B 0x61 /* bit 0: channel 2 gate, bit 1: speaker, bit 5: channel 2 output */
#define CAL_WINDOW 4773 /* PIT ticks between the ends of a calibration window: 4 ms */
#define CAL_EDGE 120	 /* PIT ticks (0.1 ms, 30-50 latches) at each end; the tightest counts */

/* Latches channel 2's count and status (the read-back command). The TSC read
 * just before and just after the latch bound the moment it was taken: *tsc is
 * their middle, *gap their distance. Returns the count, or -1 if the output
 * was already high: the count reached zero (and wrapped). */
static int latch_count(u64 *tsc, u64 *gap)
{
	u64 before = rdtsc(), after;
	u8 status, lo, hi;

	outb(0xc8, PIT_MODE); /* read-back: latch count and status of channel 2 */
	after = rdtsc();
	status = inb(PIT_CH2);
	lo = inb(PIT_CH2);
	hi = inb(PIT_CH2);
	*tsc = before + (after - before) / 2;
	*gap = after - before;
	return (status & 0x80) ? -1 : lo | hi << 8;
}

/* Of the latches taken until the count falls to `until`, the one whose moment is
 * known best (at least one is taken): its count, TSC and gap; -1 if the count
 * reached zero first. */
static int tightest_latch(int until, u64 *tsc, u64 *gap)
{
	int best = -1, count;

	*tsc = 0;
	*gap = ~0ull;
	do {
		u64 t, g;

		count = latch_count(&t, &g);
		if (count >= 0 && g < *gap)
			best = count, *tsc = t, *gap = g;
	} while (count > until);
	return count < 0 ? -1 : best;
}

/**
 * pit_window_begin() - Start a TSC calibration window on PIT channel 2.
 * @w: where the start is kept, for pit_window_end()
 *
 * Channel 2 counts down once from 0xffff (55 ms). Its count is latched again
 * and again for CAL_EDGE ticks, each latch between two TSC reads, and the
 * latch whose two reads are closest is kept. A virtual CPU paused by its
 * host between the two reads of a latch makes that latch useless but not the
 * window: the other latches still count. The caller may do other work before
 * pit_window_end(), as long as it keeps interrupts off and leaves the PIT alone.
 *
 * If the count ran out before a latch, the window is marked unusable
 * (count -1) and pit_window_end() says so.
 *
 * Context: boot, interrupts off; does not sleep.
 */
void pit_window_begin(struct pit_window *w)
{
	outb((inb(PORT_B) & ~0x02) | 0x01, PORT_B); /* gate on, speaker off */
	outb(0xb0, PIT_MODE); /* channel 2, lobyte/hibyte, mode 0: count down once */
	outb(0xff, PIT_CH2);
	outb(0xff, PIT_CH2); /* counting starts with the high byte */
	w->count = tightest_latch(0xffff - CAL_EDGE, &w->tsc, &w->gap);
}

/**
 * pit_window_end() - End a window once at least CAL_WINDOW (4 ms) ticks have passed: the TSC rate.
 * @w:     the window, from pit_window_begin()
 * @ticks: the interval to express the result in, in PIT ticks (PIT_TICK_RATE a second)
 * @error: set to how far off the result may be, in cycles
 *
 * Waits for the rest of the window if less has passed, then latches for
 * CAL_EDGE ticks more and keeps the tightest latch, as at the start. The
 * error is the sum of the two ends' gaps plus one PIT tick (a latched count
 * says which tick, not where in it), scaled like the result; a window the
 * host paused past the count's end has an error of ~0.
 *
 * The gaps are 0.1-0.3 us under TCG and a PIT tick is 0.84 us, so a 4 ms
 * window is known to 1/3000-1/4000 (tsc_calibrate() wants 1/2000, Linux's
 * 500 ppm), a longer one better; the window used to be 45 ms, then 10 ms.
 *
 * Context: boot, interrupts off; does not sleep.
 * Return: the TSC cycles in @ticks PIT ticks.
 */
u64 pit_window_end(const struct pit_window *w, u16 ticks, u64 *error)
{
	u64 tsc1, gap1, cycles;
	int c1, c;

	*error = ~0ull;
	if (w->count < 0)
		return 1;
	do
		c = latch_count(&tsc1, &gap1);
	while (c > w->count - CAL_WINDOW);
	c1 = c < 0 ? -1 : tightest_latch(max(c - CAL_EDGE, 0), &tsc1, &gap1);
	if (c1 < 0 || c1 >= w->count)
		return 1;
	cycles = tsc1 - w->tsc;
	*error = div_u64((w->gap + gap1 + div_u64(cycles, w->count - c1)) * ticks, w->count - c1);
	return div_u64(cycles * ticks, w->count - c1);
}

/**
 * pit_measure_tsc() - Measure the TSC cycles in @ticks PIT ticks, over a 4 ms window.
 * @ticks: the interval to express the result in, in PIT ticks (PIT_TICK_RATE a second)
 * @error: set to how far off the result may be, in cycles
 *
 * pit_window_begin() and pit_window_end() back to back.
 *
 * Context: boot or a test, interrupts off; does not sleep.
 * Return: the TSC cycles in @ticks PIT ticks.
 */
u64 pit_measure_tsc(u16 ticks, u64 *error)
{
	struct pit_window w;

	pit_window_begin(&w);
	return pit_window_end(&w, ticks, error);
}

static irqreturn_t timer_interrupt(int irq, void *dev_id)
{
	(void)irq;
	(void)dev_id;
	tick_periodic();
	return IRQ_HANDLED;
}

/**
 * pit_set_periodic() - Program PIT channel 0 to interrupt @hz times a second.
 * @hz: the rate
 *
 * Context: any context; does not sleep.
 */
void pit_set_periodic(unsigned int hz)
{
	u16 divisor = DIV_ROUND_UP(PIT_TICK_RATE - hz / 2, hz);

	outb(0x34, PIT_MODE); /* channel 0, lobyte/hibyte, mode 2 (rate generator) */
	outb(divisor & 0xff, PIT_CH0);
	outb(divisor >> 8, PIT_CH0);
}

/**
 * pit_stop() - Stop PIT channel 0: its output stays low, no more interrupts.
 *
 * Context: any context; does not sleep.
 */
void pit_stop(void)
{
	outb(0x30, PIT_MODE);
}

/**
 * pit_timer_init() - PIC mode: the PIT on IRQ 0 is the tick, HZ times a second.
 *
 * Context: boot, on the boot CPU; panics if IRQ 0 is taken.
 */
void pit_timer_init(void)
{
	pit_set_periodic(HZ);
	if (request_irq(0, timer_interrupt, IRQF_TIMER, "timer", NULL))
		panic("cannot get IRQ 0 for the timer");
}
