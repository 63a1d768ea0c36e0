/*
 * Bringing up the secondary CPUs (APs), one after the other, from init
 * (process context), for each CPU the MADT lists besides the boot CPU:
 *   1. prepare_cpu: everything the AP needs before its first instruction of
 *      C: its per-CPU area (and so its GDT and TSS), double-fault TSS,
 *      hardirq and softirq stacks, idle task, runqueue, timer wheel, tasklets;
 *   2. wake_ap: the Intel MP protocol, INIT then STARTUP twice, with the page
 *      of the real-mode trampoline (trampoline.asm), which enables paging and
 *      jumps to start_secondary() below on the idle task's stack;
 *   3. start_secondary: the AP loads its GDT (now %fs reaches its per-CPU
 *      data), the IDT, enables its local APIC, marks itself online and
 *      starts its tick, then becomes its idle task.
 * The trampoline turns paging on with a copy of the kernel's page directory
 * that also maps the trampoline's page at its physical address (for the
 * instruction after the switch); start_secondary loads swapper_pg_dir, as
 * Linux's 32-bit start_secondary switches away from its initial page table.
 * swapper_pg_dir never maps that page, so no CPU has a translation to flush.
 * `nosmp` keeps Janus on the boot CPU; `maxcpus=N` brings up at most N CPUs,
 * and `maxcpus=0`, as in Linux, none but the boot CPU (like nosmp).
 */
#include <asm/apic.h>
#include <asm/acpi.h>
#include <asm/desc.h>
#include <asm/idt.h>
#include <asm/irq.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include <asm/traps.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/timer.h>

struct trampoline_params {
	u32 cr3, stack, cpu;
};

extern const char trampoline_start[], trampoline_end[], trampoline_params[];

unsigned int setup_max_cpus = NR_CPUS;
unsigned int smp_boot_failures;

static int __init nosmp_setup(char *val)
{
	if (val)
		return -EINVAL;
	setup_max_cpus = 1;
	return 0;
}
early_param("nosmp", nosmp_setup);

static int __init maxcpus_setup(char *val)
{
	unsigned int n;

	if (!val || kstrtouint(val, 10, &n))
		return -EINVAL;
	setup_max_cpus = clamp(n, 1u, (unsigned int)NR_CPUS); /* 0: no secondary CPUs */
	return 0;
}
early_param("maxcpus", maxcpus_setup);

static bool __init prepare_cpu(int cpu)
{
	size_t size = percpu_area_size();
	unsigned long area = __get_free_pages(GFP_KERNEL, get_order(size));
	struct task_struct *idle;

	if (!area)
		return false;
	percpu_install_area(cpu, (void *)area);
	idle = fork_idle(cpu);
	if (!idle)
		return false;
	per_cpu(current_task, cpu) = idle;
	cpu_init_doublefault(cpu);
	irq_stacks_init(cpu);
	sched_init_cpu(cpu, idle);
	init_timers_cpu(cpu);
	tasklet_init_cpu(cpu);
	return true;
}

/* The wait after INIT, in us: cpu_init_udelay=US (Linux's option), else
 * init_udelay_default(). */
static unsigned int init_udelay = UINT_MAX;

static int __init cpu_init_udelay_setup(char *val)
{
	if (!val || kstrtouint(val, 10, &init_udelay))
		return -EINVAL;
	return 0;
}
early_param("cpu_init_udelay", cpu_init_udelay_setup);

/* The MP specification's 10 ms after INIT is for the external 82489DX APIC
 * and the first integrated ones; from the P6 family on (family 6 and up,
 * which is every CPU QEMU emulates) the APs need no wait, as Linux decided
 * in smp_quirk_init_udelay(). */
static unsigned int __init init_udelay_default(void)
{
	u32 a, b, c, d, family;

	cpuid(1, &a, &b, &c, &d);
	family = (a >> 8) & 0xf;
	return family >= 6 ? 0 : 10000;
}

/* INIT, the wait above, STARTUP, 200 us, STARTUP; then up to 5 s for the AP to say it is online. */
static bool __init wake_ap(int cpu)
{
	u8 apic_id = cpu_to_apic_id[cpu];
	u64 deadline;

	if (init_udelay == UINT_MAX)
		init_udelay = init_udelay_default();
	apic_send_init(apic_id);
	udelay(init_udelay);
	for (int i = 0; i < 2 && !cpu_online(cpu); i++) {
		apic_send_startup(apic_id, TRAMPOLINE_PHYS >> PAGE_SHIFT);
		udelay(200);
	}
	deadline = get_jiffies_64() + 5 * HZ;
	while (!cpu_online(cpu) && time_before64(get_jiffies_64(), deadline))
		udelay(10);
	return cpu_online(cpu);
}

