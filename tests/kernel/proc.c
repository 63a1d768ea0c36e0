/*
 * KTAP suite `proc`: /proc entries removed while their files are open
 * (kernel/fs/proc_generic.c). proc_remove() of a file a reader is inside
 * waits until the read has returned; the entry leaves the tree at once;
 * later calls on a file still open get -EIO; release still runs at close,
 * and the entry's memory goes with the last file. The kernel's own files
 * (listings and the tracer's) are entries of the same tree.
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/err.h>
#include <linux/kthread.h>
#include <linux/proc_fs.h>
#include <linux/slab.h>
#include <janus/vfs.h>
#include <uapi/linux/fcntl.h>
#include "helpers.h"

static DECLARE_COMPLETION(read_entered);
static DECLARE_COMPLETION(read_may_return);
static bool read_left;        /* set by the read just before it returns */
static unsigned int releases; /* calls of probe_release */

/* A read that waits, inside the entry's code, until the test lets it go. */
static ssize_t probe_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	(void)file;
	(void)buf;
	(void)ppos;
	complete(&read_entered);
	wait_for_completion(&read_may_return);
	WRITE_ONCE(read_left, true);
	return count;
}

static ssize_t probe_write(struct file *file, const char __user *buf, size_t count,
			   loff_t *ppos)
{
	(void)file;
	(void)buf;
	(void)ppos;
	return count;
}

static int probe_release(struct inode *inode, struct file *file)
{
	(void)inode;
	(void)file;
	releases++;
	return 0;
}

static const struct proc_ops probe_ops = {
	.proc_read = probe_read,
	.proc_write = probe_write,
	.proc_release = probe_release,
};

static void setup_probe(void)
{
	reinit_completion(&read_entered);
	reinit_completion(&read_may_return);
	read_left = false;
	releases = 0;
}

static bool proc_present(const char *path)
{
	struct inode *inode = proc_lookup(path);

	if (inode)
		proc_put(inode);
	return inode != NULL;
}

struct reader {
	struct file *file;
	ssize_t ret;
	struct completion done;
};

static int reader_thread(void *data)
{
	struct reader *r = data;
	loff_t pos = 0;

	r->ret = r->file->f_op->read(r->file, NULL, 7, &pos);
	complete(&r->done);
	sleep_until_kthread_stop();
	return 0;
}

struct remover {
	struct proc_dir_entry *de;
	bool saw_read_left; /* read_left when proc_remove() returned */
	struct completion done;
};

static int remover_thread(void *data)
{
	struct remover *rm = data;

	proc_remove(rm->de);
	rm->saw_read_left = READ_ONCE(read_left);
	complete(&rm->done);
	sleep_until_kthread_stop();
	return 0;
}

static void removal_waits_for_a_read_in_flight(struct kunit *test)
{
	struct reader r = { .ret = 0 };
	struct remover rm = { .saw_read_left = false };
	struct task_struct *reader, *remover;

	setup_probe();
	init_completion(&r.done);
	init_completion(&rm.done);
	rm.de = proc_create("proc_probe", 0644, NULL, &probe_ops);
	KUNIT_ASSERT_NOT_NULL(test, rm.de);
	r.file = filp_open("/proc/proc_probe", O_RDONLY);
	KUNIT_ASSERT_FALSE(test, IS_ERR(r.file));
	reader = kthread_run(reader_thread, &r, "proc_reader");
	KUNIT_ASSERT_FALSE(test, IS_ERR(reader));
	wait_for_completion(&read_entered);

	remover = kthread_run(remover_thread, &rm, "proc_remover");
	KUNIT_ASSERT_FALSE(test, IS_ERR(remover));
	/* proc_remove() sleeps until the read has returned... */
	KUNIT_EXPECT_TRUE(test, wait_until_asleep(remover, TASK_UNINTERRUPTIBLE));
	KUNIT_EXPECT_FALSE(test, completion_done(&rm.done));
	/* ...with the entry already out of the tree. */
	KUNIT_EXPECT_FALSE(test, proc_present("proc_probe"));
	KUNIT_EXPECT_TRUE(test, IS_ERR(filp_open("/proc/proc_probe", O_RDONLY)));

	complete(&read_may_return);
	wait_for_completion(&rm.done);
	wait_for_completion(&r.done);
	KUNIT_EXPECT_TRUE(test, rm.saw_read_left);
	KUNIT_EXPECT_EQ(test, r.ret, 7);
	kthread_stop(reader);
	kthread_stop(remover);

	KUNIT_EXPECT_EQ(test, releases, 0u);
	fput(r.file);
	KUNIT_EXPECT_EQ(test, releases, 1u);
}

static void an_open_file_outlives_its_entry(struct kunit *test)
{
	struct proc_dir_entry *dir, *de;
	struct file *file;
	loff_t pos = 0;

	setup_probe();
	complete_all(&read_may_return); /* a read that wrongly got in would not block */
	dir = proc_mkdir("proc_probe_dir", NULL);
	KUNIT_ASSERT_NOT_NULL(test, dir);
	de = proc_create("probe", 0644, dir, &probe_ops);
	KUNIT_ASSERT_NOT_NULL(test, de);
	file = filp_open("/proc/proc_probe_dir/probe", O_RDWR);
	KUNIT_ASSERT_FALSE(test, IS_ERR(file));
	KUNIT_EXPECT_EQ(test, file->f_op->write(file, NULL, 3, &pos), 3);

	remove_proc_entry("proc_probe_dir", NULL); /* the directory and the file in it */
	KUNIT_EXPECT_FALSE(test, proc_present("proc_probe_dir/probe"));
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open("/proc/proc_probe_dir/probe", O_RDONLY)),
			-ENOENT);
	KUNIT_EXPECT_EQ(test, file->f_op->read(file, NULL, 3, &pos), -EIO);
	KUNIT_EXPECT_EQ(test, file->f_op->write(file, NULL, 3, &pos), -EIO);
	KUNIT_EXPECT_FALSE(test, read_left); /* the entry's read never ran */
	fput(file);
	KUNIT_EXPECT_EQ(test, releases, 1u);
}

/* The kernel's files are entries like a driver's; a read-only one refuses writers. */
static void the_kernels_files_are_entries(struct kunit *test)
{
	static const char *const names[] = { "interrupts", "softirqs", "tasks", "modules", "stat",
					     "trace", "trace_pipe", "tracing_on", "set_event" };
	struct file *file;

	for (unsigned int i = 0; i < ARRAY_SIZE(names); i++)
		KUNIT_EXPECT_TRUE(test, proc_present(names[i]));
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open("/proc/interrupts", O_WRONLY)), -EACCES);
	file = filp_open("/proc/tracing_on", O_WRONLY);
	KUNIT_ASSERT_FALSE(test, IS_ERR(file));
	fput(file);
}

static struct kunit_case proc_cases[] = {
	KUNIT_CASE(removal_waits_for_a_read_in_flight),
	KUNIT_CASE(an_open_file_outlives_its_entry),
	KUNIT_CASE(the_kernels_files_are_entries),
	{}
};

static struct kunit_suite proc_suite = {
	.name = "proc",
	.test_cases = proc_cases,
};
kunit_test_suite(proc_suite);
