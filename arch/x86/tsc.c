/*
 * The TSC as Janus's clock: calibrated against the PIT at boot, then turned
 * into nanoseconds with a multiply and a shift (no division on the hot path).
 */
#include <asm/pit.h>
#include <asm/tsc.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/sched/clock.h>

#define CAL_TICKS 11932 /* the unit of a measurement: cycles in 10 ms of PIT ticks */
#define CAL_ROUNDS_MAX 50 /* of 4 ms: 0.21 s at most, only on a host too busy for a clean window */
#define CAL_PRECISION 2000 /* a window is clean if its ends are known to 1/2000 (0.05%) */
#define NS_SHIFT 20 /* keeps ns_mult in 32 bits for any TSC above 250 kHz */

u32 tsc_khz;
static u32 ns_mult; /* ns = cycles * ns_mult >> NS_SHIFT */
static u64 tsc_at_boot;

/* (a * mul) >> shift without losing the top bits of a 96-bit product. */
static u64 mul_u64_u32_shr(u64 a, u32 mul, unsigned int shift)
{
	u64 lo = (u64)(u32)a * mul, hi = (a >> 32) * mul;
	return (lo >> shift) + (hi << (32 - shift));
}

/**
 * cycles_to_ns() - Convert a difference of two get_cycles() to nanoseconds.
 * @cycles: a difference of two readings of get_cycles() (the TSC) on one CPU
 *
 * A multiply and a shift, no division.
 *
 * Context: any context; does not sleep.
 * Return: the nanoseconds (0 before tsc_calibrate()).
 */
u64 cycles_to_ns(cycles_t cycles)
{
	return mul_u64_u32_shr(cycles, ns_mult, NS_SHIFT);
}

/**
 * sched_clock() - Nanoseconds since boot, by the TSC; also local_clock().
 *
 * Per CPU, not synchronised between CPUs beyond what the TSC gives.
 *
 * Context: any context; does not sleep.
 * Return: the nanoseconds since tsc_calibrate() started, 0 before it.
 */
u64 sched_clock(void)
{
	if (!ns_mult)
		return 0;
	return cycles_to_ns(rdtsc() - tsc_at_boot);
}

static struct pit_window first_window __initdata;

/**
 * tsc_calibrate_begin() - Start the calibration's first PIT window; tsc_calibrate() ends it.
 *
 * The boot goes on meanwhile with work that needs no clock (the memory map,
 * the traps, the interrupt controllers), so the window's 4 ms cost it
 * nothing. Until tsc_calibrate(), sched_clock() and printk's times read 0,
 * as Linux's do before its clock is ready, and udelay() cannot wait.
 *
 * Context: early boot, interrupts off; the PIT's channel 2 is the window's
 * until tsc_calibrate().
 */
void __init tsc_calibrate_begin(void)
{
	tsc_at_boot = rdtsc();
	pit_window_begin(&first_window);
}

/**
 * tsc_calibrate() - Measure the TSC's rate against the PIT, until a window is clean.
 *
 * Under an emulator on a busy host the virtual CPU may be paused at any
 * moment: a window whose end was found by polling the PIT's output was often
 * off by 10-40% (seen: 1149 to 5037 MHz for a 2096 MHz TSC, and every clock
 * and timeout of the boot off by as much). pit_measure_tsc() instead latches
 * the PIT's count many times at each end of a 4 ms window, each latch between
 * two TSC reads, and keeps the tightest. The first window is the one
 * tsc_calibrate_begin() started, usually long over by now. Windows are
 * measured until one's ends are known to 1/CAL_PRECISION, at most
 * CAL_ROUNDS_MAX; failing that, the most exact one is used and the
 * uncertainty reported. An implausible result (below 1 MHz) is reported and
 * 1 GHz assumed.
 *
 * Context: early boot, interrupts off, after tsc_calibrate_begin().
 */
void __init tsc_calibrate(void)
{
	u64 best = 0, best_error = ~0ull;
	int rounds = 0;

	while (rounds < CAL_ROUNDS_MAX && best_error * CAL_PRECISION > best) {
		u64 error, cycles = rounds ? pit_measure_tsc(CAL_TICKS, &error)
					   : pit_window_end(&first_window, CAL_TICKS, &error);

		rounds++;
		if (error < best_error)
			best = cycles, best_error = error;
	}
	tsc_khz = div_u64(best * PIT_TICK_RATE, CAL_TICKS * 1000u);
	if (tsc_khz < 1000) {
		pr_warn("tsc: implausible %u kHz, assuming 1 GHz\n", tsc_khz);
		tsc_khz = 1000000;
	}
	ns_mult = div_u64((1000000ull << NS_SHIFT), tsc_khz);
	pr_info("tsc: %u.%03u MHz, calibrated against the PIT (%d window%s)\n", tsc_khz / 1000,
		tsc_khz % 1000, rounds, rounds == 1 ? "" : "s");
	if (best_error * CAL_PRECISION > best)
		pr_warn("tsc: no clean window in %d: the rate may be off by up to %llu ppm\n", rounds,
			div_u64(best_error * 1000000 / 2, best));
}
