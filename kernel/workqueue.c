/*
 * Workqueues: a workqueue has one worker thread per CPU ("kworker/N:M"), each
 * with a FIFO list of work items. queue_work puts an item on the list of the
 * CPU it is called on and wakes that worker; the worker takes items one by
 * one and runs them in process context. The PENDING bit is set while an item
 * is queued (or its delay timer armed) and cleared just before it runs, so it
 * can be queued again, even from its own function.
 *
 * flush_work and flush_workqueue wait by queueing a "barrier" item behind what
 * they wait for and sleeping on its completion: the worker runs in order.
 */
#include <linux/init.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/might_sleep.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <janus/leftovers.h>
#include <trace/events/workqueue.h>

struct worker {
	struct workqueue_struct *wq;
	struct task_struct *task;
	spinlock_t lock;
	struct list_head items;
	struct work_struct *current_work;
	struct wait_queue_head more; /* the worker sleeps here when idle */
	int cpu;
};

struct workqueue_struct {
	char name[24];
	struct list_head list;       /* on `workqueues` */
	const struct callsite *site; /* who allocated it (janus/callsite.h) */
	struct worker workers[NR_CPUS];
};

static LIST_HEAD(workqueues);
static DEFINE_MUTEX(workqueues_lock);

struct workqueue_struct *system_wq;
EXPORT_SYMBOL(system_wq);
static int worker_ids; /* the M in kworker/N:M */

static bool test_and_set_pending(struct work_struct *work)
{
	return __atomic_fetch_or(&work->data, 1ul << WORK_STRUCT_PENDING, __ATOMIC_SEQ_CST) &
	       (1ul << WORK_STRUCT_PENDING);
}

static void clear_pending(struct work_struct *work)
{
	__atomic_and_fetch(&work->data, ~(1ul << WORK_STRUCT_PENDING), __ATOMIC_SEQ_CST);
}

/* Adds a pending item to a worker's list, after `after` (or at the tail). */
static void insert_work(struct worker *w, struct work_struct *work, struct list_head *after)
{
	unsigned long flags;

	spin_lock_irqsave(&w->lock, flags);
	work->worker = w;
	if (after)
		list_add(&work->entry, after);
	else
		list_add_tail(&work->entry, &w->items);
	spin_unlock_irqrestore(&w->lock, flags);
	wake_up(&w->more);
}

/**
 * queue_work_on() - Queue a work item on @cpu's worker of @wq.
 * @cpu:  the CPU whose worker runs it (must be online)
 * @wq:   the workqueue
 * @work: the item; its function runs in process context and may sleep
 *
 * An item already pending is not queued again: it runs once.
 *
 * Context: any context, a hardirq handler included; does not sleep.
 * Return: true if queued, false if it was already pending.
 */
bool queue_work_on(int cpu, struct workqueue_struct *wq, struct work_struct *work)
{
	if (test_and_set_pending(work))
		return false; /* queued already: it will run once */
	insert_work(&wq->workers[cpu], work, NULL);
	return true;
}
EXPORT_SYMBOL(queue_work_on);

/**
 * queue_work() - Queue a work item on this CPU's worker of @wq.
 * @wq:   the workqueue (system_wq for schedule_work())
 * @work: the item; its function runs in process context and may sleep
 *
 * The usual way for a handler to defer work that sleeps.
 *
 * Context: any context, a hardirq handler included; does not sleep.
 * Return: true if queued, false if it was already pending.
 */
bool queue_work(struct workqueue_struct *wq, struct work_struct *work)
{
	return queue_work_on(smp_processor_id(), wq, work);
}
EXPORT_SYMBOL(queue_work);

/**
 * delayed_work_timer_fn() - The timer of a delayed work item: queue the item now.
 * @t: the delayed work's timer
 *
 * Context: softirq context (a timer callback); does not sleep.
 */
void delayed_work_timer_fn(struct timer_list *t)
{
	struct delayed_work *dwork = from_timer(dwork, t, timer);

	insert_work(&dwork->wq->workers[smp_processor_id()], &dwork->work, NULL);
}
EXPORT_SYMBOL(delayed_work_timer_fn);

