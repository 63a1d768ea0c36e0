/*
 * termios.h: terminal settings. struct termios is the kernel's own (Linux
 * i386 layout, <asm/termbits.h>), so tcgetattr and tcsetattr are one ioctl each.
 */
#ifndef _TERMIOS_H
#define _TERMIOS_H

#include <asm/termbits.h>

int tcgetattr(int fd, struct termios *t);
/* when: TCSANOW, TCSADRAIN (after queued output is sent), TCSAFLUSH (and drop unread input). */
int tcsetattr(int fd, int when, const struct termios *t);
int tcflush(int fd, int queue);
/* Raw mode: bytes one by one, no echo, no signals, no output processing. */
void cfmakeraw(struct termios *t);

#endif
