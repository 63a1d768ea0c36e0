/*
 * The local APIC: each CPU's own interrupt controller. It takes interrupts
 * from the IO-APIC and from other CPUs (IPIs), wants an end-of-interrupt for
 * each, and has a timer, which is each CPU's tick when the APIC is in use
 * (calibrated against the TSC, which was calibrated against the PIT). The
 * spurious vector (0xff) gets no EOI; the error vector reads and counts the
 * error status register.
 *
 * apic_init decides the interrupt system at boot: the APIC if the MADT is
 * good and `noapic` is not given, else the 8259 PIC on one CPU.
 */
#include <asm/trace/irq_vectors.h>
#include <asm/acpi.h>
#include <asm/apic.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/irq_vectors.h>
#include <asm/msr.h>
#include <asm/pic.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include <asm/tsc.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/smp.h>
#include <linux/tick.h>
#include <linux/vmalloc.h>

#define APIC_ID 0x20
#define APIC_TPR 0x80
#define APIC_EOI 0xb0
#define APIC_SVR 0xf0
#define APIC_ISR 0x100 /* 8 registers, 0x10 apart: in-service bits */
#define APIC_ESR 0x280
#define APIC_ICR_LOW 0x300
#define APIC_ICR_HIGH 0x310
#define APIC_LVT_TIMER 0x320
#define APIC_LVT_LINT0 0x350
#define APIC_LVT_LINT1 0x360
#define APIC_LVT_ERROR 0x370
#define APIC_TIMER_INIT 0x380
#define APIC_TIMER_CURRENT 0x390
#define APIC_TIMER_DIV 0x3e0

#define SVR_ENABLE 0x100
#define LVT_MASKED (1u << 16)
#define TIMER_PERIODIC (1u << 17)
#define TIMER_DIV_16 0x3
#define ICR_BUSY (1u << 12)
#define ICR_NMI 0x400
#define ICR_INIT 0x500
#define ICR_STARTUP 0x600
#define ICR_ASSERT 0x4000

#define CAL_WINDOW_US 500 /* each of the timer calibration's three windows */

bool apic_in_use;
u8 cpu_to_apic_id[NR_CPUS];
DEFINE_PER_CPU(unsigned int, apic_errors);
static volatile u32 __iomem *lapic;
static unsigned long ticks_per_jiffy;
static bool noapic;

static int __init noapic_setup(char *val)
{
	if (val)
		return -EINVAL;
	noapic = true;
	return 0;
}
early_param("noapic", noapic_setup);

static u32 lapic_read(u32 reg) { return readl(lapic + reg / 4); }
static void lapic_write(u32 reg, u32 v) { writel(v, lapic + reg / 4); }

/**
 * apic_eoi() - Signal end of interrupt to this CPU's local APIC.
 *
 * Context: hardirq context, in the handler or flow of an APIC-delivered
 * interrupt, on the CPU that received it; does not sleep.
 */
void apic_eoi(void)
{
	lapic_write(APIC_EOI, 0);
}

/**
 * lapic_id() - This CPU's local APIC ID.
 *
 * Context: any context, with preemption disabled (the answer is per CPU);
 * does not sleep.
 * Return: the APIC ID.
 */
u8 lapic_id(void)
{
	return lapic_read(APIC_ID) >> 24;
}

/**
 * lapic_vector_in_service() - Whether @vector's in-service bit is set in this CPU's local APIC.
 * @vector: the vector
 *
 * Context: any context, preemption disabled; does not sleep.
 * Return: true if an interrupt on @vector is being serviced (not yet EOI'd).
 */
bool lapic_vector_in_service(u8 vector)
{
	return lapic_read(APIC_ISR + (vector / 32) * 0x10) & (1u << (vector % 32));
}

static void send_icr(u8 apic_id, u32 low)
{
	unsigned long flags;

	local_irq_save(flags);
	while (lapic_read(APIC_ICR_LOW) & ICR_BUSY)
		cpu_relax();
	lapic_write(APIC_ICR_HIGH, (u32)apic_id << 24);
	lapic_write(APIC_ICR_LOW, low);
	local_irq_restore(flags);
}

/**
 * apic_send_ipi() - Send an inter-processor interrupt on @vector to one CPU.
 * @apic_id: the target's local APIC ID
 * @vector:  the vector it will receive
 *
 * Context: any context; does not sleep (waits for the previous IPI to leave).
 */
void apic_send_ipi(u8 apic_id, u8 vector) { send_icr(apic_id, vector); }
/**
 * apic_send_ipi_nmi() - Send a non-maskable interrupt to one CPU.
 * @apic_id: the target's local APIC ID
 *
 * Reaches a CPU that has interrupts off (panic uses it to stop such a CPU).
 *
 * Context: any context; does not sleep.
 */