/**
 * queue_delayed_work() - Queue a work item on @wq after @delay jiffies.
 * @wq:    the workqueue
 * @dwork: the delayed item
 * @delay: jiffies to wait first; 0 queues it at once
 *
 * Context: any context, a hardirq handler included; does not sleep.
 * Return: true if queued, false if it was already pending.
 */
bool queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
			unsigned long delay)
{
	if (test_and_set_pending(&dwork->work))
		return false;
	dwork->wq = wq;
	if (!delay)
		insert_work(&wq->workers[smp_processor_id()], &dwork->work, NULL);
	else
		mod_timer(&dwork->timer, jiffies + delay);
	return true;
}
EXPORT_SYMBOL(queue_delayed_work);

static struct work_struct *next_item(struct worker *w)
{
	struct work_struct *work;
	unsigned long flags;

	spin_lock_irqsave(&w->lock, flags);
	work = list_first_entry_or_null(&w->items, struct work_struct, entry);
	if (work) {
		list_del_init(&work->entry);
		clear_pending(work); /* it may be queued again from now on */
		w->current_work = work;
	}
	spin_unlock_irqrestore(&w->lock, flags);
	return work;
}

static int worker_thread(void *data)
{
	struct worker *w = data;
	struct work_struct *work;

	while (!kthread_should_stop()) {
		wait_event_interruptible(w->more,
					 !list_empty(&w->items) || kthread_should_stop());
		while ((work = next_item(w))) {
			work_func_t fn = work->func;

			trace_workqueue_execute_start(work, fn);
			fn(work);
			trace_workqueue_execute_end(work, fn); /* work may be gone: only its address */
			WRITE_ONCE(w->current_work, NULL);
			cond_resched();
		}
	}
	return 0;
}

/**
 * current_work() - The system workqueue item the current task is running.
 *
 * Context: any context; does not sleep.
 * Return: the item if current is a system_wq worker running one, else NULL.
 */
struct work_struct *current_work(void)
{
	struct task_struct *tsk = current;

	if (!(tsk->flags & PF_KTHREAD) || !system_wq)
		return NULL;
	for (int cpu = 0; cpu < NR_CPUS; cpu++)
		if (system_wq->workers[cpu].task == tsk)
			return READ_ONCE(system_wq->workers[cpu].current_work);
	return NULL;
}
EXPORT_SYMBOL_GPL(current_work);

struct wq_barrier {
	struct work_struct work;
	struct completion done;
};

static void barrier_func(struct work_struct *work)
{
	complete(&container_of(work, struct wq_barrier, work)->done);
}

static void init_barrier(struct wq_barrier *barr)
{
	INIT_WORK(&barr->work, barrier_func);
	init_completion(&barr->done);
	test_and_set_pending(&barr->work);
}

/* Queues a barrier on worker w after `after` and waits until it has run. */
static void wait_on_barrier(struct worker *w, struct list_head *after)
{
	struct wq_barrier barr;

	init_barrier(&barr);
	insert_work(w, &barr.work, after);
	wait_for_completion(&barr.done);
}

/* Where flush_work()'s barrier goes, decided and inserted under w->lock: the
 * item may be taken off the list the moment the lock is let go, and a barrier
 * put after an item no longer on the list is on no list (a flush_work() of a
 * tty flip buffer hung for good so). */
static bool queue_flush_barrier(struct worker *w, struct work_struct *work,
				struct wq_barrier *barr)
{
	struct list_head *after = NULL;
	unsigned long flags;

	init_barrier(barr);
	spin_lock_irqsave(&w->lock, flags);
	if (work_pending(work) && !list_empty(&work->entry))
		after = &work->entry;         /* queued: the barrier goes right behind it */
	else if (w->current_work == work)
		after = &w->items;            /* running: the barrier runs next */
	if (after) {
		barr->work.worker = w;
		list_add(&barr->work.entry, after);
	}
	spin_unlock_irqrestore(&w->lock, flags);
	if (after)
		wake_up(&w->more);
	return after;
}

