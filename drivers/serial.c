/*
 * The 16550 UART on COM1, polled: the console that tests and `make run` read,
 * and /dev/ttyS0, the terminal of user processes. Output waits for the
 * transmit holding register to empty; no interrupts.
 */
#include <asm/io.h>
#include <linux/console.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/serial.h>
#include <linux/uaccess.h>
#include <janus/vfs.h>

#define TTY_MAJOR 4

#define COM1 0x3f8
#define UART_DATA 0 /* DLAB=0: receive/transmit; DLAB=1: divisor low */
#define UART_IER 1  /* DLAB=0: interrupt enable; DLAB=1: divisor high */
#define UART_FCR 2
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5
#define LCR_DLAB 0x80
#define LCR_8N1 0x03
#define FCR_ENABLE_CLEAR 0x07 /* enable FIFOs and clear both */
#define MCR_DTR_RTS_OUT2 0x0b
#define LSR_DATA_READY 0x01
#define LSR_THR_EMPTY 0x20

static void serial_putc(char c)
{
	while (!(inb(COM1 + UART_LSR) & LSR_THR_EMPTY))
		;
	outb(c, COM1 + UART_DATA);
}

/* Console write: a terminal wants "\r\n" for every newline. */
static void serial_console_write(struct console *con, const char *s, unsigned int n)
{
	(void)con;
	for (; n; n--, s++) {
		if (*s == '\n')
			serial_putc('\r');
		serial_putc(*s);
	}
}

static struct console serial_console = { .name = "ttyS0", .write = serial_console_write };

int serial_getc_nowait(void)
{
	if (!(inb(COM1 + UART_LSR) & LSR_DATA_READY))
		return -1;
	return inb(COM1 + UART_DATA);
}

/* 115200 baud, 8N1, FIFOs on; called first thing in kmain so panics are visible. */
void __init serial_init(void)
{
	outb(0x00, COM1 + UART_IER);
	outb(LCR_DLAB, COM1 + UART_LCR);
	outb(1, COM1 + UART_DATA); /* divisor 1: 115200 baud */
	outb(0, COM1 + UART_IER);
	outb(LCR_8N1, COM1 + UART_LCR);
	outb(FCR_ENABLE_CLEAR, COM1 + UART_FCR);
	outb(MCR_DTR_RTS_OUT2, COM1 + UART_MCR);
	register_console(&serial_console);
}

/* For the paths that must not depend on printk (a bad Multiboot magic). */
void serial_puts(const char *s)
{
	while (*s)
		serial_console_write(&serial_console, s++, 1);
}

/*
 * /dev/ttyS0 (major 4, minor 64, as in Linux): a process's terminal. Writes
 * go to the port through the console lock; reads take what has arrived,
 * looking once a tick while nothing has (the receive interrupt is not used),
 * and a signal ends the wait.
 */
#define TTY_CHUNK 256

static ssize_t tty_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	char chunk[TTY_CHUNK];
	size_t done = 0;

	(void)file;
	(void)ppos;
	while (done < count) {
		size_t n = min(count - done, sizeof(chunk));

		if (copy_from_user(chunk, buf + done, n))
			return done ? (ssize_t)done : -EFAULT;
		console_write_direct(&serial_console, chunk, n);
		done += n;
	}
	return done;
}

static ssize_t tty_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	size_t done = 0;
	int c;

	(void)file;
	(void)ppos;
	while ((c = serial_getc_nowait()) < 0) {
		if (signal_pending(current))
			return -ERESTARTSYS;
		schedule_timeout_interruptible(1);
	}
	do {
		char ch = c == '\r' ? '\n' : c;

		if (put_user(ch, buf + done))
			return done ? (ssize_t)done : -EFAULT;
		done++;
	} while (done < count && c != '\r' && (c = serial_getc_nowait()) >= 0);
	return done;
}

static const struct file_operations tty_fops = {
	.owner = THIS_MODULE,
	.read = tty_read,
	.write = tty_write,
};

static int __init tty_init(void)
{
	int err = __register_chrdev(TTY_MAJOR, "ttyS", &tty_fops);

	if (err >= 0)
		err = devtmpfs_create("ttyS0", MKDEV(TTY_MAJOR, 64u));
	return err < 0 ? err : 0;
}
module_init(tty_init);
