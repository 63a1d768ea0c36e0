/* Helpers shared by the in-kernel suites. */
#ifndef _TESTS_KERNEL_HELPERS_H
#define _TESTS_KERNEL_HELPERS_H
#include <asm/io.h>
#include <asm/pgtable.h>
#include <asm/tsc.h>
#include <linux/cpumask.h>
#include <linux/gfp.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/kallsyms.h>
#include <linux/kthread.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/string.h>

/* int_thunks[n]() executes `int n` (tests/kernel/int_thunks.asm). */
extern void (*const int_thunks[256])(void);

/* Waits with interrupts enabled until cond holds or `ms` milliseconds pass
 * (measured with the TSC, so it works even if the tick is broken). Tasks
 * that are runnable on this CPU get it meanwhile: the waiter is runnable
 * itself, and would otherwise keep them waiting for its whole time slice
 * (a test's threads handing a mutex round would crawl). With nobody else to
 * run, the CPU halts until the next interrupt. A deadline found passed gets
 * one last look at cond, as Linux's wait_event_timeout() has: a host that did
 * not run this CPU across the deadline must not turn an event that came
 * meanwhile into a timeout. The result is the evaluation that ended the
 * loop: a cond found true is not evaluated again, because a condition that
 * can turn false again (two counters an interrupt moves one after the other)
 * would then report a timeout after 30 ms of a 20 s wait. Suite wait_until. */
#define wait_until(cond, ms)                                                      \
	({                                                                        \
		u64 __end = rdtsc() + (u64)tsc_khz * (ms);                        \
		bool __met;                                                       \
		while (!(__met = (cond))) {                                       \
			if (rdtsc() >= __end) {                                   \
				__met = (cond);                                   \
				break;                                            \
			}                                                         \
			if (!in_atomic() && !irqs_disabled() && !single_task_running()) \
				yield();                                          \
			else                                                      \
				safe_halt();                                      \
		}                                                                 \
		__met;                                                            \
	})

/* The end of a test kthread that kthread_stop() ends: it sleeps until asked
 * to stop, and must not return before (it could then be freed before
 * kthread_stop() looks at it). The state is set before the test, so the
 * stop's wake-up is never lost. */
static inline void sleep_until_kthread_stop(void)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (kthread_should_stop())
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
}

/* Whether p has gone to sleep in `state`: it is off its runqueue, so whatever
 * it waits for (a completion, a mutex, a wait queue) has it queued now. */
static inline bool task_asleep(const struct task_struct *p, long state)
{
	return READ_ONCE(p->state) == state && !READ_ONCE(p->on_rq);
}

/* Every one of the n tasks has settled: asleep, either still waiting for
 * what it waits for (TASK_UNINTERRUPTIBLE) or through it and asleep in
 * sleep_until_kthread_stop() (TASK_INTERRUPTIBLE). */
static inline bool tasks_settled(struct task_struct **t, int n)
{
	for (int i = 0; i < n; i++)
		if (!task_asleep(t[i], TASK_UNINTERRUPTIBLE) && !task_asleep(t[i], TASK_INTERRUPTIBLE))
			return false;
	return true;
}

/* How long a test waits for what must happen soon, in ms: a safety net that
 * turns a hang into a failed case, never a measure of speed. */
#define TEST_WAIT_MS 20000

/* Waits (sleeping) until jiffies is past `when`: for checks that something
 * due by then has not happened. The tick is the observable state. */
static inline void wait_jiffies_past(unsigned long when)
{
	while (!time_after(jiffies, when))
		schedule_timeout_uninterruptible(1);
}

/* Waits until p sleeps in `state` (see task_asleep); false after TEST_WAIT_MS. */
#define wait_until_asleep(p, state) wait_until(task_asleep(p, state), TEST_WAIT_MS)

/* nr_threads() once no task is on its way out. A thread that an earlier case
 * stopped may still be dying (kthread_stop() returns before its CPU has
 * switched away from it for the last time); counted now, it would make a
 * later "back to where we were" count fall one further. */
static inline unsigned int nr_threads_settled(void)
{
	wait_until(!nr_exiting_tasks(), TEST_WAIT_MS);
	return nr_threads();
}

