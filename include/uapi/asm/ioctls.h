/* Terminal ioctl numbers, Linux i386's (include/uapi/asm/termbits.h has the structures). */
#ifndef _UAPI_ASM_IOCTLS_H
#define _UAPI_ASM_IOCTLS_H

#define TCGETS 0x5401     /* struct termios *: the settings */
#define TCSETS 0x5402     /* set them now */
#define TCSETSW 0x5403    /* once the output queued so far has gone */
#define TCSETSF 0x5404    /* that, and throw away unread input */
#define TCFLSH 0x540B     /* TCIFLUSH, TCOFLUSH or TCIOFLUSH */
#define TIOCSCTTY 0x540E  /* make it the caller's controlling terminal */
#define TIOCGPGRP 0x540F  /* pid_t *: the foreground process group */
#define TIOCSPGRP 0x5410  /* const pid_t *: set it (a group of the caller's session) */
#define TIOCOUTQ 0x5411   /* int *: bytes queued for output */
#define TIOCGWINSZ 0x5413 /* struct winsize * */
#define TIOCSWINSZ 0x5414
#define FIONREAD 0x541B   /* int *: bytes a read would return now */
#define TIOCNOTTY 0x5422  /* give up the controlling terminal */
#define TIOCGSID 0x5429   /* pid_t *: the terminal's session */
#define TIOCGDEV 0x80045432 /* unsigned int *: the device number, major << 8 | minor
			    * (Linux's new_encode_dev for minors below 256) */

#endif
