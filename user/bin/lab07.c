/*
 * lab07: the checks of lab 7 (labs/07-napi): e1000napi.ko, the kernel's
 * e1000 driver with the student's NAPI part, on QEMU's two e1000 cards
 * joined by its in-process hub. Numbered frames go out of eth0 and come
 * back in on eth1 through AF_PACKET sockets; each is checked (intact, in
 * order). A frame that does not come back must be counted: by the card
 * (missed, a full ring: /proc/net/dev's drop column) or by the socket
 * (PACKET_STATISTICS). The kernel's reports (a poll over its budget, a
 * frame passed up in hardirq context, NAPI left enabled at close) fail the
 * check they come in (tools/grade.py).
 *
 *     lab07          run every check (as the grader does)
 */
#include <errno.h>
#include <lab.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include "packet_pair.h"

#define MODULE "e1000napi"
#define FRAME_TYPE 0x88b5 /* IEEE 802 local experimental */
#define LEN 100
#define BURSTS 30
#define BURST 200         /* fewer than the ring's 256 descriptors: none may be missed */
#define FLOOD 4000
#define WAIT_MS 5000      /* the longest a frame may take once nothing else is sent */

static struct packet_pair pair = { .tx = -1, .rx = -1 };

struct tally {
	unsigned long got, bad, reordered;
	unsigned int next; /* the number the next frame should have */
};

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void close_sockets(void)
{
	pair_close(&pair);
}

/* eth0 and eth1 up, a socket to send on eth0 and one to read eth1: 1, or 0. */
static int open_sockets(void)
{
	int rcvbuf = 1 << 20;

	if (pair_open(&pair, "eth0", "eth1", FRAME_TYPE))
		return 0;
	if (!setsockopt(pair.rx, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf)))
		return 1;
	close_sockets();
	return 0;
}

/*
 * Frame number @seq out of eth0: 0, or the error. While eth0's ring is full
 * (its poll frees the sent buffers) it tries again, for up to WAIT_MS: a
 * driver whose poll never runs does not hang the checks.
 */
static int send_frame(int fd, unsigned int seq)
{
	long start = now_ms();

	pair_number(&pair, seq, LEN);
	while (sendto(fd, pair.frame, LEN, MSG_DONTWAIT, (struct sockaddr *)&pair.dst,
		      sizeof(pair.dst)) != LEN) {
		if (errno != EAGAIN)
			return errno;
		if (now_ms() - start > WAIT_MS)
			return ETIMEDOUT;
		usleep(1000);
	}
	return 0;
}

static void tally_frame(struct tally *t, const unsigned char *got, int n)
{
	unsigned int seq;

	if (!pair_intact(got, n, LEN, &seq)) {
		t->bad++;
		return;
	}
	if (seq < t->next)
		t->reordered++;
	t->next = seq + 1;
	t->got++;
}

/* Reads what eth1 has; until @want frames came, or @ms passed without one. */
static void receive(struct tally *t, unsigned long want, long ms)
{
	static unsigned char got[ETH_FRAME_LEN];
	long last = now_ms();
	int n;

	while (t->got < want && now_ms() - last < ms) {
		n = recv(pair.rx, got, sizeof(got), 0);
		if (n > 0) {
			tally_frame(t, got, n);
			last = now_ms();
		} else {
			usleep(2000);
		}
	}
}

/* eth1's received and dropped frames (/proc/net/dev: packets, drop): 1, or 0. */
static int eth1_counts(unsigned long *packets, unsigned long *drops)
{
	static char text[2048];
	char *line;

	if (lab_read_file("/proc/net/dev", text, sizeof(text)) <= 0 || !(line = strstr(text, "eth1:")))
		return 0;
	line += 5;
	strtol(line, &line, 10); /* bytes */
	*packets = strtol(line, &line, 10);
	strtol(line, &line, 10); /* errs */
	*drops = strtol(line, &line, 10);
	return 1;
}

