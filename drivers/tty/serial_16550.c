/*
 * The 16550 UART on COM1 (I/O port 0x3f8, IRQ 4): the console printk
 * writes to, and /dev/ttyS0, the terminal of the shell.
 *
 * Receiving is steps 1 and 2 of the path of one keystroke (docs/tty.md):
 * the byte's arrival raises IRQ 4; the top half, serial_interrupt, drains
 * the receive FIFO into the port's flip buffer, counts errors and
 * overruns, and pushes the buffer to the bottom half. It never sleeps and
 * does nothing else. If the flip buffer fills it throttles: it turns the
 * receive interrupt off, so bytes wait in the UART (and, under QEMU, in
 * QEMU) until the bottom half unthrottles.
 *
 * Sending is interrupt-driven too: a write queues bytes in a 4 KiB ring and
 * the transmit-holding-register-empty interrupt feeds the FIFO from it.
 * printk's console write stays polled and synchronous, so an oops or a
 * panic always gets out; it first sends what the ring holds, so the serial
 * line shows everything in the order it was written.
 */
#include <asm/io.h>
#include <linux/console.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/serial.h>
#include <linux/spinlock.h>
#include <linux/tty.h>
#include <linux/tty_flip.h>
#include <janus/log.h>

#define COM1 0x3f8
#define COM1_IRQ 4
#define TTYS0_MINOR 64 /* as in Linux */

#define UART_RX 0  /* DLAB=0: receive buffer (read), transmit holding (write) */
#define UART_IER 1 /* DLAB=0: interrupt enable */
#define UART_IIR 2 /* read: which interrupt is pending */
#define UART_FCR 2 /* write: FIFO control */
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5
#define UART_DLL 0 /* DLAB=1: divisor latch */
#define UART_DLM 1

#define IER_RDI 0x01  /* receive data available (and the FIFO timeout) */
#define IER_THRI 0x02 /* transmit holding register empty */
#define IER_RLSI 0x04 /* receiver line status: errors */
#define IIR_NO_INT 0x01
#define FCR_ENABLE_CLEAR_TRIG8 0xc7 /* FIFOs on and cleared; interrupt at 8 received bytes */
#define LCR_DLAB 0x80
#define LCR_8N1 0x03
#define MCR_DTR_RTS_OUT2 0x0b /* OUT2 gates the UART's interrupt onto the ISA line */
#define LSR_DR 0x01
#define LSR_OE 0x02
#define LSR_PE 0x04
#define LSR_FE 0x08
#define LSR_BI 0x10
#define LSR_THRE 0x20

#define FIFO_SIZE 16
#define XMIT_SIZE 4096
#define WAKEUP_CHARS 256 /* room that wakes writers (Linux's figure) */
#define MAX_ISR_PASSES 32 /* "too much work": then the interrupt is re-armed by hand */

struct uart_16550 {
	u16 iobase;
	spinlock_t lock; /* the registers, ier and the transmit ring */
	u8 ier;          /* what IER holds */
	bool irq_ready;  /* the interrupt handler is installed */
	unsigned int xmit_head, xmit_tail; /* free-running */
	unsigned char xmit[XMIT_SIZE];
	struct uart_icount {
		unsigned long rx, tx, oe, fe, pe, brk, throttled, too_much_work, console_unlocked, kicks;
	} icount;
	struct tty_port port;
	struct tty_struct tty;
};

static struct uart_16550 com1 = { .iobase = COM1, .lock = __SPIN_LOCK_UNLOCKED(com1.lock) };

static u8 serial_in(struct uart_16550 *up, int reg) { return inb(up->iobase + reg); }
static void serial_out(struct uart_16550 *up, int reg, u8 v) { outb(v, up->iobase + reg); }

static void set_ier(struct uart_16550 *up, u8 ier)
{
	up->ier = ier;
	serial_out(up, UART_IER, ier);
}

static unsigned int xmit_count(const struct uart_16550 *up)
{
	return up->xmit_head - up->xmit_tail;
}

/* ---------------------------------------------------------------- polled console */