void apic_send_ipi_nmi(u8 apic_id) { send_icr(apic_id, ICR_NMI | ICR_ASSERT); }
/**
 * apic_send_init() - Send the INIT IPI that resets a CPU, first step of starting it.
 * @apic_id: the target's local APIC ID
 *
 * Context: boot, process context; does not sleep.
 */
void apic_send_init(u8 apic_id) { send_icr(apic_id, ICR_INIT | ICR_ASSERT); }
/**
 * apic_send_startup() - Send a STARTUP IPI: the CPU starts in real mode at @page * 4096.
 * @apic_id: the target's local APIC ID
 * @page:    the page number of the trampoline (below 1 MiB)
 *
 * Context: boot, process context; does not sleep.
 */
void apic_send_startup(u8 apic_id, u8 page) { send_icr(apic_id, ICR_STARTUP | page); }

/**
 * lapic_setup_cpu() - Enable this CPU's local APIC: LINT pins and timer masked, error and spurious vectors set.
 *
 * Context: boot, on the CPU being set up, interrupts off.
 */
void lapic_setup_cpu(void)
{
	wrmsr(MSR_IA32_APICBASE, (rdmsr(MSR_IA32_APICBASE) & ~0xfffull) |
				 (acpi_madt.lapic_base & PAGE_MASK) | MSR_IA32_APICBASE_ENABLE |
				 (rdmsr(MSR_IA32_APICBASE) & MSR_IA32_APICBASE_BSP));
	lapic_write(APIC_TPR, 0);                /* accept every priority */
	lapic_write(APIC_LVT_LINT0, LVT_MASKED); /* the 8259 is not wired through */
	lapic_write(APIC_LVT_LINT1, LVT_MASKED);
	lapic_write(APIC_LVT_TIMER, LVT_MASKED);
	lapic_write(APIC_LVT_ERROR, ERROR_APIC_VECTOR);
	lapic_write(APIC_ESR, 0);
	lapic_write(APIC_ESR, 0);
	lapic_write(APIC_SVR, SVR_ENABLE | SPURIOUS_APIC_VECTOR);
	apic_eoi();
}

/* The LAPIC timer's count, and the TSC when it was read: the midpoint of two
 * TSC reads around it, or 0 if they are more than 20 us apart (the host
 * paused this virtual CPU in between, and the pair says nothing). */
static u64 read_count_at(u32 *count)
{
	u64 before = rdtsc(), after;

	*count = lapic_read(APIC_TIMER_CURRENT);
	after = rdtsc();
	return after - before > tsc_khz / 50 ? 0 : before + (after - before) / 2;
}

/* LAPIC timer ticks (divided by 16) in CAL_WINDOW_US by the TSC. */
static u32 lapic_ticks_in_window(void)
{
	u64 window = div_u64((u64)tsc_khz * CAL_WINDOW_US, 1000), t0 = 0, t1 = 0;
	u32 c0 = 0, c1 = 0;

	lapic_write(APIC_TIMER_INIT, 0xffffffff);
	for (int tries = 0; tries < 10 && (!t0 || !t1); tries++) {
		t0 = read_count_at(&c0);
		while (rdtsc() - t0 < window)
			cpu_relax();
		t1 = read_count_at(&c1);
	}
	lapic_write(APIC_TIMER_INIT, 0);
	return t1 > t0 ? div_u64((u64)(c0 - c1) * window, t1 - t0) : c0 - c1;
}

/**
 * lapic_calibrate_timer() - Measure the local APIC timer's rate against the TSC, for a tick of HZ.
 *
 * The median of three 0.5 ms windows, so one disturbed window cannot skew
 * the tick; since the TSC itself was calibrated against the PIT, a jiffy by
 * the tick and by sched_clock() have the same length. Each end of a window
 * is a count read between two TSC reads (0.1-0.3 us apart under TCG): 0.5 ms
 * know the rate to about 1/1500, and the tick needs no better, as
 * tick_periodic() counts jiffies by sched_clock(). (10 ms windows took 30 of
 * the boot's milliseconds, 2 ms ones 6.)
 *
 * Context: boot, on the boot CPU, before the tick starts.
 */
