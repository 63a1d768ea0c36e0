/*
 * packet_test CASE: AF_PACKET sockets as a Linux program uses them, between
 * eth0 and eth1 joined by QEMU's hub (net/packet/af_packet.c). Run by the
 * kernel's `af_packet` suite (tests/kernel/af_packet.c).
 *
 *   frames     socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL)), bind to an
 *              ifindex, sendto/recvfrom: frames intact and in order, the
 *              sockaddr_ll of each, PACKET_OUTGOING for a third socket,
 *              a protocol filter, MSG_TRUNC and MSG_PEEK, getsockname
 *   socketcall the same through socketcall(2), i386's one socket call
 *   msg        sendmsg and recvmsg: a frame gathered from three buffers and
 *              scattered into two, MSG_TRUNC in msg_flags when they are short
 *   dgram      SOCK_DGRAM: the header made from sockaddr_ll, and taken off
 *   errors     every bad argument gets Linux's errno
 *   drops      a reader that does not read loses frames once its queue is
 *              full, and PACKET_STATISTICS counts them
 */
#include <arpa/inet.h>
#include <check.h>
#include <errno.h>
#include <linux/net.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <netpacket/packet.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

#define TEST_TYPE 0x88b5  /* IEEE 802 local experimental */
#define OTHER_TYPE 0x88b6
#define FRAMES 100

struct iface {
	int index;
	unsigned char mac[ETH_ALEN];
};

static struct iface eth0, eth1;

static void get_iface(const char *name, struct iface *i)
{
	struct ifreq ifr;
	int fd = socket(AF_PACKET, SOCK_RAW, 0);

	memset(&ifr, 0, sizeof(ifr));
	strncpy(ifr.ifr_name, name, IFNAMSIZ - 1);
	CHECK(fd >= 0);
	CHECK(ioctl(fd, SIOCGIFINDEX, &ifr) == 0);
	i->index = ifr.ifr_ifindex;
	CHECK(i->index > 0 && (unsigned int)i->index == if_nametoindex(name));
	CHECK(ioctl(fd, SIOCGIFHWADDR, &ifr) == 0);
	memcpy(i->mac, ifr.ifr_hwaddr.sa_data, ETH_ALEN);
	CHECK(ifr.ifr_hwaddr.sa_family == 1); /* ARPHRD_ETHER */
	close(fd);
}

/* A SOCK_RAW socket for protocol (host order) bound to an interface, reads timing out after 2 s. */
static int bound_socket(int type, int protocol, int ifindex)
{
	struct sockaddr_ll sll = { .sll_family = AF_PACKET, .sll_protocol = htons(protocol),
				   .sll_ifindex = ifindex };
	struct timeval tv = { 2, 0 };
	int fd = socket(AF_PACKET, type, htons(protocol));

	CHECK(fd >= 0);
	CHECK(bind(fd, (struct sockaddr *)&sll, sizeof(sll)) == 0);
	CHECK(setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) == 0);
	return fd;
}

/* Test frame number n, len bytes, from eth0 to eth1. */
static int make_frame(unsigned char *f, int n, int len, int type)
{
	struct ether_header *eh = (struct ether_header *)f;

	memcpy(eh->ether_dhost, eth1.mac, ETH_ALEN);
	memcpy(eh->ether_shost, eth0.mac, ETH_ALEN);
	eh->ether_type = htons(type);
	for (int i = ETH_HLEN; i < len; i++)
		f[i] = (unsigned char)(n * 7 + i);
	return len;
}

static int frame_ok(const unsigned char *f, int got, int n, int len)
{
	unsigned char want[ETH_FRAME_LEN];

	make_frame(want, n, len, TEST_TYPE);
	return got == len && !memcmp(f, want, len);
}

