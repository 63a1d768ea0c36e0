/*
 * The PS/2 keyboard and the VGA console's terminal, /dev/tty1 (the screen
 * QEMU shows in its window: `make run DISPLAY_MODE=gtk`).
 *
 * The keyboard sits behind the i8042 controller on IRQ 1, the line seed
 * 003's driver also asks for: both request it with IRQF_SHARED, so each
 * key runs both handlers, and each must tell whether its device raised the
 * line (the seed's own example of a shared line, docs/seed003-driver.md).
 * The top half reads the scancode (set 1: the controller translates), turns
 * it into characters with a US layout, and pushes them into tty1's flip
 * buffer; from there on a key takes the same path as a byte from the
 * serial line (docs/tty.md). tty1's output is written to the screen.
 */
#include <asm/io.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/tty.h>
#include <linux/tty_flip.h>
#include <linux/vga.h>

#define KBD_IRQ 1
#define I8042_DATA 0x60
#define I8042_STATUS 0x64 /* read: status; write: a command */
#define STATUS_OBF 0x01   /* a byte waits in the output buffer */
#define STATUS_IBF 0x02   /* the controller has not taken our last byte yet */
#define STATUS_AUX 0x20   /* that byte is the mouse's */
#define CMD_READ_CONFIG 0x20
#define CMD_WRITE_CONFIG 0x60
#define CONFIG_KBD_INT 0x01   /* IRQ 1 on keyboard data */
#define CONFIG_AUX_INT 0x02   /* IRQ 12 on mouse data */
#define CONFIG_XLATE 0x40     /* translate to scancode set 1 */

#define SC_RELEASE 0x80
#define SC_EXTENDED 0xe0
#define SC_LCTRL 0x1d
#define SC_LSHIFT 0x2a
#define SC_RSHIFT 0x36
#define SC_CAPS 0x3a

/* Set 1 make codes 0x00-0x39 to characters: plain and with shift. 0x0e
 * (Backspace) sends DEL, as Linux's keymap does: the terminal's VERASE. */
static const char plain[] = "\0\x1b" "1234567890-=\x7f\tqwertyuiop[]\r\0asdfghjkl;'`\0\\zxcvbnm,./\0*\0 ";
static const char shifted[] = "\0\x1b" "!@#$%^&*()_+\x7f\tQWERTYUIOP{}\r\0ASDFGHJKL:\"~\0|ZXCVBNM<>?\0*\0 ";

static struct {
	bool shift[2], ctrl, caps, extended;
	unsigned long keys; /* characters sent to tty1 */
} kbd;

static struct tty_port vt_port;
static struct tty_struct vt_tty;

/* The character for a make code, or 0 for none (modifiers, unmapped keys). */
static char to_char(u8 code)
{
	bool shift = kbd.shift[0] || kbd.shift[1];
	char c;

	if (code >= sizeof(plain) - 1)
		return 0;
	c = shift ? shifted[code] : plain[code];
	if (kbd.caps && c >= 'a' && c <= 'z')
		c -= 'a' - 'A';
	else if (kbd.caps && c >= 'A' && c <= 'Z' && shift)
		c += 'a' - 'A';
	if (kbd.ctrl && ((c >= 'a' && c <= 'z') || (c >= '@' && c <= '_')))
		c &= 0x1f; /* ^C is 3, ^\ is 0x1c */
	return c;
}

/* One scancode: a modifier changes state, a key press becomes a character. */
static bool scancode(u8 sc)
{
	bool release = sc & SC_RELEASE, extended = kbd.extended;
	u8 code = sc & ~SC_RELEASE;
	char c;

	kbd.extended = sc == SC_EXTENDED;
	if (sc == SC_EXTENDED)
		return false;
	if (code == SC_LSHIFT || code == SC_RSHIFT) {
		kbd.shift[code == SC_RSHIFT] = !release;
		return false;
	}
	if (code == SC_LCTRL) { /* left, or right (0xe0 0x1d) */
		kbd.ctrl = !release;
		return false;
	}
	if (release || extended)
		return false; /* arrows and the like: not mapped */
	if (code == SC_CAPS) {
		kbd.caps = !kbd.caps;
		return false;
	}
	c = to_char(code);
	if (!c)
		return false;
	kbd.keys++;
	return tty_insert_flip_char(&vt_port, c, TTY_NORMAL);
}

/*
 * The top half: IRQ 1, shared. A byte waiting in the controller is the
 * keyboard's unless the controller marks it as the mouse's (read and
 * dropped). Nothing waiting: not us (seed 003's handler may be the one).
 */
static irqreturn_t kbd_interrupt(int irq, void *dev_id)
{
	u8 status = inb(I8042_STATUS);

	(void)irq;
	(void)dev_id;
	if (!(status & STATUS_OBF))
		return IRQ_NONE;
	if (!(status & STATUS_AUX) && scancode(inb(I8042_DATA)))
		tty_flip_buffer_push(&vt_port);
	else if (status & STATUS_AUX)
		inb(I8042_DATA);
	return IRQ_HANDLED;
}

static void i8042_write(u8 port, u8 v)
{
	for (int tries = 0; tries < 100000 && (inb(I8042_STATUS) & STATUS_IBF); tries++)
		;
	outb(v, port);
}

/* Keyboard interrupts and translation on, the mouse's interrupt off. */
static void i8042_init(void)
{
	u8 config = 0;

	while (inb(I8042_STATUS) & STATUS_OBF)
		inb(I8042_DATA); /* stale bytes */
	i8042_write(I8042_STATUS, CMD_READ_CONFIG);
	for (int tries = 0; tries < 100000; tries++) {
		if (inb(I8042_STATUS) & STATUS_OBF) {
			config = inb(I8042_DATA);
			break;
		}
	}
	config = (config | CONFIG_KBD_INT | CONFIG_XLATE) & ~CONFIG_AUX_INT;
	i8042_write(I8042_STATUS, CMD_WRITE_CONFIG);
	i8042_write(I8042_DATA, config);
}

static int vt_write(struct tty_struct *tty, const unsigned char *buf, unsigned int n)
{
	(void)tty;
	vga_write((const char *)buf, n);
	return n;
}

static unsigned int vt_write_room(struct tty_struct *tty)
{
	(void)tty;
	return 4096; /* the screen takes everything at once */
}

static const struct tty_operations vt_ops = { .write = vt_write, .write_room = vt_write_room };

/* /dev/tty1 (major 4, minor 1, as in Linux), then the keyboard's interrupt. */
static int __init keyboard_init(void)
{
	int err;

	tty_port_init(&vt_port);
	tty_init_struct(&vt_tty, "tty1", &vt_ops, &vt_port);
	err = tty_register(&vt_tty, 4, 1);
	if (err)
		return err;
	i8042_init();
	return request_irq(KBD_IRQ, kbd_interrupt, IRQF_SHARED, "i8042", &kbd);
}
module_init(keyboard_init);
