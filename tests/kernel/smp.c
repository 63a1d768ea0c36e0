/*
 * KTAP suite `smp`: the CPUs that arch/x86/smpboot.c brought up, and what is
 * per CPU about them. Every online CPU answers a function-call IPI in hardirq
 * context, on its own interrupt stack, with its own CPU number, APIC id,
 * per-CPU area and `current`; tasks start on the least loaded CPU, stay where
 * they are bound, move when told, are woken across CPUs by a reschedule IPI;
 * a kernel mapping changed on one CPU is flushed from the TLBs of all.
 */
#include <asm/acpi.h>
#include <asm/apic.h>
#include <asm/irq.h>
#include <asm/irq_vectors.h>
#include <asm/pgtable.h>
#include <asm/smp.h>
#include <asm/tlbflush.h>
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/hardirq.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/vmalloc.h>
#include "helpers.h"

static void all_cpus_are_online(struct kunit *test)
{
	unsigned int expected = 1, qemu = qemu_nr_cpus();

	if (apic_in_use)
		expected = min(acpi_madt.nr_cpus, setup_max_cpus);
	KUNIT_EXPECT_EQ(test, num_online_cpus(), expected);
	KUNIT_EXPECT_EQ(test, smp_boot_failures, 0u);
	if (apic_in_use && qemu && setup_max_cpus >= qemu)
		KUNIT_EXPECT_EQ(test, num_online_cpus(), qemu);
	for (int cpu = 0; cpu < (int)num_online_cpus(); cpu++)
		KUNIT_EXPECT_TRUE(test, cpu_online(cpu)); /* numbered without holes */
}

/* What a CPU says about itself from inside a function-call IPI. */
struct self_report {
	int cpu;
	u8 apic_id;
	bool in_hardirq, irqs_off;
	unsigned long sp, percpu_off;
	struct task_struct *curr;
	int curr_cpu;
};

static void report_self(void *data)
{
	struct self_report *r = &((struct self_report *)data)[smp_processor_id()];

	r->cpu = smp_processor_id();
	r->apic_id = apic_in_use ? lapic_id() : 0;
	r->in_hardirq = in_hardirq();
	r->irqs_off = irqs_disabled();
	r->sp = current_stack_pointer();
	r->percpu_off = this_cpu_read(this_cpu_off);
	r->curr = current;
	r->curr_cpu = current->cpu;
}

static void each_cpu_answers_in_hardirq_as_itself(struct kunit *test)
{
	struct self_report r[NR_CPUS] = { { 0 } };
	int cpu, me, ret;

	for_each_online_cpu(cpu) {
		r[cpu].cpu = -1;
		me = get_cpu(); /* which CPU asked: a task may move between calls */
		ret = smp_call_function_single(cpu, report_self, r, 1);
		put_cpu();
		KUNIT_ASSERT_EQ(test, ret, 0);
		KUNIT_EXPECT_EQ(test, r[cpu].cpu, cpu);
		if (apic_in_use) /* the hardware's word for who this is */
			KUNIT_EXPECT_EQ(test, r[cpu].apic_id, cpu_to_apic_id[cpu]);
		KUNIT_EXPECT_TRUE(test, r[cpu].irqs_off);
		KUNIT_EXPECT_EQ(test, r[cpu].curr_cpu, cpu); /* whoever runs there is on that CPU */
		if (cpu != me) /* remote: from the IPI */
			KUNIT_EXPECT_TRUE(test, r[cpu].in_hardirq);
	}
}

/* Whether sp is in the interrupt stack that ends at top. An interrupt that
 * comes while its CPU runs softirqs stays on the softirq stack
 * (arch/x86/entry.asm), as in Linux: that is where an IPI may run too. */
static bool on_irq_stack(unsigned long sp, unsigned long top)
{
	return sp < top && sp >= top - IRQ_STACK_SIZE;
}