/* Whether a return address lies in the function called `name`. */
static inline bool addr_in_function(unsigned long addr, const char *name)
{
	const char *found = kallsyms_lookup(addr - 1, NULL, NULL);
	return found && !strcmp(found, name);
}

/* A page mapped at a user address in the current address space, for tests of
 * user-memory access (kernel threads share swapper_pg_dir, whose user half is
 * otherwise empty). */
#define TEST_USER_ADDR 0x10000000ul

static inline void *map_test_user_page(void)
{
	unsigned long page = get_zeroed_page(GFP_KERNEL);

	if (page && map_user_page(current_pgd(), TEST_USER_ADDR, __pa(page), true)) {
		free_page(page);
		page = 0;
	}
	return (void *)page;
}

static inline void unmap_test_user_page(void *page)
{
	unmap_user_page(current_pgd(), TEST_USER_ADDR);
	free_page((unsigned long)page);
}

/* QEMU's fw_cfg device (selector port 0x510, data port 0x511): what QEMU was
 * told on its command line, to compare with what Janus found by itself. */
#define FW_CFG_SIGNATURE 0x00
#define FW_CFG_RAM_SIZE 0x03
#define FW_CFG_NB_CPUS 0x05

static inline void fw_cfg_read(u16 key, void *buf, size_t len)
{
	outw(key, 0x510);
	for (size_t i = 0; i < len; i++)
		((u8 *)buf)[i] = inb(0x511);
}

/* Whether the machine has QEMU's fw_cfg device (its signature reads "QEMU"). */
static inline bool fw_cfg_present(void)
{
	char sig[4];

	fw_cfg_read(FW_CFG_SIGNATURE, sig, sizeof(sig));
	return !memcmp(sig, "QEMU", 4);
}

/* The number of CPUs QEMU was started with, or 0 without fw_cfg. */
static inline unsigned int qemu_nr_cpus(void)
{
	u16 n = 0;

	if (fw_cfg_present())
		fw_cfg_read(FW_CFG_NB_CPUS, &n, sizeof(n));
	return n;
}

/* The RAM QEMU was started with (-m), in bytes, or 0 without fw_cfg. */
static inline u64 qemu_ram_bytes(void)
{
	u64 n = 0;

	if (fw_cfg_present())
		fw_cfg_read(FW_CFG_RAM_SIZE, &n, sizeof(n));
	return n;
}

/* Runs fn(i, data) for i < n in n kthreads at once, thread i bound to CPU
 * i % num_online_cpus() (tests/kernel/cpu_threads.c). 0, or minus the number
 * of threads whose fn returned non-zero, or -ENOMEM. */
#define MAX_CPU_THREADS 16
int run_on_cpus(unsigned int n, int (*fn)(unsigned int i, void *data), void *data);
/* Enough threads to contend: one per CPU, but at least two. */
#define NR_CONTENDERS (num_online_cpus() < 2 ? 2u : num_online_cpus())

/* What /dev/selftest's ST_LEAK leaves held (tests/kernel/selftest_dev.c). */
#include <linux/mutex.h>
extern spinlock_t selftest_leak_spinlock;
extern struct mutex selftest_leak_mutex;
/* Interrupts nested `levels` deep (2 .. IRQ_SIM_LINES), each level a
 * simulated line whose handler raises the next (tests/kernel/irq_nest.c).
 * 0 and *r filled in, or a negative errno. */
struct irq_nest_result {
	unsigned int levels;          /* how many handlers ran */
	unsigned long bytes_per_level; /* hardirq stack per nesting level */
	unsigned long deepest_free;   /* bytes left below the deepest handler */
};
int irq_nest(unsigned int levels, struct irq_nest_result *r);

/* Runs path (from the initrd) with the arguments that follow (NULL-ended) as
 * a child of current, and waits for it (tests/kernel/user_programs.c): its
 * wait status (WIFEXITED/WEXITSTATUS of include/uapi/linux/wait.h), or a
 * negative errno if it could not start. *pid (if not NULL): its pid. */
int run_user_program(pid_t *pid, const char *path, ...);
/* The same without waiting: its pid (kernel_wait() it), or a negative errno. */
long start_user_program(const char *path, ...);

#endif
