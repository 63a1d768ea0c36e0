/*
 * KTAP suite `atomic_sleep_matrix`: every primitive that may sleep, called in
 * every context where sleeping is forbidden. Each cell is one case: the
 * violation must be reported (counted in nosleep_stats, never parsed from the
 * log) and the kernel must carry on. The last row (plain process context)
 * and the last two columns (GFP_ATOMIC, spin_lock) are the controls: nothing
 * may be reported there. mutex_trylock never sleeps, so it is reported only
 * where a mutex makes no sense at all: in interrupt context (no task owns it).
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <linux/mutex.h>
#include <linux/semaphore.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/timer.h>
#include <linux/uaccess.h>
#include <linux/wait.h>
#include <janus/nosleep.h>
#include "helpers.h"
#include "softirq_vector.h"

#define LINE IRQ_SIM_BASE
#define INNER (IRQ_SIM_BASE + 1)

#define FOR_EACH_ROW(X)                                                                      \
	X(hardirq) X(nested_hardirq) X(softirq) X(timer_callback) X(preempt_disabled)      \
	X(irqs_disabled) X(spin_lock_held) X(spin_lock_bh_held) X(bh_disabled) X(process_context)
#define FOR_EACH_COL(X, r)                                                                   \
	X(r, schedule) X(r, msleep) X(r, schedule_timeout) X(r, mutex_lock) X(r, down)      \
	X(r, wait_event) X(r, wait_for_completion) X(r, kmalloc_gfp_kernel)                  \
	X(r, copy_to_user) X(r, mutex_trylock) X(r, kmalloc_gfp_atomic) X(r, spin_lock)
#define NAME_ONLY(r, c) c,
#define ROW_ENUM(r) ROW_##r,
#define COL_ENUM(r, c) COL_##c,
enum row { FOR_EACH_ROW(ROW_ENUM) NR_ROWS };
enum col { FOR_EACH_COL(COL_ENUM, _) NR_COLS };

static DEFINE_MUTEX(matrix_mutex);
static DEFINE_SEMAPHORE(matrix_sem, 1);
static DECLARE_WAIT_QUEUE_HEAD(matrix_wq);
static struct completion matrix_done;
static spinlock_t row_lock[NR_ROWS], control_lock[NR_ROWS];
static void *user_page;
static enum col op;
static enum row where;
static volatile bool op_ran;
static int result[NR_ROWS][NR_COLS];

/* The operation under test; whatever it takes, it gives back in the same context. */
static void do_op(void)
{
	void *p;

	switch (op) {
	case COL_schedule: schedule(); break;
	case COL_msleep: msleep(1); break;
	case COL_schedule_timeout: schedule_timeout_uninterruptible(1); break;
	case COL_mutex_lock: mutex_lock(&matrix_mutex); mutex_unlock(&matrix_mutex); break;
	case COL_down: down(&matrix_sem); up(&matrix_sem); break;
	case COL_wait_event: wait_event(matrix_wq, true); break;
	case COL_wait_for_completion: complete(&matrix_done); wait_for_completion(&matrix_done); break;
	case COL_kmalloc_gfp_kernel: kfree(kmalloc(32, GFP_KERNEL)); break;
	case COL_copy_to_user: (void)copy_to_user((void __user *)TEST_USER_ADDR, "x", 1); break;
	case COL_mutex_trylock:
		if (mutex_trylock(&matrix_mutex))
			mutex_unlock(&matrix_mutex);
		break;
	case COL_kmalloc_gfp_atomic:
		p = kmalloc(32, GFP_ATOMIC);
		kfree(p);
		break;
	case COL_spin_lock:
		spin_lock(&control_lock[where]);
		spin_unlock(&control_lock[where]);
		break;
	default: break;
	}
	op_ran = true;
}

static irqreturn_t inner_handler(int irq, void *dev)
{
	(void)irq;
	(void)dev;
	do_op();
	return IRQ_HANDLED;
}

static irqreturn_t outer_handler(int irq, void *dev)
{
	(void)irq;
	(void)dev;
	if (where == ROW_nested_hardirq) {
		local_irq_enable();
		irq_sim_fire(INNER);
		local_irq_disable();
	} else if (where == ROW_softirq) {
		raise_softirq(SELFTEST_SOFTIRQ);
	} else {
		do_op();
	}
	return IRQ_HANDLED;
}

static void softirq_op(struct softirq_action *a)
{
	(void)a;
	do_op();
}

static void timer_op(struct timer_list *t)
{
	(void)t;
	do_op();
}

static void run_in_context(enum row r)
{
	struct timer_list timer;

	switch (r) {
	case ROW_hardirq:
	case ROW_nested_hardirq:
	case ROW_softirq:
		irq_sim_fire(LINE);
		break;
	case ROW_timer_callback:
		timer_setup(&timer, timer_op, 0);
		mod_timer(&timer, jiffies + 1);
		wait_until(op_ran, TEST_WAIT_MS);
		del_timer_sync(&timer);
		break;
	case ROW_preempt_disabled:
		preempt_disable();
		do_op();
		preempt_enable();
		break;
	case ROW_irqs_disabled:
		local_irq_disable();
		do_op();
		local_irq_enable();
		break;
	case ROW_spin_lock_held:
		spin_lock(&row_lock[r]);
		do_op();
		spin_unlock(&row_lock[r]);
		break;
	case ROW_spin_lock_bh_held:
		spin_lock_bh(&row_lock[r]);
		do_op();
		spin_unlock_bh(&row_lock[r]);
		break;
	case ROW_bh_disabled:
		local_bh_disable();
		do_op();
		local_bh_enable();
		break;
	default:
		do_op();
		break;
	}
}

