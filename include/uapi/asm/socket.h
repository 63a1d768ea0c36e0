/* SOL_SOCKET options (Linux's asm-generic/socket.h values, i386). */
#ifndef _UAPI_ASM_SOCKET_H
#define _UAPI_ASM_SOCKET_H

#define SOL_SOCKET 1
#define SO_TYPE 3
#define SO_ERROR 4
#define SO_RCVBUF 8
#define SO_RCVTIMEO 20 /* struct timeval: how long a receive waits (0: forever) */
#define SO_SNDTIMEO 21

#endif
