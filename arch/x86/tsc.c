/*
 * The TSC as Janus's clock: calibrated against the PIT at boot, then turned
 * into nanoseconds with a multiply and a shift (no division on the hot path).
 */
#include <asm/pit.h>
#include <asm/tsc.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/sched/clock.h>

#define CAL_TICKS 11932 /* 10 ms of PIT ticks */
#define CAL_ROUNDS 5
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
 * tsc_cycles_to_ns() - Convert TSC cycles to nanoseconds (a multiply and a shift).
 * @cycles: a difference of two TSC readings
 *
 * Context: any context; does not sleep.
 * Return: the nanoseconds (0 before tsc_calibrate()).
 */
u64 tsc_cycles_to_ns(u64 cycles)
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
	return tsc_cycles_to_ns(rdtsc() - tsc_at_boot);
}

/**
 * tsc_calibrate() - Measure the TSC's rate against the PIT: the best of a few 10 ms windows.
 *
 * The best window is the one whose ends are known most exactly: under an
 * emulator on a busy host, the virtual CPU may be paused at either end of a
 * window, which stretches or shrinks it by milliseconds. An implausible
 * result (below 1 MHz) is reported and 1 GHz assumed.
 *
 * Context: early boot, interrupts off.
 */
void __init tsc_calibrate(void)
{
	u64 best = 0, best_error = ~0ull;

	tsc_at_boot = rdtsc();
	for (int i = 0; i < CAL_ROUNDS; i++) {
		u64 error, cycles = pit_measure_tsc(CAL_TICKS, &error);

		if (error < best_error)
			best = cycles, best_error = error;
	}
	tsc_khz = div_u64(best * PIT_TICK_RATE, CAL_TICKS * 1000u);
	if (tsc_khz < 1000) {
		pr_warn("tsc: implausible %u kHz, assuming 1 GHz\n", tsc_khz);
		tsc_khz = 1000000;
	}
	ns_mult = div_u64((1000000ull << NS_SHIFT), tsc_khz);
	pr_info("tsc: %u.%03u MHz, calibrated against the PIT\n", tsc_khz / 1000, tsc_khz % 1000);
}
