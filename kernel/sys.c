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

static long nanosleep_restart(struct restart_block *rb);

/* Sleeps until jiffies reaches @expires. Cut short by a signal: the time
 * left goes to *@rmtp, and the call goes on after the signal (a stop and a
 * SIGCONT, an ignored signal) through restart_syscall with what is left; a
 * handler that runs makes it -EINTR instead (arch/x86/signal.c). */
static long do_nanosleep(unsigned long expires, struct timespec __user *rmtp)
{
	struct restart_block *rb = &current->restart_block;
	struct timespec rem;
	long left;

	while ((left = (long)(expires - jiffies)) > 0 && !signal_pending(current))
		schedule_timeout_interruptible(left);
	if (left <= 0)
		return 0;
	rem.tv_sec = left / HZ;
	rem.tv_nsec = (left % HZ) * (NSEC_PER_SEC / HZ);
	if (rmtp && copy_to_user(rmtp, &rem, sizeof(rem)))
		return -EFAULT;
	*rb = (struct restart_block){ .fn = nanosleep_restart, .expires = expires, .rmtp = rmtp };
	return -ERESTART_RESTARTBLOCK;
}

static long nanosleep_restart(struct restart_block *rb)
{
	return do_nanosleep(rb->expires, rb->rmtp);
}

/**
 * sys_restart_syscall() - The restart_syscall(2) system call: go on with an interrupted call.
 *
 * What the kernel makes a call that returned -ERESTART_RESTARTBLOCK into
 * after a signal that ran no handler (nanosleep after ^Z and fg): it runs
 * the call's own continuation, current->restart_block.fn, once.
 *
 * Context: process context (a system call); may sleep, as the call does.
 * Return: the continued call's result; -EINTR if there is none.
 */
long sys_restart_syscall(void)
{
	struct restart_block *rb = &current->restart_block;
	long (*fn)(struct restart_block *rb) = rb->fn;

	rb->fn = NULL;
	return fn ? fn(rb) : -EINTR;
}

/**
 * sys_nanosleep() - The nanosleep(2) system call: sleep at least *@ureq, in whole jiffies.
 * @ureq: user pointer to the time to sleep
 * @urem: user pointer for the time left if a signal ends the sleep, or NULL
 *
 * A signal with a handler ends the sleep early (-EINTR, even for an
 * SA_RESTART handler, as in Linux: the caller decides with *@urem); one that
 * runs no handler (a stop, then SIGCONT) does not: the sleep goes on for
 * what is left, through restart_syscall.
 *
 * Context: process context (a system call); may sleep (interruptibly).
 * Return: 0; -EINTR if a handler ran first; -EINVAL for a bad time;
 * -EFAULT for a bad user pointer.
 */
long sys_nanosleep(const struct timespec __user *ureq, struct timespec __user *urem)
{
	struct timespec req;

	if (copy_from_user(&req, ureq, sizeof(req)))
		return -EFAULT;
	if (req.tv_sec < 0 || req.tv_nsec < 0 || req.tv_nsec >= NSEC_PER_SEC)
		return -EINVAL;
	if (req.tv_sec >= MAX_SCHEDULE_TIMEOUT / HZ - 1)
		req.tv_sec = MAX_SCHEDULE_TIMEOUT / HZ - 2; /* 248 days at HZ=100: forever enough */
	return do_nanosleep(jiffies + req.tv_sec * HZ +
				    DIV_ROUND_UP(req.tv_nsec, NSEC_PER_SEC / HZ) + 1, urem);
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