void lapic_calibrate_timer(void)
{
	u32 a, b, c, elapsed;

	lapic_write(APIC_TIMER_DIV, TIMER_DIV_16);
	lapic_write(APIC_LVT_TIMER, LVT_MASKED | LOCAL_TIMER_VECTOR);
	a = lapic_ticks_in_window();
	b = lapic_ticks_in_window();
	c = lapic_ticks_in_window();
	elapsed = max(min(a, b), min(max(a, b), c));
	ticks_per_jiffy = div_u64((u64)elapsed * (1000000 / CAL_WINDOW_US), HZ);
	pr_info("APIC: timer %lu ticks per jiffy (bus %lu kHz), calibrated against the TSC\n",
		ticks_per_jiffy, (unsigned long)div_u64((u64)elapsed * 16 * 1000, CAL_WINDOW_US));
}

/**
 * lapic_timer_ticks_per_jiffy() - The local APIC timer count for one tick.
 *
 * Context: any context; does not sleep.
 * Return: the calibrated count (0 before lapic_calibrate_timer()).
 */
unsigned long lapic_timer_ticks_per_jiffy(void)
{
	return ticks_per_jiffy;
}

/**
 * lapic_timer_start() - Start this CPU's local APIC timer, periodic, HZ times a second.
 *
 * Context: boot, on each CPU, after lapic_calibrate_timer().
 */
void lapic_timer_start(void)
{
	lapic_write(APIC_TIMER_DIV, TIMER_DIV_16);
	lapic_write(APIC_LVT_TIMER, TIMER_PERIODIC | LOCAL_TIMER_VECTOR);
	lapic_write(APIC_TIMER_INIT, ticks_per_jiffy);
}

/**
 * lapic_timer_stop() - Stop this CPU's tick until lapic_timer_start().
 *
 * A CPU halted without its tick is what its buddy sees of a virtual CPU that
 * the host does not run: the lockup suite stops the tick of a halted CPU to
 * show that the hard lock-up detector leaves it alone.
 *
 * Context: this CPU, interrupts off, not the boot CPU (its tick keeps jiffies);
 * does not sleep.
 */
void lapic_timer_stop(void)
{
	lapic_write(APIC_LVT_TIMER, LVT_MASKED | LOCAL_TIMER_VECTOR);
	lapic_write(APIC_TIMER_INIT, 0);
}

/* Every CPU's tick; the boot CPU also keeps jiffies. */
static void lapic_timer_interrupt(struct pt_regs *regs)
{
	(void)regs;
	trace_local_timer_entry(LOCAL_TIMER_VECTOR);
	apic_eoi();
	if (!smp_processor_id())
		tick_do_timer();
	update_process_times();
	trace_local_timer_exit(LOCAL_TIMER_VECTOR);
}

/* A real spurious interrupt sets no in-service bit and must not get an EOI;
 * an interrupt someone sent on this vector did set it, and needs one. */
static void spurious_interrupt(struct pt_regs *regs)
{
	(void)regs;
	this_cpu_inc(irq_spurious_count);
	if (lapic_vector_in_service(SPURIOUS_APIC_VECTOR))
		apic_eoi();
}

static void error_interrupt(struct pt_regs *regs)
{
	u32 esr;

	(void)regs;
	lapic_write(APIC_ESR, 0);
	esr = lapic_read(APIC_ESR);
	this_cpu_inc(apic_errors);
	pr_warn("APIC error on CPU%d: ESR %#x\n", smp_processor_id(), esr);
	apic_eoi();
}

/**
 * apic_init() - Choose between the local APIC and the 8259, and set up the boot CPU's APIC.
 *
 * Needs a valid ACPI MADT, a CPU with an APIC, and no `noapic` on the
 * command line; then maps the local APIC, registers the timer, error,
 * spurious and IPI vectors.
 *
 * Context: boot, on the boot CPU, interrupts off.
 * Return: true if the APIC is in use, false for the 8259 PIC (one CPU).
 */
bool __init apic_init(void)
{
	u32 a, b, c, d;

	acpi_init();
	cpuid(1, &a, &b, &c, &d);
	if (noapic || !acpi_madt.valid || !(d & X86_FEATURE_APIC)) {
		pr_info("APIC: %s: using the 8259 PIC, one CPU\n",
			noapic ? "noapic given" : "not usable");
		return false;
	}
	lapic = ioremap(acpi_madt.lapic_base, PAGE_SIZE);
	if (!lapic)
		return false;
	lapic_setup_cpu();
	cpu_to_apic_id[0] = lapic_id();
	request_vector(LOCAL_TIMER_VECTOR, lapic_timer_interrupt, "LOC");
	request_vector(ERROR_APIC_VECTOR, error_interrupt, NULL);
	request_vector(SPURIOUS_APIC_VECTOR, spurious_interrupt, NULL);
	smp_ipi_init();
	apic_in_use = true;
	pr_info("APIC: local APIC %u at %#lx\n", cpu_to_apic_id[0], acpi_madt.lapic_base);
	return true;
}