static void interrupt_stacks_and_per_cpu_areas_are_per_cpu(struct kunit *test)
{
	struct self_report r[NR_CPUS] = { { 0 } };
	int cpu, other, me;

	me = get_cpu(); /* the CPU that runs it itself, not from an IPI */
	on_each_cpu(report_self, r, 1);
	put_cpu();
	for_each_online_cpu(cpu) {
		unsigned long top = per_cpu(hardirq_stack_top, cpu);

		KUNIT_EXPECT_EQ(test, r[cpu].percpu_off, __per_cpu_offset[cpu]);
		if (cpu != me) /* the IPI ran on an interrupt stack of that CPU */
			KUNIT_EXPECT_TRUE(test, on_irq_stack(r[cpu].sp, top) ||
						on_irq_stack(r[cpu].sp, per_cpu(softirq_stack_top, cpu)));
		for_each_online_cpu(other) {
			if (other == cpu)
				continue;
			KUNIT_EXPECT_NE(test, top, per_cpu(hardirq_stack_top, other));
			KUNIT_EXPECT_NE(test, per_cpu(softirq_stack_top, cpu),
					per_cpu(softirq_stack_top, other));
			KUNIT_EXPECT_NE(test, __per_cpu_offset[cpu], __per_cpu_offset[other]);
			KUNIT_EXPECT_PTR_NE(test, r[cpu].curr, r[other].curr);
		}
	}
}

struct pinned {
	struct completion started;
	int cpu;
	struct task_struct *self, *per_cpu_current;
	int pc_here;
};

/* Runs bound to one CPU, with preemption disabled until kthread_stop. */
static int pinned_thread(void *data)
{
	struct pinned *p = data;

	preempt_disable();
	p->cpu = smp_processor_id();
	p->self = current;
	p->per_cpu_current = per_cpu(current_task, p->cpu);
	p->pc_here = preempt_count();
	complete(&p->started);
	while (!kthread_should_stop())
		cpu_relax();
	preempt_enable();
	return 0;
}

/* @cpu's preempt_count once it reads @want (or the last value read, after
 * TEST_WAIT_MS). A single read may catch that CPU in an interrupt, which adds
 * its own offset and a level for each spinlock it takes (the tick takes the
 * runqueue lock), or its thread on the way out of complete(): the lock is
 * released before its preemption level is dropped, so the woken test thread
 * can look in between (seen: 2, on a host that paused that CPU there). */
static unsigned long preempt_count_of_task_on(int cpu, unsigned long want)
{
	unsigned long pc;

	wait_until((pc = READ_ONCE(per_cpu(__preempt_count, cpu))) == want, TEST_WAIT_MS);
	return pc;
}

/* One thread per other CPU, each with preemption disabled there: each is
 * `current` on its own CPU, and this CPU's preempt_count does not move. */
static void current_and_preempt_count_are_per_cpu(struct kunit *test)
{
	struct pinned p[NR_CPUS];
	struct task_struct *t[NR_CPUS];
	int me, cpu;

	if (num_online_cpus() < 2)
		kunit_skip(test, "one CPU");
	me = get_cpu();
	put_cpu();
	set_cpus_allowed(current, CPU_BIT(me));
	for_each_online_cpu(cpu) {
		if (cpu == me)
			continue;
		init_completion(&p[cpu].started);
		t[cpu] = kthread_create(pinned_thread, &p[cpu], "pinned/%d", cpu);
		KUNIT_ASSERT_FALSE(test, IS_ERR(t[cpu]));
		kthread_bind(t[cpu], cpu);
		wake_up_process(t[cpu]);
		wait_for_completion(&p[cpu].started);
	}
	for_each_online_cpu(cpu) {
		if (cpu == me)
			continue;
		KUNIT_EXPECT_EQ(test, p[cpu].cpu, cpu);
		KUNIT_EXPECT_PTR_EQ(test, p[cpu].self, t[cpu]);
		KUNIT_EXPECT_PTR_EQ(test, p[cpu].per_cpu_current, t[cpu]);
		KUNIT_EXPECT_PTR_EQ(test, per_cpu(current_task, cpu), t[cpu]);
		KUNIT_EXPECT_EQ(test, p[cpu].pc_here, 1);
		KUNIT_EXPECT_EQ(test, preempt_count_of_task_on(cpu, 1), 1ul);
	}
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
	KUNIT_EXPECT_PTR_EQ(test, current, per_cpu(current_task, me));
	for_each_online_cpu(cpu)
		if (cpu != me)
			kthread_stop(t[cpu]);
	set_cpus_allowed(current, CPU_BITS_ALL);
}

