/*
 * /dev/selftest: what the user-mode test programs use to look into the
 * kernel from inside a system call (include/uapi/janus/selftest.h): who is
 * current there and in what context, how copies to and from their memory
 * end, whether a long system call is preempted, and what the kernel does
 * about a call that returns with something left behind.
 */
#include <linux/errno.h>
#include <asm/processor.h>
#include <linux/fs.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <uapi/janus/selftest.h>

static long whoami(void __user *arg)
{
	struct st_whoami w = {
		.pid = current->pid,
		.preempt_count = preempt_count(),
		.in_task = in_task(),
		.irqs_disabled = irqs_disabled(),
		.cpu = raw_smp_processor_id(),
		.on_own_stack = current_stack_pointer() - (unsigned long)current->stack < THREAD_SIZE,
	};

	return copy_to_user(arg, &w, sizeof(w)) ? -EFAULT : 0;
}

static long copy_op(unsigned int cmd, struct st_copy *c)
{
	char buf[256];
	long ret = 0;
	u32 v = c->value;

	if (c->len > sizeof(buf) && cmd != ST_CLEAR_USER)
		return -EINVAL;
	switch (cmd) {
	case ST_COPY_TO:
		memset(buf, 0x5a, c->len);
		return copy_to_user(c->uptr, buf, c->len);
	case ST_COPY_FROM:
		memset(buf, 0xff, sizeof(buf));
		ret = copy_from_user(buf, c->uptr, c->len);
		for (unsigned long i = c->len - ret; i < c->len; i++)
			if (buf[i])
				return -EIO; /* stale bytes where the copy failed */
		return ret;
	case ST_GET_USER:
		ret = get_user(v, (u32 __user *)c->uptr);
		c->value = v;
		return ret;
	case ST_PUT_USER:
		return put_user(v, (u32 __user *)c->uptr);
	case ST_STRNCPY:
		return strncpy_from_user(buf, c->uptr, min(c->len, (unsigned long)sizeof(buf)));
	case ST_CLEAR_USER:
		return clear_user(c->uptr, c->len);
	}
	return -ENOTTY;
}

/* Stays in the kernel, preemptible, for ms milliseconds. */
static long spin(unsigned long ms)
{
	unsigned long involuntary = current->nivcsw, end = jiffies + msecs_to_jiffies(ms);

	/* Until the tick has taken the CPU away once, or ms pass: a fixed time
	 * would hold fewer ticks than a time slice on a busy host. */
	while (time_before(jiffies, end) && current->nivcsw == involuntary)
		cpu_relax();
	return current->nivcsw - involuntary;
}

DEFINE_SPINLOCK(selftest_leak_spinlock);
DEFINE_MUTEX(selftest_leak_mutex);

/* The bugs that the syscall exit checks must catch (tests/kernel/syscall_exit.c,
 * tests/kernel/lockdep.c). */
static long leak(unsigned long what)
{
	switch (what) {
	case ST_LEAK_SPINLOCK:
		spin_lock(&selftest_leak_spinlock);
		return 0;
	case ST_LEAK_MUTEX:
		mutex_lock(&selftest_leak_mutex);
		return 0;
	case ST_LEAK_IRQS_OFF:
		local_irq_disable();
		return 0;
	case ST_LEAK_PREEMPT:
		preempt_disable();
		return 0;
	}
	return -EINVAL;
}

static long selftest_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct st_copy c;
	long ret;

	(void)file;
	switch (cmd) {
	case ST_WHOAMI:
		return whoami((void __user *)arg);
	case ST_SPIN:
		return spin(arg);
	case ST_LEAK:
		return leak(arg);
	case ST_COPY_TO ... ST_STRNCPY:
	case ST_CLEAR_USER:
		if (copy_from_user(&c, (void __user *)arg, sizeof(c)))
			return -EFAULT;
		ret = copy_op(cmd, &c);
		if (cmd == ST_GET_USER && copy_to_user((void __user *)arg, &c, sizeof(c)))
			return -EFAULT;
		return ret;
	}
	return -ENOTTY;
}

static const struct file_operations selftest_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = selftest_ioctl,
};

static int __init selftest_dev_init(void)
{
	int major = register_chrdev(0, "selftest", &selftest_fops);

	return major < 0 ? major : 0;
}
module_init(selftest_dev_init);
