/*
 * Terminals (drivers/tty/): the Linux shape, cut down to what a shell needs.
 *
 *   a driver (the 16550 UART, the VGA console)   ops: write, write_room, ...
 *        | top half: tty_insert_flip_char() into its port's flip buffer,
 *        |           then tty_flip_buffer_push()              (tty_buffer.c)
 *   bottom half: flush_to_ldisc, a work item on the "tty" workqueue
 *        | hands the bytes to the line discipline               (n_tty.c)
 *   N_TTY: line editing, echo, signals to the foreground group, wakes readers
 *        | read() / write() / ioctl() of the process             (tty_io.c)
 *   sessions and process groups: the controlling terminal   (tty_jobctrl.c)
 *
 * docs/tty.md walks one keystroke through all of it.
 */
#ifndef _LINUX_TTY_H
#define _LINUX_TTY_H
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <uapi/asm/termbits.h>

#define N_TTY_BUF_SIZE 4096   /* the line discipline's read buffer */
#define TTY_FLIPBUF_SIZE 4096 /* each port's flip buffer */

/* What the driver says about a received character (tty_insert_flip_char). */
#define TTY_NORMAL 0
#define TTY_BREAK 1
#define TTY_FRAME 2
#define TTY_PARITY 3

struct file;
struct tty_struct;
struct tty_port;

/* What a terminal driver does for the tty layer. */
struct tty_operations {
	/* Queues up to n bytes for output; returns how many it took. Any
	 * context, never sleeps: a full queue takes fewer. */
	int (*write)(struct tty_struct *tty, const unsigned char *buf, unsigned int n);
	/* How many bytes write would take now. */
	unsigned int (*write_room)(struct tty_struct *tty);
	/* Bytes queued but not yet sent (0 for a driver that writes at once). */
	unsigned int (*chars_in_buffer)(struct tty_struct *tty);
	/* Throws away queued output (TCOFLUSH). Optional. */
	void (*flush_buffer)(struct tty_struct *tty);
	/* A writer found no room for a while: restart the transmitter if it
	 * stalled. Process context. Optional. */
	void (*kick)(struct tty_struct *tty);
};

struct tty_port_operations {
	/* The flip buffer has room again after the driver throttled: receive
	 * again. Called by the bottom half, in process context. */
	void (*unthrottle)(struct tty_port *port);
};

/*
 * The flip buffer: a ring the top half fills and the bottom half empties.
 * (The name is historical: once two buffers, one filled while the other was
 * read, flipped at each push.) One lock, taken with interrupts off, guards
 * the ring; flush_to_ldisc runs once at a time under work_lock.
 */
struct tty_bufhead {
	spinlock_t lock;
	struct mutex work_lock;
	unsigned int head, tail; /* free-running: head - tail bytes are waiting */
	bool throttled;          /* the driver stopped receiving: the ring was full */
	struct work_struct work; /* flush_to_ldisc */
	unsigned long dropped;   /* characters that found the ring full */
	unsigned long pushed;    /* bytes handed to the line discipline */
	unsigned char chars[TTY_FLIPBUF_SIZE];
	char flags[TTY_FLIPBUF_SIZE];
};

/* The driver's side of one terminal: its flip buffer and its tty. */
struct tty_port {
	struct tty_bufhead buf;
	struct tty_struct *tty;
	const struct tty_port_operations *ops;
};

/*
 * N_TTY's state. The read buffer is a ring of free-running indices:
 * read_tail <= canon_head <= read_head. In canonical mode the bytes before
 * canon_head are finished lines that a reader may take, the ones after it
 * the line being edited; read_flags marks where each finished line ends.
 */
struct n_tty_data {
	unsigned char read_buf[N_TTY_BUF_SIZE];
	unsigned long read_flags[N_TTY_BUF_SIZE / (8 * sizeof(unsigned long))];
	size_t read_head, canon_head, read_tail;
	unsigned int column;       /* where the output cursor is, for erasing tabs */
	unsigned int canon_column; /* where the line being edited started */
	bool no_room;              /* receive stopped: the buffer was full */
	bool echo_blocked;         /* receive stopped: no room to echo */
	unsigned long overlong;    /* characters dropped from over-long lines */
	unsigned long echo_lost;   /* echo bytes the driver had no room for */
};

struct tty_struct {
	const char *name;      /* "ttyS0" */
	dev_t dev;
	const struct tty_operations *ops;
	struct tty_port *port;
	void *driver_data;
	struct mutex ldisc_lock; /* termios and the line discipline's state */
	struct mutex write_lock; /* one writer's chunk at a time */
	struct termios termios;
	struct winsize winsize;
	wait_queue_head_t read_wait, write_wait;
	spinlock_t ctrl_lock;  /* pgrp and session */
	pid_t pgrp;            /* the foreground process group, 0 if none */
	pid_t session;         /* the session this is the controlling terminal of, 0 if none */
	struct n_tty_data ldata;
};

/* The terminal settings every tty starts with (Linux's tty_std_termios, minus IXON and VSUSP). */
extern const struct termios tty_std_termios;
/* The file operations of every terminal device node (tty_io.c). */
extern const struct file_operations tty_fops;

void tty_init_struct(struct tty_struct *tty, const char *name, const struct tty_operations *ops,
		     struct tty_port *port);
int tty_register(struct tty_struct *tty, unsigned int major, unsigned int minor);
void tty_wakeup(struct tty_struct *tty);
long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg);

/* The flip buffer (tty_buffer.c). */
void tty_port_init(struct tty_port *port);
void tty_buffer_flush(struct tty_port *port);
void tty_buffer_throttle(struct tty_port *port);
bool tty_buffer_drained(struct tty_port *port);

/* N_TTY (n_tty.c). */
void n_tty_open(struct tty_struct *tty);
size_t n_tty_receive_buf(struct tty_struct *tty, const unsigned char *cp, const char *fp,
			 size_t count);
ssize_t n_tty_read(struct tty_struct *tty, struct file *file, char __user *buf, size_t nr);
ssize_t n_tty_write(struct tty_struct *tty, struct file *file, const char __user *buf, size_t nr);
void n_tty_flush_input(struct tty_struct *tty);
void n_tty_set_termios(struct tty_struct *tty, const struct termios *old);
size_t n_tty_readable(struct tty_struct *tty);

/* Sessions and the foreground process group (tty_jobctrl.c). */
int tty_check_read(struct tty_struct *tty);
void tty_open_set_ctty(struct tty_struct *tty, struct file *file);
long tty_jobctrl_ioctl(struct tty_struct *tty, unsigned int cmd, unsigned long arg);
void tty_signal_pgrp(struct tty_struct *tty, int sig);
struct task_struct;
void disassociate_ctty(struct task_struct *leader);

#endif