static unsigned int calls[NR_CPUS];
static bool calls_in_hardirq[NR_CPUS];

static void count_call(void *unused)
{
	(void)unused;
	calls[smp_processor_id()]++;
	calls_in_hardirq[smp_processor_id()] = in_hardirq();
}

static unsigned int sum_calls(void)
{
	unsigned int n = 0;
	int cpu;

	for_each_online_cpu(cpu)
		n += READ_ONCE(calls[cpu]);
	return n;
}

static void call_function_runs_once_on_each_target(struct kunit *test)
{
	unsigned int cal[NR_CPUS];
	int cpu, me = get_cpu();

	for_each_online_cpu(cpu)
		cal[cpu] = apic_in_use ? kstat_vector_cpu(CALL_FUNCTION_VECTOR, cpu) : 0;
	memset(calls, 0, sizeof(calls));
	smp_call_function(count_call, NULL, 1);
	for_each_online_cpu(cpu) {
		KUNIT_EXPECT_EQ(test, calls[cpu], cpu == me ? 0u : 1u);
		if (cpu != me) {
			KUNIT_EXPECT_TRUE(test, calls_in_hardirq[cpu]);
			KUNIT_EXPECT_GE(test, kstat_vector_cpu(CALL_FUNCTION_VECTOR, cpu), cal[cpu] + 1);
		}
	}
	memset(calls, 0, sizeof(calls));
	on_each_cpu(count_call, NULL, 1);
	for_each_online_cpu(cpu)
		KUNIT_EXPECT_EQ(test, calls[cpu], 1u);
	put_cpu();
}

/* Without wait the caller goes on at once; the calls still all happen, and
 * a second request to the same CPU waits for the first one's slot. */
static void call_function_without_wait_still_runs(struct kunit *test)
{
	int cpu;

	memset(calls, 0, sizeof(calls));
	for (int round = 0; round < 20; round++)
		for_each_online_cpu(cpu)
			KUNIT_ASSERT_EQ(test, smp_call_function_single(cpu, count_call, NULL, 0), 0);
	KUNIT_EXPECT_TRUE(test, wait_until(sum_calls() == 20 * num_online_cpus(), TEST_WAIT_MS));
	for_each_online_cpu(cpu)
		KUNIT_EXPECT_EQ(test, calls[cpu], 20u);
}

static void a_call_to_an_offline_cpu_is_refused(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, smp_call_function_single(NR_CPUS, count_call, NULL, 1), -ENXIO);
	KUNIT_EXPECT_EQ(test, smp_call_function_single(-1, count_call, NULL, 1), -ENXIO);
	if (num_online_cpus() < NR_CPUS)
		KUNIT_EXPECT_EQ(test, smp_call_function_single(num_online_cpus(), count_call, NULL, 1),
				-ENXIO);
}

struct spinner {
	int cpu;
};

/* Busy until kthread_stop(): it must not exit (and be freed) before. */
static int spin_and_note_cpu(void *data)
{
	struct spinner *s = data;

	s->cpu = smp_processor_id();
	while (!kthread_should_stop())
		cpu_relax();
	return 0;
}

/* Each new task goes where the fewest run. 2n busy tasks on n CPUs: once a
 * CPU has fewer than the others it gets the next one, so none is left out
 * (even if some other task happened to be runnable for a moment). */
static void new_tasks_go_to_the_least_loaded_cpu(struct kunit *test)
{
	unsigned int n = 2 * num_online_cpus();
	struct spinner s[2 * NR_CPUS] = { { 0 } };
	struct task_struct *t[2 * NR_CPUS];
	cpu_bits_t used = 0;

	if (num_online_cpus() < 2)
		kunit_skip(test, "one CPU");
	for (unsigned int i = 0; i < n; i++) {
		s[i].cpu = -1;
		t[i] = kthread_run(spin_and_note_cpu, &s[i], "spread/%u", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(t[i]));
	}
	for (unsigned int i = 0; i < n; i++) {
		KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(s[i].cpu) >= 0, TEST_WAIT_MS));
		used |= CPU_BIT(t[i]->cpu);
	}
	kunit_info(test, "%u busy tasks on CPUs %#llx", n, used);
	KUNIT_EXPECT_EQ(test, used, cpu_online_mask_bits());
	for (unsigned int i = 0; i < n; i++)
		kthread_stop(t[i]);
}

