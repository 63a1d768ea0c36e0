/*
 * kmain: where boot/boot.asm hands over, in the higher half with paging on.
 * The order matters and is explained line by line; docs/boot.md walks it.
 */
#include <asm/desc.h>
#include <asm/irq.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/time.h>
#include <asm/traps.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/irqflags.h>
#include <linux/jump_label.h>
#include <linux/kallsyms.h>
#include <linux/kthread.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/cpumask.h>
#include <linux/smp.h>
#include <linux/serial.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/vga.h>
#include <linux/workqueue.h>
#include <janus/dump.h>
#include <janus/exec.h>
#include <janus/initrd.h>
#include <janus/multiboot.h>
#include <janus/qemu.h>
#include <janus/selftest.h>

extern const initcall_t __start_initcalls[], __stop_initcalls[];

enum system_states system_state = SYSTEM_BOOTING;

/* initcall_blacklist=a,b: initcalls not to run, by function name (Linux's
 * option), e.g. edu_driver_init to leave the edu device to a student's module. */
static char initcall_blacklist[256];

static int __init initcall_blacklist_setup(char *val)
{
	if (!val || strlen(val) >= sizeof(initcall_blacklist))
		return -EINVAL;
	strscpy(initcall_blacklist, val, sizeof(initcall_blacklist));
	return 0;
}
early_param("initcall_blacklist", initcall_blacklist_setup);

static bool initcall_blacklisted(initcall_t fn)
{
	unsigned long size, offset;
	const char *name = kallsyms_lookup((unsigned long)fn, &size, &offset);
	size_t len = name ? strlen(name) : 0;

	for (const char *p = initcall_blacklist; len && *p;) {
		size_t n = strcspn(p, ",");

		if (n == len && !strncmp(p, name, len)) {
			pr_info("initcall %s blacklisted\n", name);
			return true;
		}
		p += n + (p[n] == ',');
	}
	return false;
}

/* initcall_debug: time each initcall and log it as Linux does, at KERN_DEBUG
 * ("calling" before, "initcall ... returned R after N usecs" after; dmesg has
 * them, the console too with loglevel=8 or ignore_loglevel), to see where a
 * boot spends its time. */
static bool initcall_debug;

static int __init initcall_debug_setup(char *val)
{
	if (val)
		return -EINVAL;
	initcall_debug = true;
	return 0;
}
early_param("initcall_debug", initcall_debug_setup);

static int __init do_one_initcall(initcall_t fn)
{
	u64 start;
	int ret;

	if (!initcall_debug)
		return fn();
	printk(KERN_DEBUG "calling  %pS @ %d\n", fn, current->pid);
	start = local_clock();
	ret = fn();
	printk(KERN_DEBUG "initcall %pS returned %d after %llu usecs\n", fn, ret,
		div_u64(local_clock() - start, 1000));
	return ret;
}

/**
 * do_initcalls() - Run every initcall (core_initcall() and friends), in link order.
 *
 * A failing initcall is reported and the boot goes on; one named by
 * initcall_blacklist= is skipped; with initcall_debug each is timed.
 *
 * Context: boot, process context; may sleep (initcalls may).
 */
void __init do_initcalls(void)
{
	for (const initcall_t *fn = __start_initcalls; fn < __stop_initcalls; fn++) {
		if (initcall_blacklist[0] && initcall_blacklisted(*fn))
			continue;
		int ret = do_one_initcall(*fn);
		if (ret)
			pr_warn("initcall %ps returned %d\n", *fn, ret);
	}
}

static __noreturn void stop_bad_loader(u32 magic)
{
	static const char hex[] = "0123456789abcdef";
	char msg[] = "Janus: not started by a Multiboot loader (magic 0x00000000, want 0x2badb002); stopping.\n";
	char *digits = strstr(msg, "0x") + 2;

	for (int i = 0; i < 8; i++)
		digits[i] = hex[(magic >> (28 - 4 * i)) & 0xf];
	serial_puts(msg);
	for (;;)
		halt();
}

static char init_path[PATH_MAX] = "/bin/init";