static void frames(void)
{
	unsigned char f[ETH_FRAME_LEN];
	struct sockaddr_ll from, to = { .sll_family = AF_PACKET };
	socklen_t fromlen;
	int tx, rx, tap, other, ok = 0, outgoing = 0;

	get_iface("eth0", &eth0);
	get_iface("eth1", &eth1);
	rx = bound_socket(SOCK_RAW, ETH_P_ALL, eth1.index);
	tap = bound_socket(SOCK_RAW, ETH_P_ALL, eth0.index);   /* sees what eth0 sends */
	other = bound_socket(SOCK_RAW, OTHER_TYPE, eth1.index); /* another protocol: nothing */
	tx = socket(AF_PACKET, SOCK_RAW, 0);                    /* sends only: to sll_ifindex */
	to.sll_ifindex = eth0.index;
	for (int n = 0; n < FRAMES; n++) {
		int len = ETH_ZLEN + n * 14;
		CHECK(sendto(tx, f, make_frame(f, n, len, TEST_TYPE), 0, (struct sockaddr *)&to,
			     sizeof(to)) == len);
		fromlen = sizeof(from);
		int got = recvfrom(rx, f, sizeof(f), 0, (struct sockaddr *)&from, &fromlen);
		ok += frame_ok(f, got, n, len) && fromlen == sizeof(from) &&
		      from.sll_family == AF_PACKET && from.sll_protocol == htons(TEST_TYPE) &&
		      from.sll_ifindex == eth1.index && from.sll_pkttype == PACKET_HOST &&
		      from.sll_hatype == 1 && from.sll_halen == ETH_ALEN &&
		      !memcmp(from.sll_addr, eth0.mac, ETH_ALEN);
		fromlen = sizeof(from);
		got = recvfrom(tap, f, sizeof(f), 0, (struct sockaddr *)&from, &fromlen);
		outgoing += frame_ok(f, got, n, len) && from.sll_pkttype == PACKET_OUTGOING &&
			    from.sll_ifindex == eth0.index;
	}
	CHECK(ok == FRAMES);
	CHECK(outgoing == FRAMES);
	CHECK(recv(other, f, sizeof(f), MSG_DONTWAIT) == -1 && errno == EAGAIN);
	CHECK(recv(tx, f, sizeof(f), MSG_DONTWAIT) == -1 && errno == EAGAIN); /* protocol 0 */
	/* MSG_TRUNC gives the frame's real length; the rest is cut off. */
	CHECK(sendto(tx, f, make_frame(f, 0, 200, TEST_TYPE), 0, (struct sockaddr *)&to,
		     sizeof(to)) == 200);
	CHECK(recv(rx, f, 20, MSG_TRUNC | MSG_PEEK) == 200); /* MSG_PEEK: it stays queued */
	CHECK(recv(rx, f, sizeof(f), 0) == 200 && frame_ok(f, 200, 0, 200));
	/* read() and write() work on the socket as on a file: the bound interface. */
	CHECK(write(tap, f, make_frame(f, 1, 80, TEST_TYPE)) == 80);
	CHECK(read(rx, f, sizeof(f)) == 80 && frame_ok(f, 80, 1, 80));
	fromlen = sizeof(from);
	CHECK(getsockname(rx, (struct sockaddr *)&from, &fromlen) == 0);
	CHECK(fromlen == 18 && from.sll_ifindex == eth1.index &&
	      from.sll_protocol == htons(ETH_P_ALL) && !memcmp(from.sll_addr, eth1.mac, ETH_ALEN));
	close(tx), close(rx), close(tap), close(other);
}

static long socketcall(int call, unsigned long *args)
{
	return syscall(__NR_socketcall, call, args);
}