struct cpus_seen {
	cpu_bits_t cpus;
	unsigned int wakeups;
};

/* Sleeps and wakes up again and again (the subject), noting its CPU each time. */
static int note_cpus_while_sleeping(void *data)
{
	struct cpus_seen *seen = data;

	while (!kthread_should_stop()) {
		seen->cpus |= CPU_BIT(smp_processor_id()); /* only this thread writes it */
		msleep(1);
		WRITE_ONCE(seen->wakeups, seen->wakeups + 1);
	}
	return 0;
}

static void a_bound_task_stays_on_its_cpu(struct kunit *test)
{
	int cpu;

	for_each_online_cpu(cpu) {
		struct cpus_seen seen = { 0 };
		struct task_struct *t = kthread_create(note_cpus_while_sleeping, &seen, "bound/%d", cpu);

		KUNIT_ASSERT_FALSE(test, IS_ERR(t));
		kthread_bind(t, cpu);
		wake_up_process(t);
		/* Five wake-ups, each a chance to land on another CPU. */
		KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(seen.wakeups) >= 5, TEST_WAIT_MS));
		kthread_stop(t);
		KUNIT_EXPECT_EQ(test, seen.cpus, CPU_BIT(cpu));
	}
}

static void set_cpus_allowed_moves_the_running_task(struct kunit *test)
{
	int cpu, home = smp_processor_id();

	for_each_online_cpu(cpu) {
		KUNIT_ASSERT_EQ(test, set_cpus_allowed(current, CPU_BIT(cpu)), 0);
		KUNIT_EXPECT_EQ(test, smp_processor_id(), cpu); /* moved before the call returned */
		KUNIT_EXPECT_EQ(test, current->cpu, cpu);
		msleep(2); /* the subject, not a wait: a sleep and wake-up keep it there */
		KUNIT_EXPECT_EQ(test, smp_processor_id(), cpu);
	}
	KUNIT_EXPECT_EQ(test, set_cpus_allowed(current, 0), -EINVAL);
	set_cpus_allowed(current, CPU_BIT(home)); /* back where the suites run */
	KUNIT_EXPECT_EQ(test, set_cpus_allowed(current, CPU_BITS_ALL), 0);
}

struct sleeper {
	struct completion go, done;
	int ran_on;
};

static int sleep_then_note_cpu(void *data)
{
	struct sleeper *s = data;

	wait_for_completion(&s->go);
	s->ran_on = smp_processor_id();
	complete(&s->done);
	return 0;
}

/* A sleeping task that is moved wakes up on its new CPU; waking it from
 * here sends that CPU (idle, halted) a reschedule IPI. */
static void a_remote_wakeup_sends_a_reschedule_ipi(struct kunit *test)
{
	struct sleeper s;
	struct task_struct *t;
	unsigned int res;
	int me, target;

	if (num_online_cpus() < 2)
		kunit_skip(test, "one CPU");
	me = get_cpu();
	put_cpu();
	set_cpus_allowed(current, CPU_BIT(me));
	target = (me + 1) % num_online_cpus();
	init_completion(&s.go);
	init_completion(&s.done);
	t = kthread_create(sleep_then_note_cpu, &s, "sleeper");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	kthread_bind(t, me);
	sched_set_prio(t, 5); /* outranks whatever runs there: its wake-up must preempt */
	wake_up_process(t);
	KUNIT_ASSERT_TRUE(test, wait_until_asleep(t, TASK_UNINTERRUPTIBLE)); /* in wait_for_completion */
	KUNIT_EXPECT_EQ(test, set_cpus_allowed(t, CPU_BIT(target)), 0);
	KUNIT_EXPECT_EQ(test, t->cpu, target);
	res = kstat_vector_cpu(RESCHEDULE_VECTOR, target);
	complete(&s.go);
	wait_for_completion(&s.done);
	KUNIT_EXPECT_EQ(test, s.ran_on, target);
	KUNIT_EXPECT_GE(test, kstat_vector_cpu(RESCHEDULE_VECTOR, target), res + 1);
	set_cpus_allowed(current, CPU_BITS_ALL);
}

