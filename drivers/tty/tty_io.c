/*
 * The tty core: terminal device nodes and what a process does with them.
 * /dev/ttyS0 (major 4, minor 64: the 16550), /dev/tty1 (4, 1: the VGA
 * console and the keyboard) and /dev/tty (5, 0: the caller's controlling
 * terminal, whichever it is). read() and write() go to the line
 * discipline, N_TTY (step 5 of the path of one keystroke: docs/tty.md);
 * ioctl() reads and sets the termios and the job control state.
 * Terminals live as long as the kernel: they are never freed.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/tty.h>
#include <linux/uaccess.h>
#include <janus/vfs.h>
#include <uapi/asm/ioctls.h>
#include <uapi/linux/fcntl.h>

#define TTY_MAJOR 4
#define TTYAUX_MAJOR 5 /* minor 0: /dev/tty */
#define MAX_TTYS 8

/* Linux's tty_std_termios, without what N_TTY does not do: no XON/XOFF flow
 * control (IXON, ^S/^Q), ^R, ^O, ^V. */
const struct termios tty_std_termios = {
	.c_iflag = ICRNL,
	.c_oflag = OPOST | ONLCR,
	.c_cflag = B38400 | CS8 | CREAD | HUPCL,
	.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN,
	.c_cc = { [VINTR] = 003, [VQUIT] = 034, [VERASE] = 0177, [VKILL] = 025, [VEOF] = 004,
		  [VMIN] = 1, [VSUSP] = 032, [VWERASE] = 027 },
};

static struct tty_struct *ttys[MAX_TTYS];
static DEFINE_MUTEX(ttys_lock);

/**
 * tty_init_struct() - Set up a terminal: default settings, empty buffers.
 * @tty:  the terminal, zeroed
 * @name: its device name ("ttyS0")
 * @ops:  its driver's operations
 * @port: its driver's port (flip buffer), already set up with tty_port_init
 *
 * Context: process context.
 */
void tty_init_struct(struct tty_struct *tty, const char *name, const struct tty_operations *ops,
		     struct tty_port *port)
{
	tty->name = name;
	tty->ops = ops;
	tty->port = port;
	tty->termios = tty_std_termios;
	tty->winsize = (struct winsize){ .ws_row = 25, .ws_col = 80 };
	mutex_init(&tty->ldisc_lock);
	mutex_init(&tty->write_lock);
	init_waitqueue_head(&tty->read_wait);
	init_waitqueue_head(&tty->write_wait);
	spin_lock_init(&tty->ctrl_lock);
	n_tty_open(tty);
	port->tty = tty;
}

/**
 * tty_register() - Give a terminal its device number and /dev node.
 * @tty:   the terminal, set up with tty_init_struct
 * @major: its major (4 for the terminals Janus has)
 * @minor: its minor
 *
 * Context: process context; may sleep.
 * Return: 0, -ENOSPC if the table is full, or what devtmpfs_create returned.
 */
int tty_register(struct tty_struct *tty, unsigned int major, unsigned int minor)
{
	int slot = -ENOSPC;

	tty->dev = MKDEV(major, minor);
	mutex_lock(&ttys_lock);
	for (int i = 0; i < MAX_TTYS && slot < 0; i++)
		if (!ttys[i])
			ttys[slot = i] = tty;
	mutex_unlock(&ttys_lock);
	return slot < 0 ? slot : devtmpfs_create(tty->name, tty->dev);
}

static struct tty_struct *tty_lookup(dev_t dev)
{
	struct tty_struct *found = NULL;

	mutex_lock(&ttys_lock);
	for (int i = 0; i < MAX_TTYS && !found; i++)
		if (ttys[i] && ttys[i]->dev == dev)
			found = ttys[i];
	mutex_unlock(&ttys_lock);
	return found;
}

/**
 * tty_wakeup() - The driver's output queue has room again.
 * @tty: the terminal
 *
 * Wakes the writers sleeping in n_tty_write.
 *
 * Context: any context, never sleeps; typically the transmit interrupt.
 */
void tty_wakeup(struct tty_struct *tty)
{
	wake_up_interruptible_all(&tty->write_wait);
}

