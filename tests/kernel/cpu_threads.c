/*
 * For the SMP suites: run one function in n kthreads at once, thread i bound
 * to CPU i modulo the online CPUs, all released together so that they
 * really contend. With one CPU the threads still preempt each other there.
 */
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/err.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include "helpers.h"

struct cpu_threads {
	int (*fn)(unsigned int i, void *data);
	void *data;
	unsigned int n;
	atomic_t ready, failed;
	struct completion go, done;
};

struct cpu_thread {
	struct cpu_threads *all;
	unsigned int i;
};

static int cpu_thread(void *arg)
{
	struct cpu_thread *me = arg;
	struct cpu_threads *all = me->all;

	wait_for_completion(&all->go);
	atomic_inc(&all->ready);
	while ((unsigned int)atomic_read(&all->ready) < all->n)
		yield(); /* another of us may need this CPU to get here */
	if (all->fn(me->i, all->data))
		atomic_inc(&all->failed);
	complete(&all->done);
	sleep_until_kthread_stop();
	return 0;
}

int run_on_cpus(unsigned int n, int (*fn)(unsigned int i, void *data), void *data)
{
	struct cpu_threads all = { .fn = fn, .data = data, .n = n };
	struct cpu_thread me[MAX_CPU_THREADS];
	struct task_struct *t[MAX_CPU_THREADS];
	unsigned int started = 0;

	if (n > MAX_CPU_THREADS)
		return -EINVAL;
	init_completion(&all.go);
	init_completion(&all.done);
	for (; started < n; started++) {
		me[started] = (struct cpu_thread){ &all, started };
		t[started] = kthread_create(cpu_thread, &me[started], "cpu_thread/%u", started);
		if (IS_ERR(t[started]))
			break;
		kthread_bind(t[started], started % num_online_cpus());
		wake_up_process(t[started]);
	}
	all.n = started;
	complete_all(&all.go);
	for (unsigned int i = 0; i < started; i++)
		wait_for_completion(&all.done);
	for (unsigned int i = 0; i < started; i++)
		kthread_stop(t[i]);
	return started < n ? -ENOMEM : -atomic_read(&all.failed);
}
