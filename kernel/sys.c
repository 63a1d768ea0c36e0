/*
 * The small system calls: who am I, who is my parent, let someone else run,
 * sleep. Each runs in the calling process's context.
 */
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched/clock.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <uapi/linux/time.h>

#define NSEC_PER_SEC 1000000000L

/**
 * sys_getpid() - The getpid(2) system call.
 *
 * Context: process context (a system call); does not sleep.
 * Return: the calling process's pid.
 */
long sys_getpid(void)
{
	return current->pid;
}

/**
 * sys_getppid() - The getppid(2) system call.
 *
 * Context: process context (a system call); does not sleep.
 * Return: the parent's pid; 0 if the parent is gone (an orphan) or is not a
 * process (the kernel).
 */
long sys_getppid(void)
{
	struct task_struct *parent = READ_ONCE(current->parent);

	return parent && parent->mm ? parent->pid : 0;
}

/**
 * sys_sched_yield() - The sched_yield(2) system call: let other runnable tasks go first.
 *
 * Context: process context (a system call); switches, but stays runnable.
 * Return: 0.
 */
long sys_sched_yield(void)
{
	yield();
	return 0;
}

/**
 * sys_nanosleep() - The nanosleep(2) system call: sleep at least *@ureq, in whole jiffies.
 * @ureq: user pointer to the time to sleep
 * @urem: user pointer for the time left if a signal ends the sleep, or NULL
 *
 * A signal ends the sleep early; it is never restarted, even for an
 * SA_RESTART handler (as in Linux: the caller decides with *@urem).
 *
 * Context: process context (a system call); may sleep (interruptibly).
 * Return: 0; -EINTR if a signal came first; -EINVAL for a bad time;
 * -EFAULT for a bad user pointer.
 */
long sys_nanosleep(const struct timespec __user *ureq, struct timespec __user *urem)
{
	struct timespec req, rem;
	unsigned long left;

	if (copy_from_user(&req, ureq, sizeof(req)))
		return -EFAULT;
	if (req.tv_sec < 0 || req.tv_nsec < 0 || req.tv_nsec >= NSEC_PER_SEC)
		return -EINVAL;
	if (req.tv_sec >= MAX_SCHEDULE_TIMEOUT / HZ - 1)
		req.tv_sec = MAX_SCHEDULE_TIMEOUT / HZ - 2; /* 248 days at HZ=100: forever enough */
	left = schedule_timeout_interruptible(
		req.tv_sec * HZ + DIV_ROUND_UP(req.tv_nsec, NSEC_PER_SEC / HZ) + 1);
	if (!left || !signal_pending(current))
		return 0;
	rem.tv_sec = left / HZ;
	rem.tv_nsec = (left % HZ) * (NSEC_PER_SEC / HZ);
	if (urem && copy_to_user(urem, &rem, sizeof(rem)))
		return -EFAULT;
	return -EINTR;
}

/**
 * sys_clock_gettime() - The clock_gettime(2) system call, CLOCK_MONOTONIC only.
 * @clock: CLOCK_MONOTONIC (1): time since boot, from the TSC
 * @tp:    where to put it
 *
 * Janus has no wall clock (it does not read the RTC): CLOCK_REALTIME is -EINVAL.
 *
 * Context: process context (a system call).
 * Return: 0, -EINVAL or -EFAULT.
 */
long sys_clock_gettime(int clock, struct timespec __user *tp)
{
	u32 nsec;
	struct timespec t;

	if (clock != CLOCK_MONOTONIC)
		return -EINVAL;
	t.tv_sec = div_u64_rem(local_clock(), NSEC_PER_SEC, &nsec);
	t.tv_nsec = nsec;
	return copy_to_user(tp, &t, sizeof(t)) ? -EFAULT : 0;
}