/* One byte, through the transmit FIFO: once THRE says it is empty, `depth`
 * bytes fit before the next look at LSR (FIFO_SIZE, as transmit_chars() fills
 * it and as recent Linux's 8250 console writes with a FIFO; 1 when the
 * interrupt may be filling it too). *room: what is known to fit now, 0 at
 * the start of each console write. Under QEMU every port access is a trip
 * out of the translated code: this halves them per byte. (Whether it makes
 * the boot faster could not be shown: a boot line costs 0.2 or 1 ms from
 * boot to boot either way, docs/performance.md.) */
static void putc_polled(struct uart_16550 *up, char c, unsigned int *room, unsigned int depth)
{
	if (!*room) {
		while (!(serial_in(up, UART_LSR) & LSR_THRE))
			;
		*room = depth;
	}
	--*room;
	serial_out(up, UART_RX, c);
}

/* Console write: a terminal wants "\r\n" for every newline. What the tty
 * queued before goes first. The port lock keeps the transmit interrupt off
 * the UART meanwhile; in an oops it is only tried, never waited for. */
static void serial_console_write(struct console *con, const char *s, unsigned int n)
{
	struct uart_16550 *up = &com1;
	unsigned int room = 0, depth; /* the FIFO may hold what the interrupt put there */
	unsigned long flags;
	bool locked = true;

	(void)con;
	/* Never wait for ever: if this CPU itself holds the lock (a report
	 * printed from under it), the message goes out unlocked after a while. */
	for (unsigned long spins = 0; !(locked = spin_trylock_irqsave(&up->lock, flags)); spins++) {
		if (READ_ONCE(oops_in_progress) || spins > 1000000) {
			up->icount.console_unlocked++;
			break;
		}
		cpu_relax();
	}
	depth = locked ? FIFO_SIZE : 1; /* unlocked, the interrupt may fill the FIFO meanwhile */
	while (xmit_count(up)) {
		putc_polled(up, up->xmit[up->xmit_tail++ % XMIT_SIZE], &room, depth);
		up->icount.tx++;
	}
	for (; n; n--, s++) {
		if (*s == '\n')
			putc_polled(up, '\r', &room, depth);
		putc_polled(up, *s, &room, depth);
	}
	if (locked)
		spin_unlock_irqrestore(&up->lock, flags);
}

static struct console serial_console = { .name = "ttyS0", .write = serial_console_write };

/**
 * serial_init() - Set up COM1 (115200 baud, 8N1, FIFOs, interrupts off) as a console.
 *
 * Called first thing in kmain, so that every later message, a panic too, is seen.
 *
 * Context: early boot, one CPU, interrupts off.
 */
void __init serial_init(void)
{
	struct uart_16550 *up = &com1;

	set_ier(up, 0);
	serial_out(up, UART_LCR, LCR_DLAB);
	serial_out(up, UART_DLL, 1); /* divisor 1: 115200 baud */
	serial_out(up, UART_DLM, 0);
	serial_out(up, UART_LCR, LCR_8N1);
	serial_out(up, UART_FCR, FCR_ENABLE_CLEAR_TRIG8);
	serial_out(up, UART_MCR, MCR_DTR_RTS_OUT2);
	register_console(&serial_console);
}

/**
 * serial_puts() - Write a string to COM1, polled, without printk.
 * @s: the string
 *
 * For the paths that must not depend on printk (a bad Multiboot magic).
 *
 * Context: any context.
 */
void serial_puts(const char *s)
{
	while (*s)
		serial_console_write(&serial_console, s++, 1);
}

/* ---------------------------------------------------------------- top half */

/* Drains the receive FIFO into the flip buffer; throttles if that is full.
 * Returns whether anything was added. Port lock held. */
static bool receive_chars(struct uart_16550 *up, u8 lsr)
{
	bool added = false;

	for (; lsr & (LSR_DR | LSR_BI); lsr = serial_in(up, UART_LSR)) {
		char flag = TTY_NORMAL;
		u8 ch;

		if (!tty_buffer_space_avail(&up->port)) {
			set_ier(up, up->ier & ~(IER_RDI | IER_RLSI));
			tty_buffer_throttle(&up->port);
			up->icount.throttled++;
			break;
		}
		ch = serial_in(up, UART_RX);
		up->icount.rx++;
		up->icount.oe += !!(lsr & LSR_OE); /* a byte was lost before this one */
		if (lsr & LSR_BI) {
			up->icount.brk++;
			flag = TTY_BREAK;
		} else if (lsr & LSR_PE) {
			up->icount.pe++;
			flag = TTY_PARITY;
		} else if (lsr & LSR_FE) {
			up->icount.fe++;
			flag = TTY_FRAME;
		}
		added |= tty_insert_flip_char(&up->port, ch, flag);
	}
	return added;
}

