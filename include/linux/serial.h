/* The COM1 serial port (drivers/serial.c). */
#ifndef _LINUX_SERIAL_H
#define _LINUX_SERIAL_H
void serial_init(void);
void serial_puts(const char *s);
/* The next received byte, or -1 if none is waiting. */
int serial_getc_nowait(void);
#endif