/* A copy of swapper_pg_dir taken now (after prepare_cpu's allocations, so
 * the AP's stack is mapped in it) plus the trampoline's page at its physical
 * address: the page directory the AP starts with. NULL without memory. */
static pgd_t *__init trampoline_pg_dir(void)
{
	pgd_t *pgd = (pgd_t *)__get_free_page(GFP_KERNEL);

	if (pgd) {
		memcpy(pgd, swapper_pg_dir, PAGE_SIZE);
		pgd[pgd_index(TRAMPOLINE_PHYS)] =
			swapper_pg_dir[pgd_index(PAGE_OFFSET + TRAMPOLINE_PHYS)];
	}
	return pgd;
}

static void __init boot_cpu(int cpu)
{
	struct trampoline_params *params =
		__va(TRAMPOLINE_PHYS + (trampoline_params - trampoline_start));
	pgd_t *pgd;

	if (!prepare_cpu(cpu) || !(pgd = trampoline_pg_dir())) {
		pr_err("CPU%d: no memory to bring it up\n", cpu);
		smp_boot_failures++;
		return;
	}
	params->cr3 = __pa(pgd);
	params->stack = (u32)per_cpu(current_task, cpu)->stack + THREAD_SIZE;
	params->cpu = cpu;
	if (!wake_ap(cpu)) {
		/* It may still start later: its page directory stays. */
		pr_err("CPU%d (APIC id %u) did not come up\n", cpu, cpu_to_apic_id[cpu]);
		smp_boot_failures++;
		return;
	}
	free_page((unsigned long)pgd); /* online: start_secondary has left it */
}

/**
 * start_secondary() - The C entry of a secondary CPU: set it up, bring it online, idle.
 * @cpu: the CPU number, passed by the trampoline
 *
 * Context: a secondary CPU's first code, on its idle task's stack,
 * interrupts off; never returns.
 */
void __noreturn start_secondary(int cpu)
{
	write_cr3(__pa(swapper_pg_dir)); /* off the trampoline's page directory, TLB flushed */
	cpu_init_gdt(cpu); /* from here on, %fs is this CPU's: current, preempt_count */
	load_idt();
	lapic_setup_cpu();
	pr_info("CPU%d: APIC id %u, online\n", cpu, lapic_id());
	set_cpu_online(cpu, true);
	lapic_timer_start();
	local_irq_enable();
	cpu_idle();
}

/* The APs of the MADT, in its order, after the boot CPU's own entry. */
static void __init boot_secondaries(void)
{
	int cpu = 1;

	for (unsigned int i = 0; i < acpi_madt.nr_cpus && (unsigned int)cpu < setup_max_cpus; i++) {
		if (acpi_madt.apic_ids[i] == cpu_to_apic_id[0])
			continue;
		cpu_to_apic_id[cpu] = acpi_madt.apic_ids[i];
		boot_cpu(cpu++);
	}
}

/**
 * smp_init() - Start the secondary CPUs listed in the ACPI MADT (up to maxcpus=).
 *
 * Copies the real-mode trampoline below 1 MiB, sends each CPU INIT and
 * STARTUP IPIs and waits up to 5 s for it to come online. A CPU that does
 * not come up is reported and counted; the boot goes on without it.
 *
 * Context: boot, process context on the boot CPU; may sleep (each CPU's
 * idle task and stacks are allocated with GFP_KERNEL and vmalloc()), and
 * spins while each CPU comes up.
 */
void __init smp_init(void)
{
	if (!apic_in_use || setup_max_cpus == 1 || acpi_madt.nr_cpus < 2) {
		pr_info("SMP: one CPU (%s)\n", !apic_in_use ? "no APIC" : setup_max_cpus == 1 ?
			"nosmp or maxcpus=0/1" : "the only one");
		return;
	}
	memcpy(__va(TRAMPOLINE_PHYS), trampoline_start, trampoline_end - trampoline_start);
	boot_secondaries();
	pr_info("SMP: %u of %u CPUs online\n", num_online_cpus(), acpi_madt.nr_cpus);
}
