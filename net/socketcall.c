/*
 * socketcall(2): i386's one system call for every socket call, a call number
 * and an argument array (Linux 4.3 added one system call each; Janus has both).
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/net.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <janus/vfs.h>

/* socketcall's argument counts, by call number (Linux's nargs[]). */
static const unsigned char socketcall_nargs[SYS_SENDMMSG + 1] = {
	[SYS_SOCKET] = 3, [SYS_BIND] = 3, [SYS_CONNECT] = 3, [SYS_LISTEN] = 2,
	[SYS_ACCEPT] = 3, [SYS_GETSOCKNAME] = 3, [SYS_GETPEERNAME] = 3, [SYS_SOCKETPAIR] = 4,
	[SYS_SEND] = 4, [SYS_RECV] = 4, [SYS_SENDTO] = 6, [SYS_RECVFROM] = 6,
	[SYS_SHUTDOWN] = 2, [SYS_SETSOCKOPT] = 5, [SYS_GETSOCKOPT] = 5, [SYS_SENDMSG] = 3,
	[SYS_RECVMSG] = 3, [SYS_ACCEPT4] = 4, [SYS_RECVMMSG] = 5, [SYS_SENDMMSG] = 4,
};

/**
 * sys_socketcall() - The socketcall(2) system call: i386's one entry for every socket call.
 * @call: SYS_SOCKET... (uapi/linux/net.h)
 * @args: the call's arguments, an array of unsigned long
 *
 * Context: process context; may sleep.
 * Return: what the call returns; -EINVAL for an unknown call, -EFAULT for
 * unreadable arguments, -ENOSYS for recvmmsg and sendmmsg.
 */
long sys_socketcall(int call, unsigned long __user *args)
{
	unsigned long a[6];

	if (call < SYS_SOCKET || call > SYS_SENDMMSG)
		return -EINVAL;
	if (copy_from_user(a, args, socketcall_nargs[call] * sizeof(a[0])))
		return -EFAULT;
	switch (call) {
	case SYS_SOCKET:
		return sys_socket(a[0], a[1], a[2]);
	case SYS_BIND:
		return sys_bind(a[0], (struct sockaddr __user *)a[1], a[2]);
	case SYS_CONNECT:
		return sys_connect(a[0], (struct sockaddr __user *)a[1], a[2]);
	case SYS_LISTEN:
		return sys_listen(a[0], a[1]);
	case SYS_ACCEPT:
		return sys_accept4(a[0], (struct sockaddr __user *)a[1], (int __user *)a[2], 0);
	case SYS_ACCEPT4:
		return sys_accept4(a[0], (struct sockaddr __user *)a[1], (int __user *)a[2], a[3]);
	case SYS_GETSOCKNAME:
		return sys_getsockname(a[0], (struct sockaddr __user *)a[1], (int __user *)a[2]);
	case SYS_GETPEERNAME:
		return sys_getpeername(a[0], (struct sockaddr __user *)a[1], (int __user *)a[2]);
	case SYS_SOCKETPAIR:
		return sys_socketpair(a[0], a[1], a[2], (int __user *)a[3]);
	case SYS_SEND:
		return sys_sendto(a[0], (void __user *)a[1], a[2], a[3], NULL, 0);
	case SYS_SENDTO:
		return sys_sendto(a[0], (void __user *)a[1], a[2], a[3],
				  (struct sockaddr __user *)a[4], a[5]);
	case SYS_RECV:
		return sys_recvfrom(a[0], (void __user *)a[1], a[2], a[3], NULL, NULL);
	case SYS_RECVFROM:
		return sys_recvfrom(a[0], (void __user *)a[1], a[2], a[3],
				    (struct sockaddr __user *)a[4], (int __user *)a[5]);
	case SYS_SHUTDOWN:
		return sys_shutdown(a[0], a[1]);
	case SYS_SETSOCKOPT:
		return sys_setsockopt(a[0], a[1], a[2], (const void __user *)a[3], a[4]);
	case SYS_GETSOCKOPT:
		return sys_getsockopt(a[0], a[1], a[2], (void __user *)a[3], (int __user *)a[4]);
	case SYS_SENDMSG:
		return sys_sendmsg(a[0], (void __user *)a[1], a[2]);
	case SYS_RECVMSG:
		return sys_recvmsg(a[0], (void __user *)a[1], a[2]);
	default: /* recvmmsg, sendmmsg */
		return -ENOSYS;
	}
}
