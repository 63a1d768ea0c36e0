/*
 * KTAP suite `chrdev`: register_chrdev and the file operations, end to end.
 * The suite registers an echo device (what is written can be read back) with
 * a dynamic major; /bin/chrdev_test (user/bin/chrdev_test.c) opens
 * /dev/chrdev_test, writes, reads and closes it, and the driver's counts say
 * each operation ran once, in that process. Majors cannot be taken twice.
 */
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <janus/vfs.h>
#include <uapi/linux/fcntl.h>
#include "user_helpers.h"

static struct {
	unsigned int opens, reads, writes, releases;
	pid_t opener;
	char data[16];
	size_t len;
} echo;

static int echo_open(struct inode *inode, struct file *file)
{
	(void)inode, (void)file;
	echo.opens++;
	echo.opener = current->pid;
	return 0;
}

static ssize_t echo_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	size_t n = min(count, echo.len);

	(void)file, (void)ppos;
	echo.reads++;
	return copy_to_user(buf, echo.data, n) ? -EFAULT : (ssize_t)n;
}

static ssize_t echo_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	size_t n = min(count, sizeof(echo.data) - 1);

	(void)file, (void)ppos;
	echo.writes++;
	if (copy_from_user(echo.data, buf, n))
		return -EFAULT;
	echo.len = n;
	return n;
}

static int echo_release(struct inode *inode, struct file *file)
{
	(void)inode, (void)file;
	echo.releases++;
	return 0;
}

static const struct file_operations echo_fops = {
	.open = echo_open,
	.read = echo_read,
	.write = echo_write,
	.release = echo_release,
};

static int major;

static int register_echo(struct kunit *test)
{
	(void)test;
	memset(&echo, 0, sizeof(echo));
	major = register_chrdev(0, "chrdev_test", &echo_fops);
	return 0;
}

static void unregister_echo(struct kunit *test)
{
	(void)test;
	if (major > 0)
		unregister_chrdev(major, "chrdev_test");
	major = 0;
}

static void a_dynamic_major_and_a_dev_node(struct kunit *test)
{
	struct inode *node = devtmpfs_lookup("chrdev_test");

	KUNIT_EXPECT_GE(test, major, CHRDEV_MAJOR_DYN_END);
	KUNIT_EXPECT_LT(test, major, CHRDEV_MAJOR_MAX);
	KUNIT_ASSERT_NOT_NULL(test, node);
	KUNIT_EXPECT_EQ(test, node->i_rdev, MKDEV((unsigned int)major, 0u));
}

static void a_taken_major_is_ebusy(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, register_chrdev(major, "again", &echo_fops), -EBUSY);
	KUNIT_EXPECT_EQ(test, register_chrdev(1, "mine", &echo_fops), -EBUSY); /* mem's */
	KUNIT_EXPECT_EQ(test, register_chrdev(CHRDEV_MAJOR_MAX, "big", &echo_fops), -EINVAL);
	KUNIT_EXPECT_EQ(test, register_chrdev(0, "nofops", NULL), -EINVAL);
}

static void a_process_opens_writes_reads_and_closes(struct kunit *test)
{
	pid_t pid = 0;

	KUNIT_EXPECT_PROGRAM_PASSES(test, run_user_program(&pid, "/bin/chrdev_test", "echo", NULL));
	KUNIT_EXPECT_EQ(test, echo.opens, 1u);
	KUNIT_EXPECT_EQ(test, echo.writes, 1u);
	KUNIT_EXPECT_EQ(test, echo.reads, 1u);
	KUNIT_EXPECT_EQ(test, echo.releases, 1u);
	KUNIT_EXPECT_EQ(test, echo.opener, pid); /* open ran in that process */
	KUNIT_EXPECT_EQ(test, strncmp(echo.data, "ping", 4), 0);
}

/* release runs once, when the last reference to the file goes. */
static void release_waits_for_the_last_reference(struct kunit *test)
{
	struct file *f = filp_open("/dev/chrdev_test", O_RDWR);

	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	get_file(f);
	fput(f);
	KUNIT_EXPECT_EQ(test, echo.releases, 0u);
	fput(f);
	KUNIT_EXPECT_EQ(test, echo.releases, 1u);
}

static void an_unregistered_device_is_gone(struct kunit *test)
{
	unregister_echo(test);
	KUNIT_EXPECT_NULL(test, devtmpfs_lookup("chrdev_test"));
	KUNIT_EXPECT_PROGRAM_PASSES(test, run_user_program(NULL, "/bin/chrdev_test", "gone", NULL));
	KUNIT_EXPECT_EQ(test, echo.opens, 0u);
}

static void opening_a_missing_path_is_enoent(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open("/dev/nothing", O_RDONLY)), -ENOENT);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open("/etc/passwd", O_RDONLY)), -ENOENT);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open("/dev/null", 3)), -EINVAL);
}

static struct kunit_case chrdev_cases[] = {
	KUNIT_CASE(a_dynamic_major_and_a_dev_node),
	KUNIT_CASE(a_taken_major_is_ebusy),
	KUNIT_CASE(a_process_opens_writes_reads_and_closes),
	KUNIT_CASE(release_waits_for_the_last_reference),
	KUNIT_CASE(an_unregistered_device_is_gone),
	KUNIT_CASE(opening_a_missing_path_is_enoent),
	{}
};

static struct kunit_suite chrdev_suite = {
	.name = "chrdev",
	.init = register_echo,
	.exit = unregister_echo,
	.test_cases = chrdev_cases,
};
kunit_test_suite(chrdev_suite);