/* init=PATH: the first user program (Linux's option). Checked when it runs. */
static int __init init_setup(char *val)
{
	if (!val || val[0] != '/' || strlen(val) >= sizeof(init_path))
		return -EINVAL;
	strscpy(init_path, val, sizeof(init_path));
	return 0;
}
early_param("init", init_setup);

/* pid 1 becomes the first user process, /bin/init from the initrd (or what
 * init= says, falling back to /bin/init), as Linux's init does; without one
 * it stays a kernel thread and sleeps. */
static void run_init_process(void)
{
	static struct program_args args = { .argc = 1 };
	int err;

	args.argv[0] = init_path;
	err = kernel_execve(init_path, &args);
	if (strcmp(init_path, "/bin/init")) {
		pr_err("Janus: init=%s: cannot run it (%d); trying /bin/init\n", init_path, err);
		args.argv[0] = "/bin/init";
		err = kernel_execve(args.argv[0], &args);
	}
	pr_err("Janus: cannot run /bin/init (%d); init sleeps.\n", err);
	for (;;) /* pid 1 never exits: do_exit would panic */
		schedule_timeout_interruptible(MAX_SCHEDULE_TIMEOUT);
}

/*
 * pid 1: the rest of the boot runs here, in process context, so it may sleep:
 * the other CPUs, built-in drivers, then the self-tests or benchmarks the
 * command line asked for, or else /bin/init in user mode.
 */
static int __ref kernel_init(void *unused)
{
	int result, cpu;

	(void)unused;
	system_state = SYSTEM_RUNNING;
	smp_init();
	set_cpus_allowed(current, CPU_BITS_ALL); /* init was born on the boot CPU's idle task, pinned */
	for_each_online_cpu(cpu)
		spawn_ksoftirqd(cpu);
	workqueue_init();
	initrd_init();
	do_initcalls();
	free_initmem(); /* the boot is over: __init code and data go */
	result = run_boot_tests();
	print_boot_dumps();
	if (result >= 0)
		qemu_exit(result);
	run_init_process();
	__builtin_unreachable();
}

/**
 * kmain() - The C entry point of the boot CPU: bring up every subsystem, then become the idle task.
 * @magic:    the Multiboot magic the loader left in EAX (0x2badb002)
 * @mbi_phys: the physical address of the Multiboot information
 *
 * A loader that is not Multiboot gets a message on the serial port and a halt.
 *
 * Context: boot, from boot.asm, interrupts off; never returns.
 */
void __ref kmain(u32 magic, u32 mbi_phys)
{
	/* %fs must point at this CPU's data before anything touches a per-CPU
	 * variable (spinlocks do, through preempt_count). */
	setup_per_cpu_areas();
	cpu_init_gdt(0);
	/* A console next, so that every later failure can be seen. */
	serial_init();
	if (magic != MULTIBOOT_BOOTLOADER_MAGIC)
		stop_bad_loader(magic);
	vga_init();

	setup_arch(magic, mbi_phys);
	pr_info("Janus: i386, loaded by %s\n",
		boot_params.loader[0] ? boot_params.loader : "a Multiboot loader");
	pr_info("Command line: %s\n", boot_command_line);
	if (boot_command_line_full_length > strlen(boot_command_line))
		pr_err("Command line too long: %zu characters, the kernel keeps %d; ignored from "
		       "\"%s...\"\n", boot_command_line_full_length, COMMAND_LINE_SIZE - 1,
		       boot_command_line_ignored);
	memblock_dump();
	mem_init();
	kmalloc_init();
	jump_label_init(); /* every static branch site is as its key says */
	/* The interrupt path: IDT and exceptions, IRQ stacks and controllers.
	 * Then the scheduler and timers, and the tick that drives both.
	 * Interrupts go on only once all of it is in place. */
	trap_init();
	init_IRQ();
	sched_init();
	init_timers();
	tasklet_init_softirqs();
	time_init();
	local_irq_enable();
	system_state = SYSTEM_SCHEDULING;

	/* From here on this flow is CPU 0's idle task; init carries on the boot. */
	if (IS_ERR(kthread_run(kernel_init, NULL, "init")))
		panic("cannot create init");
	cpu_idle();
}
