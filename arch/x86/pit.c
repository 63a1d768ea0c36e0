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

/**
 * pit_measure_tsc() - Count the TSC cycles while PIT channel 2 counts down.
 * @ticks: the interval, in PIT ticks (PIT_TICK_RATE a second)
 * @error: set to how far off the count may be: the cycles spent starting the
 *         channel and between the last two polls of its output. A virtual CPU
 *         that the host pauses there stretches them; one paused in between
 *         does no harm (both clocks run on).
 *
 * Context: boot, interrupts off; does not sleep.
 * Return: the TSC cycles from the channel's start to its terminal count.
 */
u64 pit_measure_tsc(u16 ticks, u64 *error)
{
	u64 before, start, prev, now;

	outb((inb(PORT_B) & ~0x02) | 0x01, PORT_B);
	outb(0xb0, PIT_MODE); /* channel 2, lobyte/hibyte, mode 0 (interrupt on terminal count) */
	outb(ticks & 0xff, PIT_CH2);
	before = rdtsc();
	outb(ticks >> 8, PIT_CH2); /* counting starts with the high byte */
	start = prev = rdtsc();
	for (;;) {
		now = rdtsc();
		if (inb(PORT_B) & 0x20)
			break;
		prev = now;
	}
	now = rdtsc();
	*error = (start - before) + (now - prev);
	return (now + prev) / 2 - (before + start) / 2;
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