/* Fills the transmit FIFO from the ring; no more to send: THRI off. Port lock held. */
static void transmit_chars(struct uart_16550 *up)
{
	unsigned int n;

	for (n = 0; n < FIFO_SIZE && xmit_count(up); n++)
		serial_out(up, UART_RX, up->xmit[up->xmit_tail++ % XMIT_SIZE]);
	up->icount.tx += n;
	if (!xmit_count(up))
		set_ier(up, up->ier & ~IER_THRI);
	/* Also when the console write emptied the ring: it may not wake anyone. */
	if (XMIT_SIZE - xmit_count(up) >= WAKEUP_CHARS)
		tty_wakeup(&up->tty);
}

/* Makes the UART raise its interrupt again for what is pending: IER off and
 * on gives the edge-triggered line a fresh edge (and THRI is re-armed). */
static void rearm(struct uart_16550 *up)
{
	serial_out(up, UART_IER, 0);
	serial_out(up, UART_IER, up->ier);
}

/*
 * The top half: IRQ 4, hardirq context. The UART may have several causes
 * pending; IIR names one at a time, so ask until it says none: with an
 * edge-triggered line, a cause left pending would never interrupt again.
 * One FIFO load is sent per interrupt (QEMU empties the FIFO at once and
 * would keep the loop going); the next THRE interrupt sends the next.
 */
static irqreturn_t serial_interrupt(int irq, void *dev_id)
{
	struct uart_16550 *up = dev_id;
	unsigned int passes = 0;
	bool pushed = false, sent = false;

	(void)irq;
	spin_lock(&up->lock);
	while (!(serial_in(up, UART_IIR) & IIR_NO_INT)) {
		u8 lsr = serial_in(up, UART_LSR);

		passes++;
		pushed |= receive_chars(up, lsr);
		if ((lsr & LSR_THRE) && (up->ier & IER_THRI)) {
			if (sent) {
				rearm(up);
				break;
			}
			transmit_chars(up);
			sent = true;
		}
		if (passes == MAX_ISR_PASSES) {
			up->icount.too_much_work++;
			rearm(up);
			break;
		}
	}
	/* Nothing pending, with our interrupts on: the cause was served already,
	 * by the console's polled write or by the previous run of this handler
	 * (the edge it raised was latched meanwhile). The line is ours alone. */
	if (!passes && up->ier)
		passes = 1;
	spin_unlock(&up->lock);
	if (pushed)
		tty_flip_buffer_push(&up->port);
	return passes ? IRQ_HANDLED : IRQ_NONE;
}

/* ---------------------------------------------------------------- tty driver */

static int serial_write(struct tty_struct *tty, const unsigned char *buf, unsigned int n)
{
	struct uart_16550 *up = tty->driver_data;
	unsigned long flags;
	unsigned int i;

	spin_lock_irqsave(&up->lock, flags);
	for (i = 0; i < n && xmit_count(up) < XMIT_SIZE; i++)
		up->xmit[up->xmit_head++ % XMIT_SIZE] = buf[i];
	/* Start sending now; the THRE interrupt asks for more. (Before the
	 * interrupt is installed, the ring waits for the next printk.) */
	if (i && up->irq_ready && !(up->ier & IER_THRI)) {
		set_ier(up, up->ier | IER_THRI);
		if (serial_in(up, UART_LSR) & LSR_THRE)
			transmit_chars(up);
	}
	spin_unlock_irqrestore(&up->lock, flags);
	return i;
}

static unsigned int serial_write_room(struct tty_struct *tty)
{
	struct uart_16550 *up = tty->driver_data;

	return XMIT_SIZE - READ_ONCE(up->xmit_head) + READ_ONCE(up->xmit_tail);
}

