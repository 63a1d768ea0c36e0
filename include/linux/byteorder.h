/*
 * Network byte order (big-endian) for a little-endian CPU: the EtherType in
 * a frame and in sockaddr_ll.sll_protocol is big-endian. Linux's names.
 */
#ifndef _LINUX_BYTEORDER_H
#define _LINUX_BYTEORDER_H
#include <linux/types.h>

#define cpu_to_be16(x) ((u16)__builtin_bswap16((u16)(x)))
#define be16_to_cpu(x) ((u16)__builtin_bswap16((u16)(x)))
#define cpu_to_be32(x) ((u32)__builtin_bswap32((u32)(x)))
#define be32_to_cpu(x) ((u32)__builtin_bswap32((u32)(x)))
#define htons(x) cpu_to_be16(x)
#define ntohs(x) be16_to_cpu(x)
#define htonl(x) cpu_to_be32(x)
#define ntohl(x) be32_to_cpu(x)

#endif
