/*
 * dump=interrupts,stacks,tasks,softirqs on the command line: listings printed at the end of
 * boot (after the self-tests, if any), for students reading a boot log.
 */
#include <asm/irq.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <janus/dump.h>

static void show_tasks_log(void)
{
	seq_print_to_log(show_tasks);
}

static void show_softirqs_log(void)
{
	seq_print_to_log(show_softirqs);
}

static const struct {
	const char *name;
	void (*show)(void);
} dumps[] = {
	{ "interrupts", show_interrupts_log },
	{ "stacks", show_irq_stacks },
	{ "tasks", show_tasks_log },
	{ "softirqs", show_softirqs_log },
};

static u32 requested; /* bit i: dumps[i] */

static int __init dump_setup(char *val)
{
	char buf[128], *rest = buf, *name;
	u32 want = 0;

	if (!val || strscpy(buf, val, sizeof(buf)) < 0)
		return -EINVAL;
	while ((name = strsep(&rest, ","))) {
		unsigned int i;
		for (i = 0; i < ARRAY_SIZE(dumps) && strcmp(dumps[i].name, name); i++)
			;
		if (i == ARRAY_SIZE(dumps))
			return -EINVAL;
		want |= 1u << i;
	}
	requested = want;
	return 0;
}
early_param("dump", dump_setup);

/**
 * print_boot_dumps() - Print the listings named by dump= on the command line.
 *
 * Context: end of boot, process context (init); may sleep (the listings
 * allocate their buffers with GFP_KERNEL).
 */
void print_boot_dumps(void)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(dumps); i++) {
		if (requested & (1u << i)) {
			pr_info("dump=%s:\n", dumps[i].name);
			dumps[i].show();
		}
	}
}