static unsigned int serial_chars_in_buffer(struct tty_struct *tty)
{
	struct uart_16550 *up = tty->driver_data;

	return READ_ONCE(up->xmit_head) - READ_ONCE(up->xmit_tail);
}

static void serial_flush_buffer(struct tty_struct *tty)
{
	struct uart_16550 *up = tty->driver_data;
	unsigned long flags;

	spin_lock_irqsave(&up->lock, flags);
	up->xmit_tail = up->xmit_head;
	spin_unlock_irqrestore(&up->lock, flags);
	tty_wakeup(tty);
}

/* A writer waited long for room: make sure the transmitter is going (the
 * backup Linux's 8250 keeps for UARTs whose THRE interrupt can be lost). */
static void serial_kick(struct tty_struct *tty)
{
	struct uart_16550 *up = tty->driver_data;
	unsigned long flags;

	spin_lock_irqsave(&up->lock, flags);
	if (up->irq_ready && xmit_count(up)) {
		up->icount.kicks++;
		set_ier(up, up->ier | IER_THRI);
		rearm(up);
		if (serial_in(up, UART_LSR) & LSR_THRE)
			transmit_chars(up);
	}
	spin_unlock_irqrestore(&up->lock, flags);
}

static void serial_unthrottle(struct tty_port *port)
{
	struct uart_16550 *up = container_of(port, struct uart_16550, port);
	unsigned long flags;

	spin_lock_irqsave(&up->lock, flags);
	set_ier(up, up->ier | IER_RDI | IER_RLSI); /* waiting bytes interrupt at once */
	spin_unlock_irqrestore(&up->lock, flags);
}

static const struct tty_operations serial_ops = {
	.write = serial_write,
	.write_room = serial_write_room,
	.chars_in_buffer = serial_chars_in_buffer,
	.flush_buffer = serial_flush_buffer,
	.kick = serial_kick,
};

static const struct tty_port_operations serial_port_ops = {
	.unthrottle = serial_unthrottle,
};

/* /proc/tty/driver/serial: the UART's counters, as in Linux. */
static int serial_proc_show(struct seq_file *m, void *v)
{
	const struct uart_icount *ic = &com1.icount;

	(void)v;
	seq_printf(m, "serinfo:1.0 driver revision:janus\n");
	seq_printf(m, "0: uart:16550A port:%08X irq:%d tx:%lu rx:%lu oe:%lu fe:%lu pe:%lu brk:%lu "
		   "throttled:%lu flipdrop:%lu kicks:%lu\n", COM1, COM1_IRQ, ic->tx, ic->rx, ic->oe, ic->fe,
		   ic->pe, ic->brk, ic->throttled, com1.port.buf.dropped, ic->kicks);
	return 0;
}

/* /dev/ttyS0 and the interrupt: receive (and line status) on, transmit on demand. */
static int __init serial_tty_init(void)
{
	struct uart_16550 *up = &com1;
	unsigned long flags;
	int err;

	tty_port_init(&up->port);
	up->port.ops = &serial_port_ops;
	tty_init_struct(&up->tty, "ttyS0", &serial_ops, &up->port);
	up->tty.driver_data = up;
	up->tty.termios.c_cflag = B115200 | CS8 | CREAD | HUPCL | CLOCAL;
	up->tty.winsize = (struct winsize){ .ws_row = 24, .ws_col = 80 };
	err = tty_register(&up->tty, 4, TTYS0_MINOR);
	if (err)
		return err;
	err = request_irq(COM1_IRQ, serial_interrupt, 0, "ttyS0", up);
	if (err)
		return err;
	if (!proc_create_single("serial", 0444, proc_mkdir("driver", proc_mkdir("tty", NULL)),
				serial_proc_show))
		pr_warn("ttyS0: no /proc/tty/driver/serial\n");
	spin_lock_irqsave(&up->lock, flags);
	up->irq_ready = true;
	set_ier(up, IER_RDI | IER_RLSI | (xmit_count(up) ? IER_THRI : 0));
	spin_unlock_irqrestore(&up->lock, flags);
	return 0;
}
module_init(serial_tty_init);
