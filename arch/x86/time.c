/*
 * Which device ticks: with the APIC, every CPU's own LAPIC timer (calibrated
 * against the TSC, itself calibrated against the PIT, which then has nothing
 * more to do); else the PIT on IRQ 0.
 */
#include <asm/apic.h>
#include <asm/pit.h>
#include <asm/time.h>
#include <linux/init.h>
#include <linux/tick.h>

/**
 * time_init() - Start the tick: every CPU's local APIC timer with the APIC, else the PIT on IRQ 0.
 *
 * Context: boot, on the boot CPU, before interrupts are enabled.
 */
void __init time_init(void)
{
	tick_init();
	if (apic_in_use) {
		lapic_calibrate_timer();
		lapic_timer_start();
	} else {
		pit_timer_init();
	}
}