/**
 * flush_work() - Wait until a work item has finished its last queued run.
 * @work: the item
 *
 * Context: process context only; may sleep. Never from the item's own
 * function or with a lock its function takes (deadlock). From atomic
 * context might_sleep() reports the bug and it returns false at once.
 * Return: true if it waited, false if the item was idle (or it could not wait).
 */
bool flush_work(struct work_struct *work)
{
	struct worker *w = READ_ONCE(work->worker);
	struct wq_barrier barr;

	if (!might_sleep() || !w || !queue_flush_barrier(w, work, &barr))
		return false;
	wait_for_completion(&barr.done);
	return true;
}
EXPORT_SYMBOL_GPL(flush_work);

/**
 * cancel_work_sync() - Take a work item off its queue and wait if it is running.
 * @work: the item
 *
 * Afterwards the item is neither queued nor running (unless someone queues
 * it again): what to call before freeing it.
 *
 * Context: process context only; may sleep (might_sleep() reports a call
 * from atomic context). Never from the item's own function.
 * Return: true if the item was pending (and is now cancelled), false if not.
 */
bool cancel_work_sync(struct work_struct *work)
{
	struct worker *w = READ_ONCE(work->worker);
	bool was_pending = false;
	unsigned long flags;

	might_sleep();
	if (w) {
		spin_lock_irqsave(&w->lock, flags);
		if (work_pending(work) && !list_empty(&work->entry)) {
			list_del_init(&work->entry);
			clear_pending(work);
			was_pending = true;
		}
		spin_unlock_irqrestore(&w->lock, flags);
	}
	flush_work(work); /* if it was running, wait for it */
	return was_pending;
}
EXPORT_SYMBOL_GPL(cancel_work_sync);

/**
 * cancel_delayed_work_sync() - Cancel a delayed item, whether still waiting for its delay or queued, and wait if it runs.
 * @dwork: the delayed item
 *
 * Context: process context only; may sleep (see cancel_work_sync()).
 * Return: true if the item was pending, false if not.
 */
bool cancel_delayed_work_sync(struct delayed_work *dwork)
{
	if (del_timer_sync(&dwork->timer)) { /* still waiting for its delay */
		clear_pending(&dwork->work);
		return true;
	}
	return cancel_work_sync(&dwork->work);
}
EXPORT_SYMBOL(cancel_delayed_work_sync);

/**
 * flush_workqueue() - Wait until every item queued on @wq before the call has run.
 * @wq: the workqueue
 *
 * Context: process context only; may sleep (might_sleep() reports a call
 * from atomic context). Never from an item of @wq itself.
 */
void flush_workqueue(struct workqueue_struct *wq)
{
	int cpu;

	might_sleep();
	for_each_online_cpu(cpu)
		if (wq->workers[cpu].task)
			wait_on_barrier(&wq->workers[cpu], NULL);
}
EXPORT_SYMBOL(flush_workqueue);

static int start_worker(struct workqueue_struct *wq, int cpu)
{
	struct worker *w = &wq->workers[cpu];

	w->wq = wq;
	w->cpu = cpu;
	spin_lock_init(&w->lock);
	INIT_LIST_HEAD(&w->items);
	init_waitqueue_head(&w->more);
	w->task = kthread_create(worker_thread, w, "kworker/%d:%d", cpu,
				 __atomic_fetch_add(&worker_ids, 1, __ATOMIC_SEQ_CST));
	if (IS_ERR(w->task)) {
		w->task = NULL;
		return -ENOMEM;
	}
	get_task_struct(w->task); /* ours until destroy_workqueue, even if a work item oopses */
	kthread_bind(w->task, cpu);
	wake_up_process(w->task);
	return 0;
}

/**
 * alloc_workqueue_at() - Create a workqueue with one worker thread per online CPU.
 * @site:       the caller's file and line (the alloc_workqueue() macro passes CALLSITE())
 * @fmt:        the workqueue's name, printf-style (at most 23 characters)
 * @flags:      Linux's WQ_* flags; ignored
 * @max_active: Linux's concurrency limit; ignored (each worker runs one item at a time)
 * @...:        the name's arguments
 *
 * The workers are named "kworker/N:M" and bound to their CPUs.
 *
 * Context: process context; may sleep (allocates with GFP_KERNEL, creates threads).
 * Return: the workqueue, or NULL if memory or a thread could not be had.
 */
