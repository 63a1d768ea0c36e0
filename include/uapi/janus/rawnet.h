/*
 * /dev/ethN, raw Ethernet frames for user programs (net/core/rawnet.c):
 * read() returns one received frame (sleeping until one comes), write()
 * sends one (14 to 1514 bytes: header and payload, no CRC). These ioctls
 * give the interface's MAC address and a limit on how long a read waits.
 */
#ifndef _UAPI_JANUS_RAWNET_H
#define _UAPI_JANUS_RAWNET_H

#define RAWNET_GET_HWADDR 0x4e01   /* arg: unsigned char[6], filled with the MAC */
#define RAWNET_SET_TIMEOUT 0x4e02  /* arg: milliseconds a read waits, 0 = forever; then -EAGAIN */

#endif
