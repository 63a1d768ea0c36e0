/*
 * Workqueues (kernel/workqueue.c): functions run later by a kernel thread,
 * "kworker/N:M", in process context, so they may sleep. Queueing an item that
 * is already pending does nothing and returns false.
 *
 *   INIT_WORK(&w, fn); schedule_work(&w);          any context
 *   schedule_delayed_work(&dw, delay);            any context
 *   flush_work(&w)             waits until it has run (process context)
 *   cancel_work_sync(&w)       takes it off the queue, waits if it runs
 *   cancel_delayed_work_sync(&dw), flush_workqueue(wq), destroy_workqueue(wq)
 */
#ifndef _LINUX_WORKQUEUE_H
#define _LINUX_WORKQUEUE_H
#include <linux/list.h>
#include <linux/timer.h>
#include <linux/types.h>
#include <janus/callsite.h>

struct work_struct;
struct worker;
struct workqueue_struct;
typedef void (*work_func_t)(struct work_struct *work);

#define WORK_STRUCT_PENDING 0 /* bit in work->data: queued (or its timer armed) */

struct work_struct {
	unsigned long data;
	struct list_head entry;
	work_func_t func;
	struct worker *worker; /* where it was last queued */
};

struct delayed_work {
	struct work_struct work;
	struct timer_list timer;
	struct workqueue_struct *wq;
};

#define __WORK_INITIALIZER(n, f) { .data = 0, .entry = LIST_HEAD_INIT((n).entry), .func = (f) }
#define DECLARE_WORK(n, f) struct work_struct n = __WORK_INITIALIZER(n, f)
#define INIT_WORK(_work, _func)                                  \
	do {                                                     \
		(_work)->data = 0;                               \
		INIT_LIST_HEAD(&(_work)->entry);                 \
		(_work)->func = (_func);                         \
		(_work)->worker = NULL;                          \
	} while (0)

void delayed_work_timer_fn(struct timer_list *t);
#define INIT_DELAYED_WORK(_work, _func)                                       \
	do {                                                                  \
		INIT_WORK(&(_work)->work, (_func));                           \
		timer_setup(&(_work)->timer, delayed_work_timer_fn, 0);       \
	} while (0)
#define DECLARE_DELAYED_WORK(n, f)                                                       \
	struct delayed_work n = { .work = __WORK_INITIALIZER((n).work, (f)),             \
				  .timer = __TIMER_INITIALIZER(delayed_work_timer_fn, 0) }

/**
 * to_delayed_work() - The delayed_work around a work item (in its function).
 * @work: the work item a delayed work's function was given
 *
 * Context: any context; does not sleep.
 * Return: the containing delayed_work.
 */
static inline struct delayed_work *to_delayed_work(struct work_struct *work)
{
	return container_of(work, struct delayed_work, work);
}

/**
 * work_pending() - Whether a work item is queued (or its delay timer armed).
 * @work: the work item
 *
 * Context: any context; does not sleep. The answer may be stale at once.
 * Return: true while it is pending; false once its function has started.
 */
static inline bool work_pending(const struct work_struct *work)
{
	return READ_ONCE(work->data) & (1ul << WORK_STRUCT_PENDING);
}

extern struct workqueue_struct *system_wq;

/* alloc_workqueue's flags (Linux's values). Janus has one worker per CPU
 * for every workqueue, so they change nothing; max_active neither. */
#define WQ_UNBOUND (1 << 1)
#define WQ_FREEZABLE (1 << 2)
#define WQ_MEM_RECLAIM (1 << 3)
#define WQ_HIGHPRI (1 << 4)
#define WQ_CPU_INTENSIVE (1 << 5)
#define WQ_SYSFS (1 << 6)
#define __WQ_ORDERED (1 << 17)

/* Process context (it starts threads). */
__printf(2, 5) struct workqueue_struct *alloc_workqueue_at(const struct callsite *site,
							   const char *fmt, unsigned int flags,
							   int max_active, ...);
/* Linux's call (a printf-style name); the macro also records the caller's
 * file and line, which an unload that forgot destroy_workqueue names. */
#define alloc_workqueue(fmt, flags, max_active, ...) \
	alloc_workqueue_at(CALLSITE("alloc_workqueue"), fmt, flags, max_active, ##__VA_ARGS__)
#define alloc_ordered_workqueue(fmt, flags, ...) \
	alloc_workqueue(fmt, __WQ_ORDERED | (flags), 1, ##__VA_ARGS__)
#define create_workqueue(name) alloc_workqueue("%s", WQ_MEM_RECLAIM, 1, (name))
#define create_singlethread_workqueue(name) alloc_ordered_workqueue("%s", WQ_MEM_RECLAIM, (name))
void destroy_workqueue(struct workqueue_struct *wq);

bool queue_work_on(int cpu, struct workqueue_struct *wq, struct work_struct *work);
bool queue_work(struct workqueue_struct *wq, struct work_struct *work);
bool queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
			unsigned long delay);
/**
 * schedule_work() - Queue a work item on the system workqueue, on this CPU.
 * @work: the item; its function runs in process context and may sleep
 *
 * Context: any context, a hardirq handler included; does not sleep.
 * Return: true if queued, false if it was already pending.
 */
static inline bool schedule_work(struct work_struct *work) { return queue_work(system_wq, work); }
/**
 * schedule_delayed_work() - Queue a work item on the system workqueue after @delay jiffies.
 * @dwork: the delayed item
 * @delay: jiffies to wait first
 *
 * Context: any context, a hardirq handler included; does not sleep.
 * Return: true if queued, false if it was already pending.
 */
static inline bool schedule_delayed_work(struct delayed_work *dwork, unsigned long delay)
{
	return queue_delayed_work(system_wq, dwork, delay);
}

bool flush_work(struct work_struct *work);
bool cancel_work_sync(struct work_struct *work);
bool cancel_delayed_work_sync(struct delayed_work *dwork);
void flush_workqueue(struct workqueue_struct *wq);
/**
 * flush_scheduled_work() - Wait until everything queued on the system workqueue has run.
 *
 * Context: process context only; may sleep. Never from a work item or with
 * a lock a work item takes.
 */
static inline void flush_scheduled_work(void) { flush_workqueue(system_wq); }
/* The work item this task is running right now, or NULL (for tests and reports). */
struct work_struct *current_work(void);

void workqueue_init(void);

#endif