struct workqueue_struct *alloc_workqueue_at(const struct callsite *site, const char *fmt,
					    unsigned int flags, int max_active, ...)
{
	struct workqueue_struct *wq = kzalloc(sizeof(*wq), GFP_KERNEL);
	va_list args;
	int cpu;

	(void)flags;
	(void)max_active;
	if (!wq)
		return NULL;
	va_start(args, max_active);
	vsnprintf(wq->name, sizeof(wq->name), fmt, args);
	va_end(args);
	wq->site = site;
	INIT_LIST_HEAD(&wq->list);
	for_each_online_cpu(cpu) {
		if (start_worker(wq, cpu)) {
			destroy_workqueue(wq);
			return NULL;
		}
	}
	mutex_lock(&workqueues_lock);
	list_add_tail(&wq->list, &workqueues);
	mutex_unlock(&workqueues_lock);
	return wq;
}
EXPORT_SYMBOL_GPL(alloc_workqueue_at);

/**
 * destroy_workqueue() - Run what is queued, stop the workers, free the workqueue.
 * @wq: the workqueue; nobody may queue on it any more
 *
 * Context: process context only; may sleep.
 */
void destroy_workqueue(struct workqueue_struct *wq)
{
	int cpu;

	mutex_lock(&workqueues_lock);
	list_del(&wq->list);
	mutex_unlock(&workqueues_lock);
	flush_workqueue(wq);
	for_each_online_cpu(cpu)
		if (wq->workers[cpu].task) {
			kthread_stop(wq->workers[cpu].task);
			put_task_struct(wq->workers[cpu].task);
		}
	kfree(wq);
}
EXPORT_SYMBOL_GPL(destroy_workqueue);

/**
 * workqueue_init() - Create system_wq ("events"), the queue of schedule_work().
 *
 * Context: boot, process context; may sleep. Panics if it cannot.
 */
void __init workqueue_init(void)
{
	system_wq = alloc_workqueue("events", 0, 0);
	if (!system_wq)
		panic("cannot create the system workqueue");
}

/* One worker's items of mod's: queued, or running right now. */
static unsigned int worker_leftovers(struct module *mod, struct worker *w)
{
	char fn[KSYM_NAME_LEN], obj[KSYM_NAME_LEN];
	unsigned int found = 0;
	struct work_struct *work;
	unsigned long flags;

	spin_lock_irqsave(&w->lock, flags);
	list_for_each_entry(work, &w->items, entry) {
		if (owned_by_module(mod, NULL, work) || owned_by_module(mod, NULL, work->func)) {
			module_leftover(mod, NULL, "work %s (function %s) still queued on %s",
					leftover_symbol(obj, work), leftover_symbol(fn, work->func),
					w->wq->name);
			found++;
		}
	}
	work = w->current_work;
	if (work && (owned_by_module(mod, NULL, work) || owned_by_module(mod, NULL, work->func))) {
		module_leftover(mod, NULL, "work %s (function %s) still running on %s",
				leftover_symbol(obj, work), leftover_symbol(fn, work->func),
				w->wq->name);
		found++;
	}
	spin_unlock_irqrestore(&w->lock, flags);
	return found;
}

/* What a module left in the workqueues: workqueues it allocated and did not
 * destroy, its work items queued or running (include/janus/leftovers.h). */
static unsigned int workqueue_leftovers(struct module *mod)
{
	struct workqueue_struct *wq;
	unsigned int found = 0;
	int cpu;

	mutex_lock(&workqueues_lock);
	list_for_each_entry(wq, &workqueues, list) {
		if (owned_by_module(mod, wq->site, NULL)) {
			module_leftover(mod, wq->site, "workqueue %s still allocated", wq->name);
			found++;
		}
		for_each_online_cpu(cpu)
			if (wq->workers[cpu].task)
				found += worker_leftovers(mod, &wq->workers[cpu]);
	}
	mutex_unlock(&workqueues_lock);
	return found;
}
MODULE_LEFTOVER_CHECK(workqueue, workqueue_leftovers);
