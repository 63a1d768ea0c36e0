/*
 * KTAP suite `net_timeline`: the scenario of `make timeline-net`
 * (tools/timeline.py --net, docs/networking.md). With the tracer on (irq:,
 * napi:, net:, sched:, raw_syscalls:), pingd waits in recv() on eth1 and
 * ping sends one echo request from eth0: the frame's interrupt, the NET_RX
 * softirq's poll, the socket's tap, pingd woken and its reply, and the same
 * path back to ping. The case checks that ping got its answer, then prints
 * the trace between "net_timeline: begin trace" and "net_timeline: end
 * trace" for the tool to draw (the configuration checks the events are in
 * it). Skips without the two cards or with the tracer off.
 */
#include <kunit/test.h>
#include <linux/sched/task.h>
#include <linux/trace.h>
#include <uapi/linux/wait.h>
#include "helpers.h"
#include "net_helpers.h"
#include "user_helpers.h"

static void one_ping_traced(struct kunit *test)
{
	struct e1000_adapter *tx, *rx;
	int status = -1;
	long pingd;

	need_two_cards(test, &tx, &rx);
	if (!tracing_is_on())
		kunit_skip(test, "needs the tracer: trace=irq:,napi:,net:,sched:,raw_syscalls:");
	pingd = start_user_program("/bin/pingd", "eth1", "10.0.0.2", "1", NULL);
	KUNIT_ASSERT_GT(test, pingd, 0);
	trace_clear(); /* the picture starts here */
	KUNIT_EXPECT_PROGRAM_PASSES(test, run_user_program(NULL, "/bin/ping", "-I", "eth0", "-c", "1",
							   "10.0.0.2", NULL));
	KUNIT_EXPECT_EQ(test, kernel_wait(pingd, &status, 0), pingd);
	KUNIT_EXPECT_TRUE(test, WIFEXITED(status) && WEXITSTATUS(status) == 0);
	tracing_off();
	pr_info("net_timeline: begin trace\n");
	trace_print_buffer();
	pr_info("net_timeline: end trace\n");
}

static struct kunit_case net_timeline_cases[] = {
	KUNIT_CASE(one_ping_traced),
	{}
};

static struct kunit_suite net_timeline_suite = {
	.name = "net_timeline",
	.test_cases = net_timeline_cases,
};
kunit_test_suite(net_timeline_suite);