static void socketcall_case(void)
{
	unsigned char f[ETH_FRAME_LEN];
	struct sockaddr_ll sll = { .sll_family = AF_PACKET, .sll_protocol = htons(ETH_P_ALL) };
	socklen_t len = sizeof(sll);
	unsigned long a[6];
	long rx, tx;

	get_iface("eth0", &eth0);
	get_iface("eth1", &eth1);
	a[0] = AF_PACKET, a[1] = SOCK_RAW, a[2] = htons(ETH_P_ALL);
	CHECK((rx = socketcall(SYS_SOCKET, a)) >= 0);
	CHECK((tx = socketcall(SYS_SOCKET, a)) >= 0);
	sll.sll_ifindex = eth1.index;
	a[0] = rx, a[1] = (unsigned long)&sll, a[2] = sizeof(sll);
	CHECK(socketcall(SYS_BIND, a) == 0);
	sll.sll_ifindex = eth0.index;
	a[0] = tx;
	CHECK(socketcall(SYS_BIND, a) == 0);
	a[0] = tx, a[1] = (unsigned long)f, a[2] = make_frame(f, 5, 100, TEST_TYPE), a[3] = 0;
	CHECK(socketcall(SYS_SEND, a) == 100);
	a[0] = rx, a[1] = (unsigned long)f, a[2] = sizeof(f), a[3] = 0;
	a[4] = (unsigned long)&sll, a[5] = (unsigned long)&len;
	CHECK(socketcall(SYS_RECVFROM, a) == 100 && frame_ok(f, 100, 5, 100));
	CHECK(len == sizeof(sll) && sll.sll_ifindex == eth1.index);
	CHECK(socketcall(0, a) == -1 && errno == EINVAL);
	CHECK(socketcall(21, a) == -1 && errno == EINVAL);
	CHECK(socketcall(SYS_SOCKET, (unsigned long *)16) == -1 && errno == EFAULT);
	close(rx), close(tx);
}

static void msg(void)
{
	unsigned char f[ETH_FRAME_LEN], a[20], b[ETH_FRAME_LEN];
	struct sockaddr_ll from, to = { .sll_family = AF_PACKET };
	struct iovec out[3], in[2] = { { a, sizeof(a) }, { b, sizeof(b) } };
	struct msghdr m = { .msg_name = &to, .msg_namelen = sizeof(to), .msg_iov = out,
			    .msg_iovlen = 3 };
	int tx, rx, len;

	get_iface("eth0", &eth0);
	get_iface("eth1", &eth1);
	len = make_frame(f, 9, 300, TEST_TYPE);
	rx = bound_socket(SOCK_RAW, TEST_TYPE, eth1.index);
	tx = socket(AF_PACKET, SOCK_RAW, 0);
	to.sll_ifindex = eth0.index;
	out[0] = (struct iovec){ f, ETH_HLEN };
	out[1] = (struct iovec){ f + ETH_HLEN, 100 };
	out[2] = (struct iovec){ f + ETH_HLEN + 100, len - ETH_HLEN - 100 };
	CHECK(sendmsg(tx, &m, 0) == len);
	m = (struct msghdr){ .msg_name = &from, .msg_namelen = sizeof(from), .msg_iov = in,
			     .msg_iovlen = 2, .msg_flags = -1 };
	CHECK(recvmsg(rx, &m, 0) == len);
	memcpy(f, a, sizeof(a));
	memcpy(f + sizeof(a), b, len - sizeof(a));
	CHECK(frame_ok(f, len, 9, len));
	CHECK(m.msg_flags == 0 && m.msg_namelen == sizeof(from) && from.sll_ifindex == eth1.index);
	/* Buffers too short: the rest is cut, and msg_flags says so. */
	make_frame(f, 9, len, TEST_TYPE);
	CHECK(sendmsg(tx, &(struct msghdr){ .msg_name = &to, .msg_namelen = sizeof(to),
					    .msg_iov = out, .msg_iovlen = 3 }, 0) == len);
	in[1].iov_len = 30;
	m = (struct msghdr){ .msg_iov = in, .msg_iovlen = 2 };
	CHECK(recvmsg(rx, &m, 0) == 50 && m.msg_flags == MSG_TRUNC);
	m.msg_iovlen = 2000;
	CHECK_ERR(recvmsg(rx, &m, MSG_DONTWAIT), EMSGSIZE);
	m.msg_iovlen = 2;
	m.msg_iov = (struct iovec *)16;
	CHECK_ERR(sendmsg(tx, &m, 0), EFAULT);
	CHECK_ERR(recvmsg(tx, (struct msghdr *)16, 0), EFAULT);
	close(tx), close(rx);
}

