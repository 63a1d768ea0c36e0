/*
 * /dev/selftest (tests/kernel/selftest_dev.c): a device that user-mode test
 * programs (user/bin/) use to look into the kernel while it runs on their
 * behalf, and to make it copy to and from their memory.
 */
#ifndef _UAPI_JANUS_SELFTEST_H
#define _UAPI_JANUS_SELFTEST_H

/* What the kernel sees inside the system call. */
struct st_whoami {
	int pid;           /* current->pid */
	int preempt_count;
	int in_task;
	int irqs_disabled;
	int cpu;
	int on_own_stack;  /* the kernel runs on the caller's own kernel stack */
};

/* A copy between the kernel and user memory: the bytes NOT copied come back
 * as the ioctl's result (copy_to_user/copy_from_user), or its result is
 * what get_user/put_user/strncpy_from_user returned. */
struct st_copy {
	void *uptr;
	unsigned long len;
	unsigned long value; /* get_user: what was read; put_user: what to write */
};

#define ST_WHOAMI 0x5301      /* arg: struct st_whoami *, filled in */
#define ST_COPY_TO 0x5302     /* arg: struct st_copy *: len bytes of 0x5a to uptr */
#define ST_COPY_FROM 0x5303   /* from uptr; the part not copied must read as zeros */
#define ST_GET_USER 0x5304    /* a u32 from uptr into value */
#define ST_PUT_USER 0x5305    /* value to the u32 at uptr */
#define ST_STRNCPY 0x5306     /* strncpy_from_user from uptr, len at most */
#define ST_SPIN 0x5307        /* stay in the kernel, preemptible, until preempted once
			       * or arg milliseconds pass; the result: the involuntary
			       * switches meanwhile */
#define ST_CLEAR_USER 0x5308  /* clear_user(uptr, len): the bytes NOT cleared */
#define ST_LEAK 0x5309        /* arg: ST_LEAK_*: a deliberately buggy call that returns
			       * to user mode with that left behind */

#define ST_LEAK_IRQS_OFF 1    /* interrupts disabled */
#define ST_LEAK_PREEMPT 2     /* preempt_count raised */
#define ST_LEAK_SPINLOCK 3    /* a spinlock held */
#define ST_LEAK_MUTEX 4       /* a mutex held */

#endif