/* Frames the socket on eth1 dropped since the last call (a full receive queue). */
static unsigned long socket_drops(void)
{
	struct tpacket_stats st = { 0 };
	socklen_t len = sizeof(st);

	getsockopt(pair.rx, SOL_PACKET, PACKET_STATISTICS, &st, &len);
	return st.tp_drops;
}

/* Frames @first... one at a time, each waited for up to @ms: how many came, intact. */
static int one_by_one(unsigned int first, int frames, long gap_us, long ms)
{
	struct tally t = { .next = first };

	for (int i = 0; i < frames; i++) {
		usleep(gap_us);
		if (send_frame(pair.tx, first + i))
			return i;
		receive(&t, i + 1, ms);
		if (t.got != (unsigned long)i + 1 || t.bad || t.reordered)
			return i;
	}
	return frames;
}

static void load(void)
{
	lab_begin("load");
	if (lab_insmod(MODULE)) {
		lab_end(0, "insmod %s failed", MODULE);
		return;
	}
	lab_end(open_sockets(), "eth0 and eth1 did not come up, or no AF_PACKET socket on them");
}

/*
 * A backlog: frames sent at once after the interface came up. QEMU's card
 * holds reception off for a second after it is enabled (RCTL): the frames
 * wait in QEMU's queue, then fill the ring at once, so the first polls find
 * far more than their budget. All must arrive, in order.
 */
static void backlog(void)
{
	struct tally t = { .next = 500000 };
	int err = 0;

	lab_begin("backlog");
	for (int i = 0; i < BURST && !err; i++)
		err = send_frame(pair.tx, 500000 + i);
	receive(&t, BURST, WAIT_MS);
	lab_end(!err && t.got == BURST && !t.bad && !t.reordered,
		"%lu of the %d frames sent right after the interface came up arrived (%lu damaged, %lu out of order)",
		t.got, BURST, t.bad, t.reordered);
}

static void first_frames(void)
{
	int n;

	lab_begin("first_frames");
	n = one_by_one(1, 5, 100000, 3000);
	lab_end(n == 5, "frame %d of 5, sent one at a time, did not arrive intact within 3 s", n + 1);
}

/* Bursts of BURST frames, fewer than the ring holds: every one arrives, in order. */
static void bursts(void)
{
	unsigned long p0, d0, p1, d1, drops;
	struct tally t = { .next = 1000 };
	unsigned int seq = 1000;
	int err = 0;

	lab_begin("bursts");
	eth1_counts(&p0, &d0);
	socket_drops();
	for (int b = 0; b < BURSTS && !err; b++) {
		for (int i = 0; i < BURST && !err; i++)
			err = send_frame(pair.tx, seq++);
		receive(&t, (unsigned long)(b + 1) * BURST, WAIT_MS);
		if (t.got != (unsigned long)(b + 1) * BURST)
			break;
	}
	eth1_counts(&p1, &d1);
	drops = socket_drops();
	printf("lab07: bursts: %u sent, %lu received (%lu damaged, %lu out of order), eth1 counted %lu, dropped %lu + %lu\n",
	       seq - 1000, t.got, t.bad, t.reordered, p1 - p0, d1 - d0, drops);
	lab_end(!err && t.got == BURSTS * BURST && !t.bad && !t.reordered && p1 - p0 == t.got &&
		d1 == d0 && !drops,
		"%lu of %d frames arrived (%lu damaged, %lu out of order), eth1's rx_packets rose by %lu",
		t.got, BURSTS * BURST, t.bad, t.reordered, p1 - p0);
}

/* Sends FLOOD frames as fast as eth0 takes them; writes how many it sent to @fd. */
static void flood_sender(int fd)
{
	unsigned int sent = 0;

	while (sent < FLOOD && !send_frame(pair.tx, 100000 + sent))
		sent++;
	write(fd, &sent, sizeof(sent));
	exit(0);
}

