/* struct iovec: one buffer of a scatter/gather list (sendmsg, recvmsg); Linux's layout. */
#ifndef _UAPI_LINUX_UIO_H
#define _UAPI_LINUX_UIO_H

struct iovec {
	void *iov_base;
	unsigned long iov_len; /* size_t on i386: the same 4 bytes */
};

#define UIO_MAXIOV 1024 /* the most buffers one call takes */

#endif