static int tty_open(struct inode *inode, struct file *file)
{
	struct tty_struct *tty;

	if (inode->i_rdev == MKDEV(TTYAUX_MAJOR, 0)) {
		tty = current->tty; /* /dev/tty: never makes a new controlling terminal */
		if (!tty)
			return -ENXIO;
	} else {
		tty = tty_lookup(inode->i_rdev);
		if (!tty)
			return -ENXIO;
		if (!(file->f_flags & O_NOCTTY))
			tty_open_set_ctty(tty, file);
	}
	file->private_data = tty;
	return 0;
}

static ssize_t tty_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	(void)ppos;
	return n_tty_read(file->private_data, file, buf, count);
}

static ssize_t tty_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	(void)ppos;
	return n_tty_write(file->private_data, file, buf, count);
}

/* TCSETS, TCSETSW (after the output drained), TCSETSF (and drop unread input). */
static long set_termios(struct tty_struct *tty, unsigned int cmd, const void __user *arg)
{
	struct termios new, old;

	if (copy_from_user(&new, arg, sizeof(new)))
		return -EFAULT;
	if (cmd != TCSETS && tty->ops->chars_in_buffer &&
	    wait_event_interruptible(tty->write_wait, !tty->ops->chars_in_buffer(tty)))
		return -ERESTARTSYS;
	if (cmd == TCSETSF)
		n_tty_flush_input(tty);
	mutex_lock(&tty->ldisc_lock);
	old = tty->termios;
	tty->termios = new;
	n_tty_set_termios(tty, &old);
	mutex_unlock(&tty->ldisc_lock);
	return 0;
}

static long flush(struct tty_struct *tty, unsigned long which)
{
	if (which > TCIOFLUSH)
		return -EINVAL;
	if (which != TCOFLUSH)
		n_tty_flush_input(tty);
	if (which != TCIFLUSH && tty->ops->flush_buffer)
		tty->ops->flush_buffer(tty);
	return 0;
}

static long put_int(unsigned long arg, int v)
{
	return put_user(v, (int __user *)arg) ? -EFAULT : 0;
}

/**
 * tty_ioctl() - The terminal ioctls (include/uapi/asm/ioctls.h, Linux's numbers).
 * @file: an open terminal
 * @cmd:  TCGETS, TCSETS*, TCFLSH, FIONREAD, TIOCOUTQ, TIOC[GS]WINSZ,
 *        TIOCGDEV, and the job control ones (tty_jobctrl.c)
 * @arg:  its argument, mostly a user pointer
 *
 * Context: process context; may sleep.
 * Return: 0 or a value the call defines; -ENOTTY for an unknown call,
 * -EFAULT, -EINVAL.
 */
long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct tty_struct *tty = file->private_data;
	void __user *uarg = (void __user *)arg;

	switch (cmd) {
	case TCGETS:
		return copy_to_user(uarg, &tty->termios, sizeof(tty->termios)) ? -EFAULT : 0;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		return set_termios(tty, cmd, uarg);
	case TCFLSH:
		return flush(tty, arg);
	case FIONREAD:
		return put_int(arg, n_tty_readable(tty));
	case TIOCOUTQ:
		return put_int(arg, tty->ops->chars_in_buffer ? tty->ops->chars_in_buffer(tty) : 0);
	case TIOCGWINSZ:
		return copy_to_user(uarg, &tty->winsize, sizeof(tty->winsize)) ? -EFAULT : 0;
	case TIOCSWINSZ:
		return copy_from_user(&tty->winsize, uarg, sizeof(tty->winsize)) ? -EFAULT : 0;
	case TIOCGDEV:
		return put_int(arg, MAJOR(tty->dev) << 8 | MINOR(tty->dev));
	}
	return tty_jobctrl_ioctl(tty, cmd, arg);
}

const struct file_operations tty_fops = {
	.open = tty_open,
	.read = tty_read,
	.write = tty_write,
	.unlocked_ioctl = tty_ioctl,
};

/* The majors, before any driver registers a terminal (a core initcall). */
static int __init tty_init(void)
{
	int err = __register_chrdev(TTY_MAJOR, "tty", &tty_fops);

	if (err >= 0)
		err = __register_chrdev(TTYAUX_MAJOR, "/dev/tty", &tty_fops);
	if (err >= 0)
		err = devtmpfs_create("tty", MKDEV(TTYAUX_MAJOR, 0));
	return err < 0 ? err : 0;
}
core_initcall(tty_init);
