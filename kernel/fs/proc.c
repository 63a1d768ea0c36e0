/*
 * /proc's listings: read-only files, each the same show() function that
 * dump= prints at boot (seed 004's /proc/interrupts), made with
 * proc_create_single_data() as a driver makes its own (proc_generic.c).
 * The first read renders the listing into a buffer that grows until it
 * fits (seq_read); reads hand it out from the file position; release frees
 * it. So a reader sees one consistent snapshot however small its reads.
 */
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/kernel_stat.h>
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/seq_file.h>

typedef int (*listing_fn)(struct seq_file *m);

/* seq_file's show, for a listing that takes the seq_file alone. */
static int listing_show(struct seq_file *m, void *v)
{
	(void)v;
	return ((listing_fn)m->private)(m);
}

static int __init proc_listings_init(void)
{
	static const struct {
		const char *name;
		listing_fn show;
	} listings[] = {
		{ "interrupts", show_interrupts }, { "softirqs", show_softirqs },
		{ "tasks", show_tasks },           { "modules", show_modules },
		{ "stat", show_stat },
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(listings); i++)
		if (!proc_create_single_data(listings[i].name, 0444, NULL, listing_show,
					     (void *)listings[i].show))
			pr_err("proc: cannot create /proc/%s\n", listings[i].name);
	return 0;
}
core_initcall(proc_listings_init);
