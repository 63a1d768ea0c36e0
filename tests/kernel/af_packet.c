/*
 * KTAP suite `af_packet`: AF_PACKET sockets (net/socket.c,
 * net/packet/af_packet.c) driven from user mode as a Linux program drives
 * them, by user/bin/packet_test, between eth0 and eth1 on QEMU's hub.
 * Each case runs one case of the program, which says what failed. Skips
 * without the two cards (every configuration but the net ones).
 */
#include <kunit/test.h>
#include "helpers.h"
#include "net_helpers.h"
#include "user_helpers.h"

static void run_case(struct kunit *test, const char *name)
{
	struct e1000_adapter *tx, *rx;

	need_two_cards(test, &tx, &rx);
	KUNIT_EXPECT_PROGRAM_PASSES(test, run_user_program(NULL, "/bin/packet_test", name, NULL));
}

/* socket, bind to an ifindex, sendto, recvfrom with its sockaddr_ll; PACKET_OUTGOING. */
static void raw_frames_cross_between_two_bound_sockets(struct kunit *test)
{
	run_case(test, "frames");
}

/* The same calls through i386's socketcall(2). */
static void socketcall_reaches_the_same_calls(struct kunit *test)
{
	run_case(test, "socketcall");
}

/* sendmsg and recvmsg: several buffers, MSG_TRUNC in msg_flags. */
static void sendmsg_gathers_and_recvmsg_scatters(struct kunit *test)
{
	run_case(test, "msg");
}

/* SOCK_DGRAM: the Ethernet header made from the address and taken off. */
static void dgram_sockets_send_and_receive_payloads(struct kunit *test)
{
	run_case(test, "dgram");
}

/* Linux's errno for every bad argument. */
static void bad_arguments_get_linux_errors(struct kunit *test)
{
	run_case(test, "errors");
}

/* A full receive queue drops frames, and PACKET_STATISTICS counts them. */
static void a_full_queue_drops_and_counts(struct kunit *test)
{
	run_case(test, "drops");
}

static struct kunit_case af_packet_cases[] = {
	KUNIT_CASE(raw_frames_cross_between_two_bound_sockets),
	KUNIT_CASE(socketcall_reaches_the_same_calls),
	KUNIT_CASE(sendmsg_gathers_and_recvmsg_scatters),
	KUNIT_CASE(dgram_sockets_send_and_receive_payloads),
	KUNIT_CASE(bad_arguments_get_linux_errors),
	KUNIT_CASE(a_full_queue_drops_and_counts),
	{}
};

static struct kunit_suite af_packet_suite = {
	.name = "af_packet",
	.test_cases = af_packet_cases,
};
kunit_test_suite(af_packet_suite);
