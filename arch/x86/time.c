/*
 * Which device ticks: with the APIC, every CPU's own LAPIC timer (calibrated
 * against the TSC, itself calibrated against the PIT, which then has nothing
 * more to do); else the PIT on IRQ 0.
 */
#include <asm/apic.h>
#include <asm/pit.h>
#include <asm/time.h>
#include <asm/tsc.h>
#include <linux/init.h>
#include <linux/tick.h>

/**
 * time_init() - Finish the TSC's calibration, then start the tick: each CPU's LAPIC timer, or the PIT.
 *
 * Context: boot, on the boot CPU, before interrupts are enabled.
 */
void __init time_init(void)
{
	tsc_calibrate();
	tick_init();
	if (apic_in_use) {
		lapic_calibrate_timer();
		lapic_timer_start();
	} else {
		pit_timer_init();
	}
}
