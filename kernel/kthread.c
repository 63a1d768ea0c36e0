/*
 * Kernel threads: a task whose first frame runs kthread_entry, which calls the
 * thread function unless it was told to stop before it ever ran, and exits
 * with its result. kthread_stop waits for that exit on a completion.
 */
#include <asm/switch_to.h>
#include <linux/completion.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include <linux/kthread.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <janus/leftovers.h>

struct kthread {
	int (*threadfn)(void *data);
	void *data;
	bool should_stop;
	int result;
	struct completion exited;
	const struct callsite *site; /* who created it (janus/callsite.h) */
};

static int kthread_entry(void *arg)
{
	struct kthread *kt = arg;

	if (READ_ONCE(kt->should_stop))
		return -EINTR;
	return kt->threadfn(kt->data);
}

/**
 * kthread_create_at() - Create a kernel thread, not yet running.
 * @site:     the caller's file and line (kthread_create()/kthread_run() pass CALLSITE())
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
struct task_struct *kthread_create_at(const struct callsite *site, int (*threadfn)(void *data),
				      void *data, const char *namefmt, ...)
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
	kt->site = site;
	init_completion(&kt->exited);
	p->kthread = kt;
	p->flags |= PF_KTHREAD;
	copy_thread(p, kthread_entry, kt);
	return p;
}
EXPORT_SYMBOL(kthread_create_at);

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
EXPORT_SYMBOL(kthread_should_stop);

unsigned long kthread_stop_misuses;

/* A stale pointer (an exited, freed kthread) or not a kthread at all: say so
 * instead of reading freed memory, and return an error. */
static int report_bad_kthread_stop(struct task_struct *k, const struct task_obituary *obit)
{
	kthread_stop_misuses++;
	if (!obit) {
		pr_err("BUG: kthread_stop() of %s/%d, which is not a kthread\n", k->comm, k->pid);
		pr_err("hint: kthread_stop() stops what kthread_create() or kthread_run() made\n");
	} else {
		if (obit->pid >= 0)
			pr_err("BUG: kthread_stop() of %s/%d, which already exited (code %d) and was "
			       "freed\n", obit->comm, obit->pid, obit->exit_code);
		else
			pr_err("BUG: kthread_stop() of %p, which is not a task (freed long ago?)\n", k);
		pr_err("hint: a kthread that may exit by itself must be held (get_task_struct) "
		       "from before it can exit until after kthread_stop, or loop until "
		       "kthread_should_stop()\n");
	}
	dump_stack();
	return obit ? -ESRCH : -EINVAL;
}

/**
 * kthread_stop() - Ask a kthread to stop, and wait until it has exited.
 * @k: the kthread, from kthread_create() or kthread_run()
 *
 * Sets kthread_should_stop() for @k, wakes it and waits for it to exit. @k
 * must still exist: either its function loops until kthread_should_stop()
 * (so it cannot exit before this call), or the caller took a reference with
 * get_task_struct() before @k could exit and drops it afterwards. A kthread
 * that never ran is not started at all. Breaking the rule (a stale pointer
 * to a kthread that already exited and was freed) is reported as a BUG with
 * a hint and a backtrace; nothing freed is read.
 *
 * Context: process context only; may sleep (until @k has exited; might_sleep()
 * reports a call from atomic context). Not from @k itself.
 * Return: what @k's function returned (-EINTR if it never ran); -ESRCH if @k
 * had already been freed, -EINVAL if it is not a kthread.
 */
int kthread_stop(struct task_struct *k)
{
	struct task_obituary obit;
	struct kthread *kt;
	int ret;

	might_sleep();
	if (!try_get_task_struct(k, &obit)) /* it may exit and be reaped while we wait */
		return report_bad_kthread_stop(k, &obit);
	kt = k->kthread;
	if (!(k->flags & PF_KTHREAD) || !kt) {
		ret = report_bad_kthread_stop(k, NULL);
	} else {
		WRITE_ONCE(kt->should_stop, true);
		wake_up_process(k);
		wait_for_completion(&kt->exited);
		ret = kt->result;
	}
	put_task_struct(k);
	return ret;
}
EXPORT_SYMBOL(kthread_stop);

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
	k->cpus_allowed = CPU_BIT(cpu);
}
EXPORT_SYMBOL(kthread_bind);

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

bool kthread_owned_by(const struct task_struct *p, const struct module *mod)
{
	const struct kthread *kt = p->kthread;

	return (p->flags & PF_KTHREAD) && kt && owned_by_module(mod, kt->site, kt->threadfn);
}

struct kthread_leftovers {
	struct module *mod;
	unsigned int found;
};

static void check_kthread(struct task_struct *p, void *arg)
{
	struct kthread_leftovers *l = arg;
	char fn[KSYM_NAME_LEN];

	/* PF_EXITING: its function returned (kthread_stop() may have returned
	 * already); it is on its way out, not left behind. */
	if ((p->flags & PF_EXITING) || (p->state & TASK_DEAD) || p->exit_state ||
	    !kthread_owned_by(p, l->mod))
		return;
	module_leftover(l->mod, p->kthread->site, "kthread %d (%s) running %s still alive", p->pid,
			p->comm, leftover_symbol(fn, p->kthread->threadfn));
	l->found++;
}

/* What a module left running: kthreads it created that have not exited
 * (include/janus/leftovers.h). */
static unsigned int kthread_leftovers(struct module *mod)
{
	struct kthread_leftovers l = { mod, 0 };

	for_each_task(check_kthread, &l);
	return l.found;
}
MODULE_LEFTOVER_CHECK(kthread, kthread_leftovers);