struct tlb_probe {
	volatile u32 *addr;
	u32 value;
};

static void read_probe(void *data)
{
	struct tlb_probe *p = data;

	p->value = *p->addr;
}

/* One CPU points a kernel virtual address at another page; after
 * flush_tlb_kernel_range() every CPU sees the new page, not a stale TLB entry. */
static void a_changed_kernel_mapping_is_seen_by_every_cpu(struct kunit *test)
{
	u32 *v = vmalloc(PAGE_SIZE);
	unsigned long other_page = get_zeroed_page(GFP_KERNEL);
	phys_addr_t old_phys;
	struct tlb_probe probe;
	int cpu, me;

	KUNIT_ASSERT_NOT_NULL(test, v);
	KUNIT_ASSERT_NE(test, other_page, 0ul);
	me = get_cpu();
	put_cpu();
	set_cpus_allowed(current, CPU_BIT(me));
	*v = 0xaaaa;
	*(u32 *)other_page = 0xbbbb;
	probe.addr = v;
	for_each_online_cpu(cpu) { /* every CPU caches the translation */
		KUNIT_ASSERT_EQ(test, smp_call_function_single(cpu, read_probe, &probe, 1), 0);
		KUNIT_EXPECT_EQ(test, probe.value, 0xaaaau);
	}
	old_phys = vmalloc_pte_phys((unsigned long)v);
	set_vmalloc_pte((unsigned long)v, __pa(other_page), _PAGE_PRESENT | _PAGE_RW);
	for_each_online_cpu(cpu) {
		if (cpu == me)
			continue;
		smp_call_function_single(cpu, read_probe, &probe, 1);
		kunit_info(test, "CPU%d before the shootdown: %s", cpu,
			   probe.value == 0xaaaa ? "the old page (stale TLB entry)" : "the new page");
	}
	flush_tlb_kernel_range((unsigned long)v, (unsigned long)v + PAGE_SIZE);
	for_each_online_cpu(cpu) {
		KUNIT_ASSERT_EQ(test, smp_call_function_single(cpu, read_probe, &probe, 1), 0);
		KUNIT_EXPECT_EQ(test, probe.value, 0xbbbbu);
	}
	set_vmalloc_pte((unsigned long)v, old_phys, _PAGE_PRESENT | _PAGE_RW);
	flush_tlb_kernel_range((unsigned long)v, (unsigned long)v + PAGE_SIZE);
	vfree(v);
	free_page(other_page);
	set_cpus_allowed(current, CPU_BITS_ALL);
}

static struct kunit_case smp_cases[] = {
	KUNIT_CASE(all_cpus_are_online),
	KUNIT_CASE(each_cpu_answers_in_hardirq_as_itself),
	KUNIT_CASE(interrupt_stacks_and_per_cpu_areas_are_per_cpu),
	KUNIT_CASE(current_and_preempt_count_are_per_cpu),
	KUNIT_CASE(call_function_runs_once_on_each_target),
	KUNIT_CASE(call_function_without_wait_still_runs),
	KUNIT_CASE(a_call_to_an_offline_cpu_is_refused),
	KUNIT_CASE(new_tasks_go_to_the_least_loaded_cpu),
	KUNIT_CASE(a_bound_task_stays_on_its_cpu),
	KUNIT_CASE(set_cpus_allowed_moves_the_running_task),
	KUNIT_CASE(a_remote_wakeup_sends_a_reschedule_ipi),
	KUNIT_CASE(a_changed_kernel_mapping_is_seen_by_every_cpu),
	{}
};

static struct kunit_suite smp_suite = {
	.name = "smp",
	.test_cases = smp_cases,
};
kunit_test_suite(smp_suite);