static bool interrupt_row(enum row r)
{
	return r == ROW_hardirq || r == ROW_nested_hardirq || r == ROW_softirq ||
	       r == ROW_timer_callback;
}

static int expected_reports(enum row r, enum col c)
{
	if (r == ROW_process_context || c == COL_kmalloc_gfp_atomic || c == COL_spin_lock)
		return 0;
	if (c == COL_mutex_trylock)
		return interrupt_row(r);
	return 1;
}

/* The report a cell provokes, or NULL for none. */
static const char *expected_report(enum row r, enum col c)
{
	if (!expected_reports(r, c))
		return NULL;
	if (c == COL_schedule)
		return "BUG: scheduling while atomic";
	if (c == COL_mutex_trylock)
		return "mutex_trylock(matrix_mutex) from interrupt context";
	if (c == COL_copy_to_user && interrupt_row(r))
		return "BUG: user memory accessed from interrupt context";
	return "BUG: sleeping function called from invalid context";
}

static void run_cell(struct kunit *test, enum row r, enum col c)
{
	unsigned long before = nosleep_reports();
	u8 byte_before = *(volatile u8 *)user_page;
	const char *report = expected_report(r, c);

	if (report)
		kunit_expect_report(test, "%s", report);
	where = r;
	op = c;
	op_ran = false;
	reinit_completion(&matrix_done);
	run_in_context(r);
	result[r][c] = nosleep_reports() - before;
	KUNIT_EXPECT_TRUE(test, op_ran); /* it ran and came back: the kernel carried on */
	KUNIT_EXPECT_EQ(test, result[r][c], expected_reports(r, c));
	if (c == COL_copy_to_user && interrupt_row(r)) /* refused without touching memory */
		KUNIT_EXPECT_EQ(test, *(volatile u8 *)user_page, byte_before);
	*(volatile u8 *)user_page = 0;
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&matrix_mutex));
	KUNIT_EXPECT_EQ(test, matrix_sem.count, 1u);
}

#define DEFINE_CELL(r, c) \
	static void r##__##c(struct kunit *test) { run_cell(test, ROW_##r, COL_##c); }
#define CELLS_OF_ROW(r) FOR_EACH_COL(DEFINE_CELL, r)
FOR_EACH_ROW(CELLS_OF_ROW)

static const char *const row_names[] = {
#define ROW_NAME(r) #r,
	FOR_EACH_ROW(ROW_NAME)
};
static const char *const col_names[] = {
#define COL_NAME(r, c) #c,
	FOR_EACH_COL(COL_NAME, _)
};


static unsigned int saved_irq_warn_us;

static int setup(struct kunit_suite *suite)
{
	(void)suite;
	/* The reports are printed from the handlers, which makes them slow: that is
	 * not what this suite looks at (seed_restrictions does). */
	saved_irq_warn_us = irq_warn_us;
	irq_warn_us = 1000000;
	open_softirq(SELFTEST_SOFTIRQ, softirq_op);
	for (int r = 0; r < NR_ROWS; r++) {
		/* One class per lock, so no row's use makes another row look unsafe. */
		__spin_lock_init(&row_lock[r], "row_lock", (struct lock_class_key *)&row_lock[r]);
		__spin_lock_init(&control_lock[r], "control_lock",
				 (struct lock_class_key *)&control_lock[r]);
	}
	init_completion(&matrix_done);
	user_page = map_test_user_page();
	if (!user_page)
		return -ENOMEM;
	if (request_irq(LINE, outer_handler, 0, "matrix", &where))
		return -EBUSY;
	return request_irq(INNER, inner_handler, 0, "matrix-inner", &op);
}

/* The matrix itself: a printout for the reader; each cell was a case. */
static void print_the_matrix(void)
{
	char line[200];
	int n;

	pr_info("atomic sleep matrix: R = reported, . = not reported; columns:\n");
	for (int c = 0; c < NR_COLS; c++)
		pr_info("  %2d %s%s\n", c + 1, col_names[c], c >= COL_kmalloc_gfp_atomic ? " (control)" : "");
	n = scnprintf(line, sizeof(line), "%-18s", "");
	for (int c = 0; c < NR_COLS; c++)
		n += scnprintf(line + n, sizeof(line) - n, " %2d", c + 1);
	pr_info("%s\n", line);
	for (int r = 0; r < NR_ROWS; r++) {
		n = scnprintf(line, sizeof(line), "%-18s", row_names[r]);
		for (int c = 0; c < NR_COLS; c++) {
			n += scnprintf(line + n, sizeof(line) - n, "  %c",
				       result[r][c] ? 'R' : '.');
		}
		pr_info("%s\n", line);
	}
}

static void teardown(struct kunit_suite *suite)
{
	(void)suite;
	print_the_matrix();
	irq_warn_us = saved_irq_warn_us;
	free_irq(LINE, &where);
	free_irq(INNER, &op);
	unmap_test_user_page(user_page);
}

#define CELL_CASE(r, c) KUNIT_CASE(r##__##c),
#define CASES_OF_ROW(r) FOR_EACH_COL(CELL_CASE, r)

static struct kunit_case atomic_sleep_matrix_cases[] = {
	FOR_EACH_ROW(CASES_OF_ROW)
	{}
};

static struct kunit_suite atomic_sleep_matrix_suite = {
	.name = "atomic_sleep_matrix",
	.suite_init = setup,
	.suite_exit = teardown,
	.test_cases = atomic_sleep_matrix_cases,
};
kunit_test_suite(atomic_sleep_matrix_suite);
