/* The COM1 serial port (drivers/tty/serial_16550.c). */
#ifndef _LINUX_SERIAL_H
#define _LINUX_SERIAL_H
/* 115200 8N1, polled console registered: kmain's first call, so panics show. */
void serial_init(void);
/* Writes s polled, without printk (a bad Multiboot magic). */
void serial_puts(const char *s);
#endif
