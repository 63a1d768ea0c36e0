/*
 * Kernel threads: a task whose first frame runs kthread_entry, which calls the
 * thread function unless it was told to stop before it ever ran, and exits
 * with its result. kthread_stop waits for that exit on a completion.
 */
#include <asm/switch_to.h>
#include <linux/completion.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/slab.h>
#include <linux/sprintf.h>

struct kthread {
	int (*threadfn)(void *data);
	void *data;
	bool should_stop;
	int result;
	struct completion exited;
};

static int kthread_entry(void *arg)
{
	struct kthread *kt = arg;

	if (READ_ONCE(kt->should_stop))
		return -EINTR;
	return kt->threadfn(kt->data);
}

/**
 * kthread_create() - Create a kernel thread, not yet running.
 * @threadfn: the thread's function; its return value is the thread's exit
 *            code, which kthread_stop() returns
 * @data:     passed to @threadfn
 * @namefmt:  printf-style name, e.g. "kworker/%d"
 * @...:      its arguments
 *
 * The thread runs only after wake_up_process(). A long-running @threadfn
 * loops until kthread_should_stop().
 *
 * Context: process context; may sleep (allocates with GFP_KERNEL).
 * Return: the new task, or ERR_PTR(-ENOMEM).
 */
struct task_struct *kthread_create(int (*threadfn)(void *data), void *data, const char *namefmt,
				   ...)
{
	struct kthread *kt = kzalloc(sizeof(*kt), GFP_KERNEL);
	struct task_struct *p;
	char name[TASK_COMM_LEN];
	va_list args;

	if (!kt)
		return ERR_PTR(-ENOMEM);
	va_start(args, namefmt);
	vsnprintf(name, sizeof(name), namefmt, args);
	va_end(args);
	p = create_task(name);
	if (!p) {
		kfree(kt);
		return ERR_PTR(-ENOMEM);
	}
	kt->threadfn = threadfn;
	kt->data = data;
	init_completion(&kt->exited);
	p->kthread = kt;
	p->flags |= PF_KTHREAD;
	copy_thread(p, kthread_entry, kt);
	return p;
}

/**
 * kthread_should_stop() - Whether kthread_stop() has been called for the current thread.
 *
 * Context: a kernel thread; any context, does not sleep.
 * Return: true once the thread should return from its function.
 */
bool kthread_should_stop(void)
{
	struct kthread *kt = current->kthread;
	return kt && READ_ONCE(kt->should_stop);
}

/**
 * kthread_stop() - Tell a kernel thread to stop, wake it, and wait until it has exited.
 * @k: the thread, from kthread_create()
 *
 * A thread stopped before it ever ran does not run its function at all.
 *
 * Context: process context only; may sleep (might_sleep() reports a call
 * from atomic context). Not from @k itself.
 * Return: the thread function's return value, or -EINTR if it never ran.
 */
int kthread_stop(struct task_struct *k)
{
	struct kthread *kt = k->kthread;
	int ret;

	might_sleep();
	get_task_struct(k); /* it may exit and be reaped while we wait */
	WRITE_ONCE(kt->should_stop, true);
	wake_up_process(k);
	wait_for_completion(&kt->exited);
	ret = kt->result;
	put_task_struct(k);
	return ret;
}

/**
 * kthread_bind() - Pin a thread that has not started yet to one CPU.
 * @k:   the thread, created but not yet woken
 * @cpu: the CPU it will run on
 *
 * Context: any context; does not sleep. For a running thread use
 * set_cpus_allowed().
 */
void kthread_bind(struct task_struct *k, unsigned int cpu)
{
	k->cpu = cpu;
	k->cpus_allowed = 1u << cpu;
}

/**
 * kthread_exited() - Record a kernel thread's exit code and wake its kthread_stop() caller.
 * @tsk:  the exiting task; nothing happens if it is not a kthread
 * @code: its exit code
 *
 * Context: process context, from do_exit(); does not sleep.
 */
void kthread_exited(struct task_struct *tsk, long code)
{
	if (!tsk->kthread)
		return;
	tsk->kthread->result = code;
	complete(&tsk->kthread->exited);
}