static void dgram(void)
{
	unsigned char f[ETH_FRAME_LEN], payload[46];
	struct sockaddr_ll from, to = { .sll_family = AF_PACKET, .sll_protocol = htons(TEST_TYPE),
					.sll_halen = ETH_ALEN };
	socklen_t fromlen = sizeof(from);
	int tx, rx;

	get_iface("eth0", &eth0);
	get_iface("eth1", &eth1);
	rx = bound_socket(SOCK_DGRAM, TEST_TYPE, eth1.index);
	tx = socket(AF_PACKET, SOCK_DGRAM, 0);
	to.sll_ifindex = eth0.index;
	memcpy(to.sll_addr, eth1.mac, ETH_ALEN);
	make_frame(f, 3, ETH_HLEN + sizeof(payload), TEST_TYPE);
	memcpy(payload, f + ETH_HLEN, sizeof(payload));
	CHECK(sendto(tx, payload, sizeof(payload), 0, (struct sockaddr *)&to, sizeof(to)) ==
	      (int)sizeof(payload));
	CHECK(recvfrom(rx, f, sizeof(f), 0, (struct sockaddr *)&from, &fromlen) ==
	      (int)sizeof(payload));
	CHECK(!memcmp(f, payload, sizeof(payload)));
	CHECK(from.sll_protocol == htons(TEST_TYPE) && !memcmp(from.sll_addr, eth0.mac, ETH_ALEN));
	/* A datagram needs a destination address. */
	to.sll_halen = 0;
	CHECK_ERR(sendto(tx, payload, sizeof(payload), 0, (struct sockaddr *)&to,
			 offsetof(struct sockaddr_ll, sll_addr)), EINVAL);
	close(tx), close(rx);
}

static void errors(void)
{
	unsigned char f[ETH_FRAME_LEN + 1];
	struct sockaddr_ll sll = { .sll_family = AF_PACKET, .sll_ifindex = 9999 };
	struct timeval tv = { 0, 100000 };
	struct ifreq ifr;
	socklen_t len = sizeof(int);
	int fd, val;

	get_iface("eth0", &eth0);
	get_iface("eth1", &eth1);
	CHECK_ERR(socket(AF_INET, SOCK_RAW, 0), EAFNOSUPPORT);
	CHECK_ERR(socket(-1, SOCK_RAW, 0), EAFNOSUPPORT);
	CHECK_ERR(socket(AF_PACKET, SOCK_STREAM, 0), ESOCKTNOSUPPORT);
	CHECK_ERR(socket(AF_PACKET, SOCK_RAW | 0x100, 0), EINVAL);
	fd = socket(AF_PACKET, SOCK_RAW | SOCK_NONBLOCK, htons(ETH_P_ALL));
	CHECK(fd >= 0);
	CHECK_ERR(bind(fd, (struct sockaddr *)&sll, sizeof(sll) - 1), EINVAL);
	CHECK_ERR(bind(fd, (struct sockaddr *)&sll, sizeof(sll)), ENODEV);
	CHECK_ERR(bind(fd, (struct sockaddr *)16, sizeof(sll)), EFAULT);
	CHECK_ERR(bind(fd, (struct sockaddr *)&sll, 4096), EINVAL);
	sll.sll_family = AF_INET;
	CHECK_ERR(bind(fd, (struct sockaddr *)&sll, sizeof(sll)), EINVAL);
	CHECK_ERR(send(fd, f, 60, 0), ENXIO); /* not bound to an interface */
	CHECK_ERR(sendto(fd, f, 60, 0, (struct sockaddr *)&sll, 8), EINVAL);
	CHECK_ERR(recv(fd, f, sizeof(f), 0), EAGAIN); /* SOCK_NONBLOCK */
	CHECK_ERR(bind(1, (struct sockaddr *)&sll, sizeof(sll)), ENOTSOCK);
	CHECK_ERR(bind(99, (struct sockaddr *)&sll, sizeof(sll)), EBADF);
	CHECK_ERR(recv(-1, f, sizeof(f), 0), EBADF);
	CHECK_ERR(connect(fd, (struct sockaddr *)&sll, sizeof(sll)), EOPNOTSUPP);
	CHECK_ERR(setsockopt(fd, SOL_SOCKET, 12345, &val, sizeof(val)), ENOPROTOOPT);
	CHECK_ERR(setsockopt(fd, SOL_PACKET, 1, &val, sizeof(val)), ENOPROTOOPT);
	CHECK_ERR(setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, 4), EINVAL);
	tv.tv_usec = 1000000;
	CHECK_ERR(setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)), EDOM);
	CHECK(getsockopt(fd, SOL_SOCKET, SO_TYPE, &val, &len) == 0 && val == SOCK_RAW);
	close(fd);

	fd = bound_socket(SOCK_RAW, ETH_P_ALL, eth0.index);
	CHECK_ERR(send(fd, f, ETH_FRAME_LEN + 1, 0), EMSGSIZE);
	CHECK_ERR(send(fd, f, ETH_HLEN - 1, 0), EINVAL);
	CHECK_ERR(send(fd, (void *)16, 60, 0), EFAULT);
	CHECK_ERR(recv(fd, f, 60, 0x8000), EINVAL); /* a flag packet sockets do not take */
	tv = (struct timeval){ 0, 100000 };
	CHECK(setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) == 0);
	CHECK_ERR(recv(fd, f, sizeof(f), 0), EAGAIN); /* after 100 ms: nothing came */
	memset(&ifr, 0, sizeof(ifr));
	strcpy(ifr.ifr_name, "eth9");
	CHECK_ERR(ioctl(fd, SIOCGIFINDEX, &ifr), ENODEV);
	CHECK_ERR(ioctl(fd, SIOCGIFINDEX, (void *)16), EFAULT);
	CHECK_ERR(ioctl(fd, 0x1234, &ifr), ENOTTY);
	CHECK(if_nametoindex("eth9") == 0 && errno == ENODEV);
	close(fd);
}