/* A child floods eth0 -> eth1 while this process reads eth1. */
static void flood(void)
{
	unsigned long p0, d0, p1, d1, drops = 0, lost;
	struct tally t = { .next = 100000 };
	unsigned int sent = 0;
	int status, done = 0, fds[2];
	pid_t pid;

	lab_begin("flood");
	eth1_counts(&p0, &d0);
	socket_drops();
	if (pipe(fds) || (pid = fork()) < 0) {
		lab_end(0, "pipe or fork failed");
		return;
	}
	if (pid == 0)
		flood_sender(fds[1]);
	close(fds[1]);
	/* Until the sender is done and every frame it sent is accounted for, or nothing moves for WAIT_MS. */
	for (long last = now_ms(); now_ms() - last < WAIT_MS;) {
		unsigned long before = t.got;

		receive(&t, FLOOD, 50);
		if (t.got != before)
			last = now_ms();
		if (!done && waitpid(pid, &status, WNOHANG) == pid) {
			done = 1;
			last = now_ms();
			read(fds[0], &sent, sizeof(sent));
		}
		eth1_counts(&p1, &d1);
		drops += socket_drops();
		if (done && t.got + drops + (d1 - d0) >= sent)
			break;
	}
	if (!done) {
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
	}
	close(fds[0]);
	eth1_counts(&p1, &d1);
	drops += socket_drops();
	lost = sent - t.got - drops - (d1 - d0);
	printf("lab07: flood: %u sent, %lu received (%lu damaged, %lu out of order), %lu missed by the card, %lu dropped by the socket\n",
	       sent, t.got, t.bad, t.reordered, d1 - d0, drops);
	lab_end(sent == FLOOD && !lost && t.got && !t.bad && !t.reordered && p1 - p0 == t.got + drops,
		"%u of %d frames sent (eth0's ring stays full unless its poll frees it); %ld frames lost without being counted, %lu damaged, %lu out of order; eth1 counted %lu, the socket took %lu",
		sent, FLOOD, (long)lost, t.bad, t.reordered, p1 - p0, t.got + drops);
}

/* After a quiet second (the poll completed, the card unmasked), frames still interrupt. */
static void quiet_then_traffic(void)
{
	int n;

	lab_begin("quiet_then_traffic");
	sleep(1);
	n = one_by_one(200000, 5, 200000, 2000);
	lab_end(n == 5, "after a quiet second, frame %d of 5 did not arrive intact within 2 s", n + 1);
}

/* rmmod while a child floods eth0 -> eth1; then load, check, unload again. */
static int unload_round(void)
{
	unsigned long p0, d0, p1 = 0, d1;
	int status, ok;
	pid_t pid;

	eth1_counts(&p0, &d0);
	pid = fork();
	if (pid == 0) {
		for (unsigned int i = 0;; i++)
			if (send_frame(pair.tx, i))
				exit(0); /* the interface went away */
	}
	if (pid < 0)
		return 0;
	for (long start = now_ms(); now_ms() - start < WAIT_MS && p1 < p0 + 200;)
		if (!eth1_counts(&p1, &d1))
			break;
	close_sockets();
	ok = lab_rmmod(MODULE) == 0 && !lab_module_loaded(MODULE);
	for (int i = 0; i < 100 && waitpid(pid, &status, WNOHANG) != pid; i++)
		usleep(50000);
	if (waitpid(pid, &status, WNOHANG) == 0) {
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
	}
	return ok && p1 >= p0 + 200;
}

static void unload_under_traffic(void)
{
	int round = 0;

	lab_begin("unload_under_traffic");
	for (; round < 3; round++) {
		if (round && (lab_insmod(MODULE) || !open_sockets() || one_by_one(300000, 3, 0, 3000) != 3))
			break;
		if (!unload_round())
			break;
	}
	close_sockets();
	if (lab_module_loaded(MODULE))
		lab_rmmod(MODULE);
	lab_end(round == 3, "round %d of 3 (frames flowing, rmmod, insmod, frames again) failed",
		round + 1);
}

int main(void)
{
	load();
	backlog();
	first_frames();
	bursts();
	flood();
	quiet_then_traffic();
	unload_under_traffic();
	lab_done();
	return 0;
}