static void drops(void)
{
	unsigned char f[ETH_FRAME_LEN];
	struct tpacket_stats st;
	socklen_t len;
	int tx, rx, witness, small = 1, got = 0, seen = 0, sent = 0;

	get_iface("eth0", &eth0);
	get_iface("eth1", &eth1);
	rx = bound_socket(SOCK_RAW, TEST_TYPE, eth1.index);
	witness = bound_socket(SOCK_RAW, TEST_TYPE, eth1.index); /* with room for all */
	CHECK(setsockopt(rx, SOL_SOCKET, SO_RCVBUF, &small, sizeof(small)) == 0);
	len = sizeof(small);
	CHECK(getsockopt(rx, SOL_SOCKET, SO_RCVBUF, &small, &len) == 0 && small == 2304);
	tx = bound_socket(SOCK_RAW, TEST_TYPE, eth0.index);
	for (int n = 0; n < 20; n++) /* 20 x 1000 bytes towards a queue of 2304 */
		sent += send(tx, f, make_frame(f, n, 1000, TEST_TYPE), 0) == 1000;
	CHECK(sent == 20);
	/* The taps run one after the other for each frame: once the witness has
	 * all 20, rx has been offered all 20. */
	while (seen < 20 && recv(witness, f, sizeof(f), 0) == 1000)
		seen++;
	CHECK(seen == 20);
	while (recv(rx, f, sizeof(f), MSG_DONTWAIT) == 1000)
		got++;
	len = sizeof(st);
	CHECK(getsockopt(rx, SOL_PACKET, PACKET_STATISTICS, &st, &len) == 0);
	printf("    # drops: %d received, statistics: %u packets, %u drops\n", got, st.tp_packets,
	       st.tp_drops);
	CHECK(got == 2); /* 2 x 1000 bytes fit in 2304 */
	CHECK(st.tp_packets == 20 && st.tp_drops == 18);
	len = sizeof(st);
	CHECK(getsockopt(rx, SOL_PACKET, PACKET_STATISTICS, &st, &len) == 0 && !st.tp_packets);
	close(tx), close(rx), close(witness);
}

static const struct check_case cases[] = {
	{ "frames", frames },
	{ "socketcall", socketcall_case },
	{ "msg", msg },
	{ "dgram", dgram },
	{ "errors", errors },
	{ "drops", drops },
	{ 0 },
};

int main(int argc, char **argv)
{
	return check_main(argc, argv, cases);
}
